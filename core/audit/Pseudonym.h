// Pseudonym: the only kind of study or payload identifier an audit record may carry — a value
// that names data without naming the patient: a DICOM UID of at least three components as
// de-identification issues them (e.g. "2.25.<decimal>"), a lowercase hex digest (32 to 64 digits)
// or a UUID. Anything else (a name, a bare patient number, free text) is refused, so a caller
// cannot pass a patient's name or ID into the audit trail by accident.
#pragma once

#include <QString>

#include <optional>

namespace haip::audit {

class Pseudonym
{
public:
    static std::optional<Pseudonym> fromString(const QString &text);

    const QString &text() const { return m_text; }

private:
    explicit Pseudonym(QString text) : m_text(std::move(text)) { }
    QString m_text;
};

} // namespace haip::audit
