// Provisional: ASCII, Latin-1 and UTF-8 only, until the full PS3.5 §6.1 decoder lands.
#include "dicom/CharsetDecoder.h"

namespace haip::dicom {

CharsetDecoder::CharsetDecoder(const QStringList &specificCharacterSet) : m_terms(specificCharacterSet)
{
    for (const QString &t : m_terms) {
        const QString term = t.trimmed();
        if (!term.isEmpty() && term != QLatin1String("ISO_IR 6") && term != QLatin1String("ISO_IR 100") &&
            term != QLatin1String("ISO_IR 192"))
            m_unsupported.append(term);
    }
}

bool CharsetDecoder::isSupported() const
{
    return m_unsupported.isEmpty();
}

QStringList CharsetDecoder::unsupportedTerms() const
{
    return m_unsupported;
}

QString CharsetDecoder::decode(const QByteArray &raw, TextKind) const
{
    if (m_terms.contains(QLatin1String("ISO_IR 192")))
        return QString::fromUtf8(raw);
    return QString::fromLatin1(raw);
}

} // namespace haip::dicom
