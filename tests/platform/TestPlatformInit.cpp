// `haip-platform init` and `otp`: the state folder's files and permissions, idempotence, the
// certificates checked by `openssl verify` (chain, purpose, host, CRL), the keys' types, the
// envelope key pairs, the card profiles and the TOTP secrets.
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "crypto/Totp.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include <openssl/evp.h>

using namespace haip;
using namespace Qt::StringLiterals;

class TestPlatformInit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createsTheLayout();
    void privateFilesAreOwnerOnly();
    void secondRunChangesNothing();
    void certificatesVerifyWithOpenssl();
    void crlListsTheRevokedCard();
    void cardProfilesHoldMatchingKeys_data();
    void cardProfilesHoldMatchingKeys();
    void cardCertificateNamesTheClinician();
    void serviceKeyPairsMatch();
    void catalogKeyIsP256();
    void otpCommandPrintsTheCurrentCode();
    void otpauthUrisMatchTheDirectory();
    void usageErrors();
    void recreatesOnlyWhatIsMissing();

private:
    QString state(const QString &relative) const { return QDir(m_dir.path()).filePath(u"state/"_s + relative); }
    test::ProcessResult openssl(const QStringList &arguments) const;
    QString writeCardPem(const QString &clinician) const;
    QJsonObject cardProfile(const QString &clinician) const;

    QTemporaryDir m_dir;
    QString m_openssl;
    QByteArray m_firstOutput;
};

void TestPlatformInit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_openssl = test::findTool(u"openssl"_s);
    QVERIFY2(!m_openssl.isEmpty(), "openssl is missing: install the Debian package 'openssl'");
    Result<QByteArray> out = test::PlatformProcess::init(state({}));
    QVERIFY2(out, out ? "" : qPrintable(out.error().detail()));
    m_firstOutput = *out;
}

test::ProcessResult TestPlatformInit::openssl(const QStringList &arguments) const
{
    return test::run(m_openssl, arguments, 30000);
}

