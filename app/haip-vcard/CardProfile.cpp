#include "CardProfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace haip::vcard {

namespace {

Error invalid(const QString &path, const QString &what)
{
    return Error(ErrorCode::InvalidArgument, u"not a card profile: %1"_s.arg(what), path);
}

} // namespace

Result<CardProfile> CardProfile::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return invalid(path, parseError.errorString());
    CardProfile p;
    p.m_path = path;
    p.m_json = doc.object();
    const QJsonObject &j = p.m_json;
    if (j[u"format"_s].toString() != u"haip-vcard-profile"_s || j[u"version"_s].toInt() != 1)
        return invalid(path, u"format or version"_s);
    p.m_clinicianId = j[u"clinicianId"_s].toString();
    p.m_uuid = QByteArray::fromHex(j[u"cardholderUuid"_s].toString().toLatin1());
    p.m_pin = j[u"pin"_s].toString().toLatin1();
    p.m_puk = j[u"puk"_s].toString().toLatin1();
    p.m_pinRetries = j[u"pinRetries"_s].toInt(3);
    p.m_pinLeft = j[u"pinRetriesLeft"_s].toInt(p.m_pinRetries);
    p.m_pukRetries = j[u"pukRetries"_s].toInt(10);
    p.m_pukLeft = j[u"pukRetriesLeft"_s].toInt(p.m_pukRetries);
    if (p.m_uuid.size() != 16 || p.m_pin.size() < 6 || p.m_pin.size() > 8 || p.m_puk.size() != 8)
        return invalid(path, u"cardholderUuid, pin or puk"_s);
    const QJsonObject slot = j[u"slots"_s].toObject()[u"9A"_s].toObject();
    p.m_algorithmId = slot[u"pivAlgorithmId"_s].toInt();
    const auto der = QByteArray::fromBase64Encoding(slot[u"certificateDer"_s].toString().toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!der || der.decoded.isEmpty())
        return invalid(path, u"slots.9A.certificateDer"_s);
    p.m_certificateDer = der.decoded;
    Result<CardKey> key = CardKey::fromPem(slot[u"privateKeyPkcs8Pem"_s].toString().toLatin1());
    if (!key)
        return Error(key.error().code(), key.error().detail(), path);
    if (key->pivAlgorithmId() != p.m_algorithmId)
        return invalid(path, u"pivAlgorithmId does not match the key"_s);
    p.m_key = std::move(key).value();
    return p;
}

Result<void> CardProfile::saveCounters() const
{
    QJsonObject j = m_json;
    j[u"pin"_s] = QString::fromLatin1(m_pin);
    j[u"pinRetriesLeft"_s] = m_pinLeft;
    j[u"pukRetriesLeft"_s] = m_pukLeft;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::WriteFailed, file.errorString(), m_path);
    file.write(QJsonDocument(j).toJson());
    if (!file.commit())
        return Error(ErrorCode::WriteFailed, file.errorString(), m_path);
    return {};
}

} // namespace haip::vcard
