#include "EmergencyCodes.h"

#include "PlatformState.h"
#include "crypto/SecureBuffer.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/rand.h>

namespace haip::server {

namespace {

QByteArray digestOf(const QString &code)
{
    return QCryptographicHash::hash(code.toLatin1(), QCryptographicHash::Sha256).toHex();
}

Result<QJsonObject> readCodes(const QString &file)
{
    Result<QByteArray> bytes = PlatformState::readFile(file, 1024 * 1024);
    if (!bytes)
        return bytes.error().code() == ErrorCode::FileNotFound ? Result<QJsonObject>(QJsonObject())
                                                               : Result<QJsonObject>(bytes.error());
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::CorruptDataset, QStringLiteral("the emergency code file is damaged"), file);
    return doc.object();
}

} // namespace

EmergencyCodes::EmergencyCodes(QString file) : m_file(std::move(file)) { }

Result<QString> EmergencyCodes::issue(const QString &clinicianId, int validMinutes, const QDateTime &now)
{
    Result<QJsonObject> codes = readCodes(m_file);
    if (!codes)
        return codes.error();
    unsigned char random[12];
    if (RAND_bytes(random, sizeof random) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("RAND_bytes failed"));
    QString code;
    for (unsigned char r : random)
        code.append(QChar(u'0' + r % 10)); // 256 % 10 bias is negligible for a one-use, minutes-long code
    codes->insert(
        clinicianId,
        QJsonObject {{QStringLiteral("sha256"), QString::fromLatin1(digestOf(code))},
                     {QStringLiteral("expiresAt"), now.addSecs(qint64(validMinutes) * 60).toString(Qt::ISODate)}});
    if (Result<void> w = PlatformState::writeFile(m_file, QJsonDocument(*codes).toJson(), true); !w)
        return w.error();
    return code;
}

Result<void> EmergencyCodes::consume(const QString &clinicianId, const QString &code, const QDateTime &now)
{
    Result<QJsonObject> codes = readCodes(m_file);
    if (!codes)
        return codes.error();
    const QJsonObject entry = codes->value(clinicianId).toObject();
    const QDateTime expires = QDateTime::fromString(entry.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    if (entry.isEmpty() || !expires.isValid() || expires < now)
        return Error(ErrorCode::AuthenticationFailed, QStringLiteral("no valid emergency code for this user; ask IT"));
    QString digits = code;
    digits.remove(u'-').remove(u' ');
    if (!crypto::constantTimeEquals(digestOf(digits), entry.value(QStringLiteral("sha256")).toString().toLatin1()))
        return Error(ErrorCode::AuthenticationFailed, QStringLiteral("wrong emergency code"));
    codes->remove(clinicianId);
    return PlatformState::writeFile(m_file, QJsonDocument(*codes).toJson(), true);
}

} // namespace haip::server
