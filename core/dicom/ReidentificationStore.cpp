#include "dicom/ReidentificationStore.h"

#include "common/FileLock.h"
#include "crypto/OsKeyStore.h"
#include "crypto/SealedFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace haip::dicom {

namespace {

const QByteArray kPurpose = QByteArrayLiteral("reidentification-map");
constexpr int kFormat = 1;

} // namespace

QString ReidentificationStore::defaultPath()
{
    // AppDataLocation ends in the running program's name; the map is the workstation's.
    const QDir organization = QFileInfo(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).dir();
    return organization.filePath(QStringLiteral("haip-workstation/deid/reidentification.sealed"));
}

Result<crypto::SecureBuffer> ReidentificationStore::defaultKey()
{
    return crypto::OsKeyStore::loadOrCreate(QStringLiteral("reid-map-key"), 32);
}

ReidentificationStore::ReidentificationStore(QString path, crypto::SecureBuffer key)
    : m_path(std::move(path)), m_key(std::move(key))
{ }

Result<ReidentificationStore> ReidentificationStore::open(const QString &path, crypto::SecureBuffer key)
{
    if (key.size() != 32)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("the map key must be 32 bytes"), path);
    ReidentificationStore store(path, std::move(key));
    if (Result<void> loaded = store.load(); !loaded)
        return loaded.error();
    return store;
}

Result<void> ReidentificationStore::load()
{
    m_uids.clear();
    m_patients.clear();
    Result<crypto::SecureBuffer> plain = crypto::readSealedFile(m_path, m_key, kPurpose);
    if (!plain)
        return plain.error().code() == ErrorCode::FileNotFound ? Result<void>() : Result<void>(plain.error());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(plain->toByteArray(), &parseError);
    if (!doc.isObject() || doc.object().value(QLatin1String("format")).toInt() != kFormat)
        return Error(
            ErrorCode::CorruptDataset, QStringLiteral("the re-identification map is not in a known format"), m_path);
    const QJsonObject uids = doc.object().value(QLatin1String("uids")).toObject();
    for (auto it = uids.begin(); it != uids.end(); ++it)
        m_uids.insert(it.key(), it.value().toString());
    const QJsonObject patients = doc.object().value(QLatin1String("patients")).toObject();
    for (auto it = patients.begin(); it != patients.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        m_patients.insert(
            it.key(),
            Patient {p.value(QLatin1String("patientId")).toString(), p.value(QLatin1String("dateOffsetDays")).toInt()});
    }
    return {};
}

Result<void> ReidentificationStore::save() const
{
    QJsonObject uids;
    for (auto it = m_uids.cbegin(); it != m_uids.cend(); ++it)
        uids.insert(it.key(), it.value());
    QJsonObject patients;
    for (auto it = m_patients.cbegin(); it != m_patients.cend(); ++it)
        patients.insert(it.key(),
                        QJsonObject {{QStringLiteral("patientId"), it->patientId},
                                     {QStringLiteral("dateOffsetDays"), it->dateOffsetDays}});
    const QJsonObject root {
        {QStringLiteral("format"), kFormat}, {QStringLiteral("uids"), uids}, {QStringLiteral("patients"), patients}};
    return crypto::writeSealedFile(m_path, m_key, kPurpose, QJsonDocument(root).toJson(QJsonDocument::Compact));
}

Result<void> ReidentificationStore::record(const DeidReidentification &mapping)
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Error(ErrorCode::WriteFailed, QStringLiteral("cannot create the folder"), m_path);
    Result<FileLock> lock = FileLock::acquire(m_path + QStringLiteral(".lock"), 10'000);
    if (!lock)
        return lock.error();
    // What another program added since open() is kept.
    if (Result<void> loaded = load(); !loaded)
        return loaded;
    for (auto it = mapping.uids.cbegin(); it != mapping.uids.cend(); ++it)
        m_uids.insert(it.value(), it.key());
    if (!mapping.pseudonym.isEmpty())
        m_patients.insert(mapping.pseudonym, Patient {mapping.originalPatientId, mapping.dateOffsetDays});
    return save();
}

std::optional<QString> ReidentificationStore::originalUid(const QString &newUid) const
{
    const auto it = m_uids.constFind(newUid);
    return it == m_uids.constEnd() ? std::nullopt : std::optional<QString>(*it);
}

std::optional<QString> ReidentificationStore::originalPatientId(const QString &pseudonym) const
{
    const auto it = m_patients.constFind(pseudonym);
    return it == m_patients.constEnd() ? std::nullopt : std::optional<QString>(it->patientId);
}

std::optional<int> ReidentificationStore::dateOffsetDays(const QString &pseudonym) const
{
    const auto it = m_patients.constFind(pseudonym);
    return it == m_patients.constEnd() ? std::nullopt : std::optional<int>(it->dateOffsetDays);
}

} // namespace haip::dicom