QJsonObject TestPlatformInit::cardProfile(const QString &clinician) const
{
    QFile f(state(u"clinicians/%1/card.json"_s.arg(clinician)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString TestPlatformInit::writeCardPem(const QString &clinician) const
{
    const QJsonObject slot = cardProfile(clinician)[u"slots"_s].toObject()[u"9A"_s].toObject();
    const QString path = QDir(m_dir.path()).filePath(clinician + u"-card.pem"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(slot[u"certificatePem"_s].toString().toLatin1());
    return path;
}

void TestPlatformInit::createsTheLayout()
{
    const QStringList expected {
        u"platform.json"_s,
        u"hpki-ca/ca.pem"_s,
        u"hpki-ca/ca.key"_s,
        u"hpki-ca/crl.pem"_s,
        u"tls/ca.pem"_s,
        u"tls/ca.key"_s,
        u"tls/server.pem"_s,
        u"tls/server.key"_s,
        u"session-ca/ca.pem"_s,
        u"session-ca/ca.key"_s,
        u"catalog/signing-key.pem"_s,
        u"catalog/signing-key.pub.pem"_s,
        u"clinicians/directory.json"_s,
    };
    for (const QString &f : expected)
        QVERIFY2(QFileInfo(state(f)).isFile(), qPrintable(f));
    for (const QString &service : {u"chest-ct-nodule"_s, u"head-ct-hyperdensity"_s, u"anomaly-heatmap"_s}) {
        QVERIFY(QFileInfo(state(u"services/%1/key"_s.arg(service))).isFile());
        QVERIFY(QFileInfo(state(u"services/%1/key.pub"_s.arg(service))).isFile());
    }
    for (const QString &c : {u"yamada"_s, u"sato"_s, u"suzuki"_s, u"takahashi"_s}) {
        QVERIFY(QFileInfo(state(u"clinicians/%1/card.json"_s.arg(c))).isFile());
        QVERIFY(QFileInfo(state(u"clinicians/%1/otpauth.txt"_s.arg(c))).isFile());
    }
    // The first JSON line reports what was created.
    const QJsonObject summary = QJsonDocument::fromJson(m_firstOutput.left(m_firstOutput.indexOf('\n'))).object();
    QCOMPARE(summary[u"changed"_s].toBool(), true);
    QVERIFY(summary[u"created"_s].toArray().contains(u"tls/server.pem"_s));
}

void TestPlatformInit::privateFilesAreOwnerOnly()
{
    const QFile::Permissions groupOrOther =
        QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    const QStringList secrets {u"hpki-ca/ca.key"_s,
                               u"tls/ca.key"_s,
                               u"tls/server.key"_s,
                               u"session-ca/ca.key"_s,
                               u"catalog/signing-key.pem"_s,
                               u"services/chest-ct-nodule/key"_s,
                               u"clinicians/directory.json"_s,
                               u"clinicians/yamada/card.json"_s,
                               u"clinicians/sato/otpauth.txt"_s};
    for (const QString &f : secrets) {
        const QFile::Permissions p = QFileInfo(state(f)).permissions();
        QVERIFY2(!(p & groupOrOther), qPrintable(f));
        QVERIFY2(p & QFile::ReadOwner, qPrintable(f));
    }
    QVERIFY(!(QFileInfo(state({})).permissions() & groupOrOther));
    // Public material stays readable.
    QVERIFY(QFileInfo(state(u"tls/ca.pem"_s)).permissions() & QFile::ReadOther);
    QVERIFY(QFileInfo(state(u"services/chest-ct-nodule/key.pub"_s)).permissions() & QFile::ReadOther);
}

void TestPlatformInit::secondRunChangesNothing()
{
    QHash<QString, QByteArray> before;
    QDirIterator it(state({}), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        before.insert(path, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    Result<QByteArray> out = test::PlatformProcess::init(state({}));
    QVERIFY(out);
    const QJsonObject summary = QJsonDocument::fromJson(out->left(out->indexOf('\n'))).object();
    QCOMPARE(summary[u"changed"_s].toBool(), false);
    QCOMPARE(summary[u"created"_s].toArray().size(), 0);
    QHash<QString, QByteArray> after;
    QDirIterator again(state({}), QDir::Files, QDirIterator::Subdirectories);
    while (again.hasNext()) {
        const QString path = again.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        after.insert(path, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    QCOMPARE(after, before);
}

void TestPlatformInit::certificatesVerifyWithOpenssl()
{
    // Server certificate: the first certificate of tls/server.pem, for 127.0.0.1 and localhost.
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(state(u"tls/server.pem"_s));
    QCOMPARE(chain.size(), 2);
    const QString leaf = QDir(m_dir.path()).filePath(u"server-leaf.pem"_s);
    QFile f(leaf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(chain.front().toPem());
    f.close();
    test::ProcessResult r = openssl({u"verify"_s,
                                     u"-CAfile"_s,
                                     state(u"tls/ca.pem"_s),
                                     u"-purpose"_s,
                                     u"sslserver"_s,
                                     u"-verify_ip"_s,
                                     u"127.0.0.1"_s,
                                     leaf});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    r = openssl({u"verify"_s, u"-CAfile"_s, state(u"tls/ca.pem"_s), u"-verify_hostname"_s, u"localhost"_s, leaf});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    // …and not by the other CAs.
    r = openssl({u"verify"_s, u"-CAfile"_s, state(u"hpki-ca/ca.pem"_s), leaf});
    QVERIFY(r.exitCode != 0);

    // Active cards: chain to the HPKI CA, CRL checked, usable for client authentication.
    for (const QString &c : {u"yamada"_s, u"sato"_s, u"takahashi"_s}) {
        r = openssl({u"verify"_s,
                     u"-crl_check"_s,
                     u"-CAfile"_s,
                     state(u"hpki-ca/ca.pem"_s),
                     u"-CRLfile"_s,
                     state(u"hpki-ca/crl.pem"_s),
                     u"-purpose"_s,
                     u"sslclient"_s,
                     writeCardPem(c)});
        QVERIFY2(r.exitCode == 0, r.out + r.err);
    }
}

void TestPlatformInit::crlListsTheRevokedCard()
{
    const QString revoked = writeCardPem(u"suzuki"_s);
    // Without the CRL the card chains fine; with it, it is revoked.
    test::ProcessResult r = openssl({u"verify"_s, u"-CAfile"_s, state(u"hpki-ca/ca.pem"_s), revoked});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    r = openssl({u"verify"_s,
                 u"-crl_check"_s,
                 u"-CAfile"_s,
                 state(u"hpki-ca/ca.pem"_s),
                 u"-CRLfile"_s,
                 state(u"hpki-ca/crl.pem"_s),
                 revoked});
    QVERIFY(r.exitCode != 0);
    QVERIFY2((r.out + r.err).contains("certificate revoked"), r.out + r.err);
    // The CRL is signed by the HPKI CA and names exactly the revoked card's serial.
    r = openssl({u"crl"_s,
                 u"-in"_s,
                 state(u"hpki-ca/crl.pem"_s),
                 u"-noout"_s,
                 u"-text"_s,
                 u"-CAfile"_s,
                 state(u"hpki-ca/ca.pem"_s)});
    QVERIFY2(r.exitCode == 0, r.err);
    QVERIFY2((r.out + r.err).contains("verify OK"), r.out + r.err);
    const QByteArray serial = QSslCertificate::fromPath(revoked).front().serialNumber().replace(':', "").toUpper();
    QVERIFY2(r.out.toUpper().replace(':', "").contains(serial), r.out);
    QCOMPARE(r.out.count("Serial Number:"), 1);
}

void TestPlatformInit::cardProfilesHoldMatchingKeys_data()
{
    QTest::addColumn<QString>("clinician");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<int>("pivAlgorithm");
    QTest::newRow("RSA card") << u"yamada"_s << u"RSA-2048"_s << 0x07;
    QTest::newRow("ECC card") << u"sato"_s << u"ECC-P256"_s << 0x11;
    QTest::newRow("revoked card") << u"suzuki"_s << u"RSA-2048"_s << 0x07;
}

void TestPlatformInit::cardProfilesHoldMatchingKeys()
{
    QFETCH(QString, clinician);
    QFETCH(QString, algorithm);
    QFETCH(int, pivAlgorithm);
    const QJsonObject profile = cardProfile(clinician);
    QCOMPARE(profile[u"format"_s].toString(), u"haip-vcard-profile"_s);
    QCOMPARE(profile[u"version"_s].toInt(), 1);
    QCOMPARE(profile[u"clinicianId"_s].toString(), clinician);
    QCOMPARE(profile[u"pin"_s].toString(), u"123456"_s);
    QCOMPARE(profile[u"puk"_s].toString().size(), 8);
    QCOMPARE(profile[u"pinRetries"_s].toInt(), 3);
    QCOMPARE(profile[u"pinRetriesLeft"_s].toInt(), 3);
    const QJsonObject slot = profile[u"slots"_s].toObject()[u"9A"_s].toObject();
    QCOMPARE(slot[u"algorithm"_s].toString(), algorithm);
    QCOMPARE(slot[u"pivAlgorithmId"_s].toInt(), pivAlgorithm);
    const QSslKey key(slot[u"privateKeyPkcs8Pem"_s].toString().toLatin1(),
                      algorithm.startsWith(u"RSA"_s) ? QSsl::Rsa : QSsl::Ec,
                      QSsl::Pem);
    QVERIFY(!key.isNull());
    QCOMPARE(key.length(), algorithm.startsWith(u"RSA"_s) ? 2048 : 256);
    const QSslCertificate cert(QByteArray::fromBase64(slot[u"certificateDer"_s].toString().toLatin1()), QSsl::Der);
    QVERIFY(!cert.isNull());
    // The private key and the certificate belong together: OpenSSL's own check.
    const QString keyFile = QDir(m_dir.path()).filePath(clinician + u".key"_s);
    QFile kf(keyFile);
    QVERIFY(kf.open(QIODevice::WriteOnly));
    kf.write(slot[u"privateKeyPkcs8Pem"_s].toString().toLatin1());
    kf.close();
    const test::ProcessResult pub = openssl({u"pkey"_s, u"-in"_s, keyFile, u"-pubout"_s});
    const test::ProcessResult certPub =
        openssl({u"x509"_s, u"-in"_s, writeCardPem(clinician), u"-noout"_s, u"-pubkey"_s});
    QVERIFY(pub.exitCode == 0 && certPub.exitCode == 0);
    QCOMPARE(pub.out, certPub.out);
}

void TestPlatformInit::cardCertificateNamesTheClinician()
{
    const test::ProcessResult r = openssl({u"x509"_s,
                                           u"-in"_s,
                                           writeCardPem(u"yamada"_s),
                                           u"-noout"_s,
                                           u"-subject"_s,
                                           u"-ext"_s,
                                           u"subjectAltName,extendedKeyUsage"_s,
                                           u"-nameopt"_s,
                                           u"utf8,sep_comma_plus"_s});
    QVERIFY2(r.exitCode == 0, r.err);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(u"CN=YAMADA Taro"_s), qPrintable(text));
    QVERIFY2(text.contains(u"serialNumber=HPKI-DEMO-0001"_s), qPrintable(text));
    // OpenSSL prints the subjectAltName directoryName with its UTF-8 bytes escaped as \xHH.
    QString escaped;
    for (const char byte : u"山田 太郎"_s.toUtf8())
        escaped += byte == ' ' ? u" "_s : u"\\x"_s + QString::number(quint8(byte), 16).toUpper();
    QVERIFY2(text.contains(u"DirName:/C=JP/CN="_s + escaped), qPrintable(text + u" / "_s + escaped));
    QVERIFY2(text.contains(u"TLS Web Client Authentication"_s), qPrintable(text));
}

void TestPlatformInit::serviceKeyPairsMatch()
{
    using crypto::internal::PKeyPtr;
    for (const QString &service : {u"chest-ct-nodule"_s, u"head-ct-hyperdensity"_s, u"anomaly-heatmap"_s}) {
        QFile priv(state(u"services/%1/key"_s.arg(service)));
        QFile pub(state(u"services/%1/key.pub"_s.arg(service)));
        QVERIFY(priv.open(QIODevice::ReadOnly) && pub.open(QIODevice::ReadOnly));
        const QByteArray privateRaw = QByteArray::fromBase64(priv.readAll().trimmed());
        const QByteArray publicRaw = QByteArray::fromBase64(pub.readAll().trimmed());
        QCOMPARE(privateRaw.size(), 32);
        QCOMPARE(publicRaw.size(), 32);
        PKeyPtr key(EVP_PKEY_new_raw_private_key(
            EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(privateRaw.constData()), 32));
        QVERIFY(key);
        QByteArray derived(32, '\0');
        size_t length = 32;
        QVERIFY(EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(derived.data()), &length) ==
                1);
        QCOMPARE(derived, publicRaw);
    }
    // Three different services, three different keys.
    QFile a(state(u"services/chest-ct-nodule/key.pub"_s));
    QFile b(state(u"services/anomaly-heatmap/key.pub"_s));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QVERIFY(a.readAll() != b.readAll());
}

void TestPlatformInit::catalogKeyIsP256()
{
    const test::ProcessResult r =
        openssl({u"pkey"_s, u"-in"_s, state(u"catalog/signing-key.pem"_s), u"-noout"_s, u"-text"_s});
    QVERIFY2(r.exitCode == 0, r.err);
    QVERIFY2(r.out.contains("prime256v1") || r.out.contains("P-256"), r.out);
    QFile privateKey(state(u"catalog/signing-key.pem"_s));
    QVERIFY(privateKey.open(QIODevice::ReadOnly));
    QVERIFY(privateKey.readAll().startsWith("-----BEGIN PRIVATE KEY-----")); // PKCS#8
    const test::ProcessResult pub = openssl({u"pkey"_s, u"-in"_s, state(u"catalog/signing-key.pem"_s), u"-pubout"_s});
    QFile pubFile(state(u"catalog/signing-key.pub.pem"_s));
    QVERIFY(pubFile.open(QIODevice::ReadOnly));
    QCOMPARE(pubFile.readAll(), pub.out);
}

void TestPlatformInit::otpCommandPrintsTheCurrentCode()
{
    QFile dir(state(u"clinicians/directory.json"_s));
    QVERIFY(dir.open(QIODevice::ReadOnly));
    QByteArray secret;
    for (const QJsonValue &v : QJsonDocument::fromJson(dir.readAll()).object()[u"clinicians"_s].toArray()) {
        if (v[u"id"_s].toString() == u"sato"_s)
            secret = crypto::Totp::base32Decode(v[u"totp"_s][u"secret"_s].toString()).value();
    }
    QCOMPARE(secret.size(), 20);
    const crypto::Totp totp(secret);
    const QString before = totp.now();
    const test::ProcessResult r =
        test::run(test::programPath(u"haip-platform"_s), {u"otp"_s, u"--state"_s, state({}), u"sato"_s});
    const QString after = totp.now();
    QCOMPARE(r.exitCode, 0);
    const QString code = QString::fromLatin1(r.out.trimmed());
    QCOMPARE(code.size(), 6);
    QVERIFY2(code == before || code == after, qPrintable(code));
    // --time: RFC-style fixed time gives a fixed code.
    const test::ProcessResult fixed =
        test::run(test::programPath(u"haip-platform"_s),
                  {u"otp"_s, u"--state"_s, state({}), u"sato"_s, u"--time"_s, u"1234567890"_s});
    QCOMPARE(QString::fromLatin1(fixed.out.trimmed()), totp.codeAt(1234567890));
}

void TestPlatformInit::otpauthUrisMatchTheDirectory()
{
    int seen = 0;
    for (const QByteArray &line : m_firstOutput.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (!o.contains(u"otpauth"_s))
            continue;
        ++seen;
        const QUrl uri(o[u"otpauth"_s].toString());
        QCOMPARE(uri.scheme(), u"otpauth"_s);
        const QString clinician = o[u"clinician"_s].toString();
        QFile f(state(u"clinicians/%1/otpauth.txt"_s.arg(clinician)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll().trimmed()), o[u"otpauth"_s].toString());
        const QByteArray secret = crypto::Totp::base32Decode(QUrlQuery(uri).queryItemValue(u"secret"_s)).value();
        const test::ProcessResult r = test::run(test::programPath(u"haip-platform"_s),
                                                {u"otp"_s, u"--state"_s, state({}), clinician, u"--time"_s, u"59"_s});
        QCOMPARE(QString::fromLatin1(r.out.trimmed()), crypto::Totp(secret).codeAt(59));
    }
    QCOMPARE(seen, 4);
}

void TestPlatformInit::usageErrors()
{
    const QString program = test::programPath(u"haip-platform"_s);
    QCOMPARE(test::run(program, {u"init"_s}).exitCode, 2);
    QCOMPARE(test::run(program, {u"nonsense"_s}).exitCode, 2);
    QCOMPARE(test::run(program, {u"otp"_s, u"--state"_s, state({}), u"nobody"_s}).exitCode, 1);
    const test::ProcessResult version = test::run(program, {u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(version.out).object()[u"program"_s].toString(), u"haip-platform"_s);
}

void TestPlatformInit::recreatesOnlyWhatIsMissing()
{
    const QByteArray caBefore = QSslCertificate::fromPath(state(u"tls/ca.pem"_s)).front().toDer();
    QVERIFY(QFile::remove(state(u"hpki-ca/crl.pem"_s)));
    QVERIFY(QFile::remove(state(u"tls/server.pem"_s)));
    QVERIFY(QFile::remove(state(u"tls/server.key"_s)));
    Result<QByteArray> out = test::PlatformProcess::init(state({}));
    QVERIFY(out);
    const QJsonObject summary = QJsonDocument::fromJson(out->left(out->indexOf('\n'))).object();
    QStringList created;
    for (const QJsonValue &v : summary[u"created"_s].toArray())
        created.append(v.toString());
    created.sort();
    QCOMPARE(created,
             (QStringList {u"hpki-ca/crl.pem"_s, u"platform.json"_s, u"tls/server.key"_s, u"tls/server.pem"_s}));
    // The same TLS CA (clients' pins stay valid) and the same revoked card.
    QCOMPARE(QSslCertificate::fromPath(state(u"tls/ca.pem"_s)).front().toDer(), caBefore);
    certificatesVerifyWithOpenssl();
    crlListsTheRevokedCard();
}

QTEST_GUILESS_MAIN(TestPlatformInit)
#include "TestPlatformInit.moc"
