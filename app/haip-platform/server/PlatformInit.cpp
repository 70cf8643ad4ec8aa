// PlatformInit: the demo PKI and identities. Names, ids and validity periods are demo data.
#include "PlatformInit.h"

#include "CardProfile.h"
#include "CertificateAuthority.h"
#include "ClinicianDirectory.h"
#include "PlatformState.h"
#include "crypto/Totp.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace haip::server {

namespace {

constexpr int kCaYears = 10;
constexpr int kServerYears = 2;
constexpr int kCardYears = 5;

// The demo clinicians: RSA-2048 and ECC P-256 cards, and one card revoked in the CRL.
struct DemoClinician
{
    const char *id;
    const char *nameJa; // UTF-8
    const char *nameRomaji;
    const char *hpkiId;
    KeyType keyType;
    bool revoked;
};
constexpr std::array<DemoClinician, 4> kDemoClinicians {{
    {"yamada", "山田 太郎", "YAMADA Taro", "HPKI-DEMO-0001", KeyType::Rsa2048, false},
    {"sato", "佐藤 花子", "SATO Hanako", "HPKI-DEMO-0002", KeyType::EcP256, false},
    {"suzuki", "鈴木 一郎", "SUZUKI Ichiro", "HPKI-DEMO-0003", KeyType::Rsa2048, true},
    {"takahashi", "高橋 美咲", "TAKAHASHI Misaki", "HPKI-DEMO-0004", KeyType::EcP256, false},
}};
constexpr const char *kProfession = "医師"; // medical doctor (HPKI hcRole "Medical Doctor")
constexpr const char *kHospital = "HAIP Demo Hospital";

QByteArray randomBytes(int n)
{
    QByteArray out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        qFatal("RAND_bytes failed");
    return out;
}

bool exists(const QString &path)
{
    return QFile::exists(path);
}

CertificateSpec validFor(CertificateSpec spec, int years)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    spec.notBefore = now.addSecs(-3600); // tolerate clocks an hour behind
    spec.notAfter = now.addYears(years);
    return spec;
}

Result<QByteArray> x25519PrivateKeyRaw(QByteArray *publicRaw)
{
    using crypto::internal::PKeyPtr;
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    size_t privateLength = 32;
    size_t publicLength = 32;
    QByteArray priv(32, '\0');
    QByteArray pub(32, '\0');
    if (!key ||
        EVP_PKEY_get_raw_private_key(key.get(), reinterpret_cast<unsigned char *>(priv.data()), &privateLength) != 1 ||
        EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(pub.data()), &publicLength) != 1 ||
        privateLength != 32 || publicLength != 32)
        return Error(ErrorCode::Internal, QStringLiteral("X25519 key generation failed"));
    *publicRaw = pub;
    return priv;
}

} // namespace

PlatformInit::PlatformInit(const PlatformState &state) : m_state(state) { }

void PlatformInit::note(InitReport &report, const QString &path) const
{
    report.created.append(QDir(m_state.root()).relativeFilePath(path));
}

Result<InitReport> PlatformInit::run()
{
    InitReport report;
    if (Result<void> r = PlatformState::makePrivateDir(m_state.root()); !r)
        return r.error();
    using Step = Result<void> (PlatformInit::*)(InitReport &);
    constexpr std::array<Step, 7> steps {&PlatformInit::createHpkiCa,
                                         &PlatformInit::createTls,
                                         &PlatformInit::createSessionCa,
                                         &PlatformInit::createCatalogKey,
                                         &PlatformInit::createServiceKeys,
                                         &PlatformInit::createClinicians,
                                         &PlatformInit::writeManifest};
    for (Step step : steps) {
        if (Result<void> r = (this->*step)(report); !r)
            return r.error();
    }
    return report;
}

