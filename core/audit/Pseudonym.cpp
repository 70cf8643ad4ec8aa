#include "audit/Pseudonym.h"

#include <QRegularExpression>

namespace haip::audit {

using namespace Qt::StringLiterals;

std::optional<Pseudonym> Pseudonym::fromString(const QString &text)
{
    // PS3.5 9.1: components of digits without leading zeros, separated by dots, at most 64
    // characters. Three components at least: a bare number could be a patient ID.
    static const QRegularExpression uid(u"^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)){2,}$"_s);
    static const QRegularExpression digest(u"^[0-9a-f]{32,64}$"_s);
    static const QRegularExpression uuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    if (text.size() > 64)
        return std::nullopt;
    if (uid.match(text).hasMatch() || digest.match(text).hasMatch() || uuid.match(text).hasMatch())
        return Pseudonym(text);
    return std::nullopt;
}

} // namespace haip::audit
