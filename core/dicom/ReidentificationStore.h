// ReidentificationStore: the way back from de-identified identifiers to the originals — patient
// pseudonym → original patient ID and date offset, new UID → original UID — so that results from
// an AI service can be re-linked to the study they came from. It holds patient identifiers: it
// stays on this machine, encrypted at rest (crypto::SealedFile) under a key the OS keeps
// (crypto::OsKeyStore, "reid-map-key"); it is never printed, logged or sent.
//
// Every record() re-reads the file under a FileLock, merges and writes it back atomically, so the
// workstation and haip-cli can add to it at the same time. A file that does not open (tampered,
// another key) is an error, never silently replaced: that would lose every earlier mapping.
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "dicom/Deidentifier.h"

#include <QHash>
#include <QString>

#include <optional>

namespace haip::dicom {

class ReidentificationStore
{
public:
    // One per OS user, next to the audit trail: <AppDataLocation of haip-workstation>/deid/
    // reidentification.sealed, whichever program asks.
    static QString defaultPath();
    // The key from the OS key store (created on first use).
    static Result<crypto::SecureBuffer> defaultKey();

    // Reads the store (an absent file is an empty store).
    static Result<ReidentificationStore> open(const QString &path, crypto::SecureBuffer key);

    // Adds one de-identified instance's mapping and saves.
    Result<void> record(const DeidReidentification &mapping);

    std::optional<QString> originalUid(const QString &newUid) const;
    std::optional<QString> originalPatientId(const QString &pseudonym) const;
    std::optional<int> dateOffsetDays(const QString &pseudonym) const;
    qsizetype uidCount() const { return m_uids.size(); }

private:
    struct Patient
    {
        QString patientId;
        int dateOffsetDays = 0;
    };
    ReidentificationStore(QString path, crypto::SecureBuffer key);
    Result<void> load();
    Result<void> save() const;

    QString m_path;
    crypto::SecureBuffer m_key;
    QHash<QString, QString> m_uids; // new → original
    QHash<QString, Patient> m_patients; // pseudonym → original
};

} // namespace haip::dicom