Result<void> PlatformInit::createHpkiCa(InitReport &report)
{
    if (exists(m_state.hpkiCaCertificate()) && exists(m_state.hpkiCaKey()))
        return {};
    if (exists(m_state.clinicianDirectory()))
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("the HPKI test CA is missing but clinicians exist; remove the state folder"),
                     m_state.root());
    CertificateSpec spec;
    spec.subject = {{"C", QStringLiteral("JP")},
                    {"O", QStringLiteral("HAIP Demo HPKI")},
                    {"CN", QStringLiteral("HAIP Demo HPKI Root CA (test only)")}};
    Result<CertificateAuthority> ca = CertificateAuthority::createRoot(validFor(spec, kCaYears), KeyType::EcP256);
    if (!ca)
        return ca.error();
    if (Result<void> r = PlatformState::writeFile(m_state.hpkiCaKey(), ca->keyPem(), true); !r)
        return r;
    note(report, m_state.hpkiCaKey());
    if (Result<void> r = PlatformState::writeFile(m_state.hpkiCaCertificate(), ca->certificatePem(), false); !r)
        return r;
    note(report, m_state.hpkiCaCertificate());
    return {};
}

Result<void> PlatformInit::createTls(InitReport &report)
{
    Result<CertificateAuthority> ca = Error(ErrorCode::None);
    if (exists(m_state.tlsCaCertificate()) && exists(m_state.tlsCaKey())) {
        if (exists(m_state.serverCertificate()) && exists(m_state.serverKey()))
            return {};
        Result<QByteArray> cert = PlatformState::readFile(m_state.tlsCaCertificate());
        Result<QByteArray> key = PlatformState::readFile(m_state.tlsCaKey());
        if (!cert || !key)
            return cert ? key.error() : cert.error();
        ca = CertificateAuthority::load(*cert, *key);
    } else {
        CertificateSpec spec;
        spec.subject = {{"C", QStringLiteral("JP")},
                        {"O", QStringLiteral("HAIP Reference Platform")},
                        {"CN", QStringLiteral("HAIP Platform TLS CA (test only)")}};
        ca = CertificateAuthority::createRoot(validFor(spec, kCaYears), KeyType::EcP256);
        if (ca) {
            if (Result<void> r = PlatformState::writeFile(m_state.tlsCaKey(), ca->keyPem(), true); !r)
                return r;
            note(report, m_state.tlsCaKey());
            if (Result<void> r = PlatformState::writeFile(m_state.tlsCaCertificate(), ca->certificatePem(), false); !r)
                return r;
            note(report, m_state.tlsCaCertificate());
        }
    }
    if (!ca)
        return ca.error();
    Result<QByteArray> key = CertificateAuthority::generateKey(KeyType::EcP256);
    if (!key)
        return key.error();
    Result<QByteArray> spki = CertificateAuthority::publicKeyDer(*key);
    if (!spki)
        return spki.error();
    CertificateSpec spec;
    spec.subject = {{"C", QStringLiteral("JP")},
                    {"O", QStringLiteral("HAIP Reference Platform")},
                    {"CN", QStringLiteral("localhost")}};
    spec.dnsNames = {QStringLiteral("localhost")};
    spec.ipAddresses = {QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    spec.profile = CertificateProfile::TlsServer;
    Result<QSslCertificate> cert =
        ca->issue(validFor(spec, kServerYears), *spki, CertificateAuthority::randomSerialHex());
    if (!cert)
        return cert.error();
    if (Result<void> r = PlatformState::writeFile(m_state.serverKey(), *key, true); !r)
        return r;
    note(report, m_state.serverKey());
    // Leaf then CA: clients that pin the CA find it in the chain the server sends.
    if (Result<void> r =
            PlatformState::writeFile(m_state.serverCertificate(), cert->toPem() + ca->certificatePem(), false);
        !r)
        return r;
    note(report, m_state.serverCertificate());
    return {};
}

Result<void> PlatformInit::createSessionCa(InitReport &report)
{
    if (exists(m_state.sessionCaCertificate()) && exists(m_state.sessionCaKey()))
        return {};
    CertificateSpec spec;
    spec.subject = {{"C", QStringLiteral("JP")},
                    {"O", QStringLiteral("HAIP Reference Platform")},
                    {"CN", QStringLiteral("HAIP Session CA (test only)")}};
    Result<CertificateAuthority> ca = CertificateAuthority::createRoot(validFor(spec, kCaYears), KeyType::EcP256);
    if (!ca)
        return ca.error();
    if (Result<void> r = PlatformState::writeFile(m_state.sessionCaKey(), ca->keyPem(), true); !r)
        return r;
    note(report, m_state.sessionCaKey());
    if (Result<void> r = PlatformState::writeFile(m_state.sessionCaCertificate(), ca->certificatePem(), false); !r)
        return r;
    note(report, m_state.sessionCaCertificate());
    return {};
}

Result<void> PlatformInit::createCatalogKey(InitReport &report)
{
    if (exists(m_state.catalogSigningKey()) && exists(m_state.catalogPublicKey()))
        return {};
    Result<QByteArray> key = exists(m_state.catalogSigningKey()) ? PlatformState::readFile(m_state.catalogSigningKey())
                                                                 : CertificateAuthority::generateKey(KeyType::EcP256);
    if (!key)
        return key.error();
    Result<QByteArray> pub = CertificateAuthority::publicKeyPem(*key);
    if (!pub)
        return pub.error();
    if (!exists(m_state.catalogSigningKey())) {
        if (Result<void> r = PlatformState::writeFile(m_state.catalogSigningKey(), *key, true); !r)
            return r;
        note(report, m_state.catalogSigningKey());
    }
    if (Result<void> r = PlatformState::writeFile(m_state.catalogPublicKey(), *pub, false); !r)
        return r;
    note(report, m_state.catalogPublicKey());
    return {};
}

Result<void> PlatformInit::createServiceKeys(InitReport &report)
{
    for (const QString &id : PlatformState::serviceIds()) {
        if (exists(m_state.servicePrivateKey(id)) && exists(m_state.servicePublicKey(id)))
            continue;
        QByteArray pub;
        Result<QByteArray> priv = x25519PrivateKeyRaw(&pub);
        if (!priv)
            return priv.error();
        if (Result<void> r = PlatformState::writeFile(m_state.servicePrivateKey(id), priv->toBase64() + '\n', true); !r)
            return r;
        note(report, m_state.servicePrivateKey(id));
        if (Result<void> r = PlatformState::writeFile(m_state.servicePublicKey(id), pub.toBase64() + '\n', false); !r)
            return r;
        note(report, m_state.servicePublicKey(id));
    }
    return {};
}

Result<void> PlatformInit::createClinicians(InitReport &report)
{
    if (exists(m_state.clinicianDirectory()) && exists(m_state.hpkiCrl()))
        return {};
    Result<QByteArray> caCert = PlatformState::readFile(m_state.hpkiCaCertificate());
    Result<QByteArray> caKey = PlatformState::readFile(m_state.hpkiCaKey());
    if (!caCert || !caKey)
        return caCert ? caKey.error() : caCert.error();
    Result<CertificateAuthority> ca = CertificateAuthority::load(*caCert, *caKey);
    if (!ca)
        return ca.error();
    if (exists(m_state.clinicianDirectory())) {
        // Only the CRL is missing: list the directory's revoked cards again.
        Result<ClinicianDirectory> directory = ClinicianDirectory::load(m_state.clinicianDirectory());
        if (!directory)
            return directory.error();
        QList<RevokedCertificate> revoked;
        for (const Clinician &c : directory->clinicians()) {
            if (c.cardRevoked)
                revoked.append({c.cardCertificateSerial, QDateTime::currentDateTimeUtc().addSecs(-60)});
        }
        return writeCrl(*ca, revoked, report);
    }

    ClinicianDirectory directory;
    QList<RevokedCertificate> revoked;
    for (const DemoClinician &d : kDemoClinicians) {
        Clinician c;
        c.id = QLatin1String(d.id);
        c.nameJa = QString::fromUtf8(d.nameJa);
        c.nameRomaji = QLatin1String(d.nameRomaji);
        c.hpkiId = QLatin1String(d.hpkiId);
        c.profession = QString::fromUtf8(kProfession);
        c.cardKeyType = d.keyType == KeyType::Rsa2048 ? QStringLiteral("RSA-2048") : QStringLiteral("ECC-P256");
        c.cardRevoked = d.revoked;
        c.totpSecret = randomBytes(20); // RFC 4226 recommends 160 bits

        Result<QByteArray> key = CertificateAuthority::generateKey(d.keyType);
        if (!key)
            return key.error();
        Result<QByteArray> spki = CertificateAuthority::publicKeyDer(*key);
        if (!spki)
            return spki.error();
        // HPKI-like authentication certificate: romaji CN, practitioner id, profession; the
        // Japanese name as a directoryName in subjectAltName (HPKI carries both forms).
        CertificateSpec spec;
        spec.subject = {{"C", QStringLiteral("JP")},
                        {"O", QLatin1String(kHospital)},
                        {"title", c.profession},
                        {"serialNumber", c.hpkiId},
                        {"CN", c.nameRomaji}};
        spec.directoryName = {{"C", QStringLiteral("JP")}, {"CN", c.nameJa}};
        spec.profile = CertificateProfile::CardAuthentication;
        c.cardCertificateSerial = CertificateAuthority::randomSerialHex();
        Result<QSslCertificate> cert = ca->issue(validFor(spec, kCardYears), *spki, c.cardCertificateSerial);
        if (!cert)
            return cert.error();
        if (d.revoked)
            revoked.append({c.cardCertificateSerial, QDateTime::currentDateTimeUtc().addSecs(-60)});

        CardProfile profile;
        profile.clinicianId = c.id;
        profile.nameJa = c.nameJa;
        profile.nameRomaji = c.nameRomaji;
        profile.cardholderUuid = randomBytes(16);
        profile.algorithm = c.cardKeyType;
        profile.privateKeyPem = *key;
        profile.certificateDer = cert->toDer();
        if (Result<void> r = PlatformState::writeFile(
                m_state.cardProfile(c.id), QJsonDocument(profile.toJson()).toJson(QJsonDocument::Indented), true);
            !r)
            return r;
        note(report, m_state.cardProfile(c.id));

        const crypto::Totp totp(c.totpSecret);
        const QString uri = totp.otpauthUri(QStringLiteral("HAIP Demo"), c.id);
        if (Result<void> r = PlatformState::writeFile(m_state.otpauthFile(c.id), uri.toUtf8() + '\n', true); !r)
            return r;
        note(report, m_state.otpauthFile(c.id));
        directory.add(c);
    }
    if (Result<void> r = writeCrl(*ca, revoked, report); !r)
        return r;
    if (Result<void> r = directory.save(m_state.clinicianDirectory()); !r)
        return r;
    note(report, m_state.clinicianDirectory());
    return {};
}

Result<void>
PlatformInit::writeCrl(const CertificateAuthority &ca, const QList<RevokedCertificate> &revoked, InitReport &report)
{
    // A year of validity: the demo CRL must not expire under a long-lived state folder.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<QByteArray> crl = ca.crl(revoked, now.addSecs(-60), now.addDays(365), 1);
    if (!crl)
        return crl.error();
    if (Result<void> r = PlatformState::writeFile(m_state.hpkiCrl(), *crl, false); !r)
        return r;
    note(report, m_state.hpkiCrl());
    return {};
}

Result<void> PlatformInit::writeManifest(InitReport &report)
{
    if (exists(m_state.manifest()) && !report.changed())
        return {};
    QJsonObject manifest {
        {QStringLiteral("layoutVersion"), PlatformState::kLayoutVersion},
        {QStringLiteral("createdBy"), QStringLiteral("haip-platform %1").arg(QStringLiteral(HAIP_VERSION))},
        {QStringLiteral("services"), QJsonArray::fromStringList(PlatformState::serviceIds())},
        {QStringLiteral("note"), QStringLiteral("Demo and test state only: every key here is a test key.")},
    };
    if (Result<void> r = PlatformState::writeFile(
            m_state.manifest(), QJsonDocument(manifest).toJson(QJsonDocument::Indented), false);
        !r)
        return r;
    note(report, m_state.manifest());
    return {};
}

} // namespace haip::server
