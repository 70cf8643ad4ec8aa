// The PKCS#11 backend against SoftHSM2, a real PKCS#11 module: tokens initialised with
// softhsm2-util in a temporary folder, RSA-2048, ECC P-256 and RSA-1024 keys and certificates
// made with the openssl CLI and imported with OpenSC's pkcs11-tool. Signatures are checked by
// `openssl dgst -verify` against the certificate's public key, independently of our code.
#include "TestSupport.h"
#include "card/Pkcs11Module.h"
#include "card/Pkcs11Token.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::card;

namespace {

const QString softHsmModule = u"/usr/lib/softhsm/libsofthsm2.so"_s;
const QByteArray userPin = "123456";
const QByteArray soPin = "87654321";

// The tokens this test makes: label, and the key pairs on each (CKA_ID hex, openssl key spec;
// an empty spec makes a certificate without a private key).
struct KeySpec
{
    QString id;
    QStringList opensslKey;
};
struct TokenSpec
{
    QString label;
    QList<KeySpec> keys;
};
const QList<TokenSpec> tokenSpecs = {
    {u"HAIP RSA"_s, {{u"01"_s, {u"-newkey"_s, u"rsa:2048"_s}}}},
    {u"HAIP EC"_s, {{u"02"_s, {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s}}}},
    // A weak RSA-1024 key first, a certificate whose key is not on the token, then a P-256 key:
    // the backend must pick the P-256 one.
    {u"HAIP Mixed"_s,
     {{u"00"_s, {}},
      {u"01"_s, {u"-newkey"_s, u"rsa:1024"_s}},
      {u"02"_s, {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s}}}},
};

} // namespace

class TestPkcs11SoftHsm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTheTokensWithTheirLabels();
    void opensEachModuleOnce();
    void readsTheImportedCertificate_data();
    void readsTheImportedCertificate();
    void signaturesVerifyWithOpenSsl_data();
    void signaturesVerifyWithOpenSsl();
    void prefersAnRsa2048OrP256KeyWithItsCertificate();
    void wrongPinIsIncorrectAndRaisesTheLowFlag();
    void signingBeforeThePinIsAClearError();
    void refusesADigestThatIsNotSha256();
    void unknownSlotIsUnavailable();
    void missingModuleIsAClearError();
    void fileThatIsNotAPkcs11ModuleIsAClearError();

private:
    QString tool(const QString &name, const QString &package);
    bool makeCertificate(const QString &base, const QStringList &keySpec);
    std::unique_ptr<Pkcs11Token> openToken(const QString &label);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_openssl;
    QString m_pkcs11Tool;
    std::shared_ptr<Pkcs11Module> m_module;
    QMap<QString, quint64> m_slots; // by token label
};

QString TestPkcs11SoftHsm::tool(const QString &name, const QString &package)
{
    const QString found = test::findTool(name);
    if (found.isEmpty())
        qWarning("%s is missing: install the Debian package %s", qPrintable(name), qPrintable(package));
    return found;
}

bool TestPkcs11SoftHsm::makeCertificate(const QString &base, const QStringList &keySpec)
{
    // A self-signed certificate is enough: the token only stores it; the key is what signs.
    QStringList request = {u"req"_s, u"-x509"_s, u"-nodes"_s, u"-days"_s, u"30"_s, u"-subj"_s, u"/CN="_s + base};
    request += keySpec;
    request += {u"-keyout"_s, path(base + u".key.pem"_s), u"-out"_s, path(base + u".pem"_s)};
    const QList<QStringList> steps = {
        request,
        {u"x509"_s, u"-in"_s, path(base + u".pem"_s), u"-outform"_s, u"DER"_s, u"-out"_s, path(base + u".der"_s)},
        {u"pkey"_s,
         u"-in"_s,
         path(base + u".key.pem"_s),
         u"-outform"_s,
         u"DER"_s,
         u"-out"_s,
         path(base + u".key.der"_s)},
        {u"x509"_s, u"-in"_s, path(base + u".pem"_s), u"-pubkey"_s, u"-noout"_s, u"-out"_s, path(base + u".pub.pem"_s)},
    };
    for (const QStringList &arguments : steps) {
        const test::ProcessResult r = test::run(m_openssl, arguments, 60000);
        if (r.exitCode != 0) {
            qWarning("openssl %s: %s", qPrintable(arguments.join(u' ')), r.err.constData());
            return false;
        }
    }
    return true;
}

void TestPkcs11SoftHsm::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString softHsmUtil = tool(u"softhsm2-util"_s, u"softhsm2"_s);
    m_pkcs11Tool = tool(u"pkcs11-tool"_s, u"opensc"_s);
    m_openssl = tool(u"openssl"_s, u"openssl"_s);
    if (softHsmUtil.isEmpty() || !QFile::exists(softHsmModule))
        QFAIL("SoftHSM2 is missing: install the Debian package softhsm2");
    if (m_pkcs11Tool.isEmpty())
        QFAIL("pkcs11-tool is missing: install the Debian package opensc");
    if (m_openssl.isEmpty())
        QFAIL("openssl is missing: install the Debian package openssl");

    // SoftHSM reads its configuration once, when the module initialises: set it up first.
    QVERIFY(QDir(m_dir.path()).mkdir(u"tokens"_s));
    QFile conf(path(u"softhsm2.conf"_s));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    QVERIFY(conf.write("directories.tokendir = " + path(u"tokens"_s).toUtf8() +
                       "\nobjectstore.backend = file\nlog.level = ERROR\n") > 0);
    conf.close();
    qputenv("SOFTHSM2_CONF", conf.fileName().toLocal8Bit());

    for (const TokenSpec &token : tokenSpecs) {
        test::ProcessResult r = test::run(softHsmUtil,
                                          {u"--init-token"_s,
                                           u"--free"_s,
                                           u"--label"_s,
                                           token.label,
                                           u"--so-pin"_s,
                                           QString::fromLatin1(soPin),
                                           u"--pin"_s,
                                           QString::fromLatin1(userPin)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const KeySpec &key : token.keys) {
            const QString base = token.label.split(u' ').last() + key.id;
            // A certificate without a key borrows a fresh P-256 key that is never imported.
            const QStringList spec = key.opensslKey.isEmpty()
                ? QStringList {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s}
                : key.opensslKey;
            QVERIFY(makeCertificate(base, spec));
            QList<QPair<QString, QString>> objects = {{u"cert"_s, path(base + u".der"_s)}};
            if (!key.opensslKey.isEmpty())
                objects.prepend({u"privkey"_s, path(base + u".key.der"_s)});
            for (const auto &[type, file] : objects) {
                r = test::run(m_pkcs11Tool,
                              {u"--module"_s,
                               softHsmModule,
                               u"--token-label"_s,
                               token.label,
                               u"--login"_s,
                               u"--pin"_s,
                               QString::fromLatin1(userPin),
                               u"--write-object"_s,
                               file,
                               u"--type"_s,
                               type,
                               u"--id"_s,
                               key.id,
                               u"--label"_s,
                               base,
                               u"--usage-sign"_s});
                QVERIFY2(r.exitCode == 0, r.err.constData());
            }
        }
    }

    Result<std::shared_ptr<Pkcs11Module>> module = Pkcs11Module::open(softHsmModule);
    QVERIFY2(module, module ? "" : qPrintable(module.error().message()));
    m_module = *module;
    Result<QList<Pkcs11Slot>> present = m_module->slotsWithToken();
    QVERIFY2(present, present ? "" : qPrintable(present.error().message()));
    for (const Pkcs11Slot &slot : *present)
        m_slots.insert(slot.label, slot.id);
}

std::unique_ptr<Pkcs11Token> TestPkcs11SoftHsm::openToken(const QString &label)
{
    if (!m_slots.contains(label))
        return nullptr;
    Result<std::unique_ptr<Pkcs11Token>> token = Pkcs11Token::open(m_module, m_slots.value(label));
    if (!token) {
        qWarning("%s", qPrintable(token.error().message()));
        return nullptr;
    }
    return std::move(*token);
}

void TestPkcs11SoftHsm::listsTheTokensWithTheirLabels()
{
    Result<QList<Pkcs11Slot>> present = m_module->slotsWithToken();
    QVERIFY(present);
    // Our three tokens; SoftHSM's spare uninitialised token holds no credential and is not listed.
    QCOMPARE(present->size(), tokenSpecs.size());
    QStringList labels;
    for (const Pkcs11Slot &slot : *present) {
        labels << slot.label;
        QCOMPARE(slot.manufacturer, u"SoftHSM project"_s);
        QCOMPARE(slot.model, u"SoftHSM v2"_s);
        QCOMPARE(slot.serialNumber.size(), 16); // SoftHSM: 16 hex digits
        QVERIFY2(slot.description.startsWith(u"SoftHSM slot ID"_s), qPrintable(slot.description));
    }
    labels.sort();
    QCOMPARE(labels, (QStringList {u"HAIP EC"_s, u"HAIP Mixed"_s, u"HAIP RSA"_s}));
    QVERIFY2(m_module->libraryDescription().contains(u"SoftHSM"_s), qPrintable(m_module->libraryDescription()));
}

void TestPkcs11SoftHsm::opensEachModuleOnce()
{
    // A second open, and one through another path to the same file, share the loaded module
    // (C_Initialize twice in one process would fail).
    Result<std::shared_ptr<Pkcs11Module>> again = Pkcs11Module::open(softHsmModule);
    QVERIFY(again);
    QCOMPARE(again->get(), m_module.get());
    const QString link = path(u"softhsm-link.so"_s);
    QVERIFY(QFile::link(softHsmModule, link));
    Result<std::shared_ptr<Pkcs11Module>> linked = Pkcs11Module::open(link);
    QVERIFY(linked);
    QCOMPARE(linked->get(), m_module.get());
    QCOMPARE((*linked)->path(), QFileInfo(softHsmModule).canonicalFilePath());
}

void TestPkcs11SoftHsm::readsTheImportedCertificate_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("certificate");
    QTest::newRow("RSA-2048") << u"HAIP RSA"_s << u"RSA01.der"_s;
    QTest::newRow("ECC P-256") << u"HAIP EC"_s << u"EC02.der"_s;
}

void TestPkcs11SoftHsm::readsTheImportedCertificate()
{
    QFETCH(QString, label);
    QFETCH(QString, certificate);
    QFile file(path(certificate));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray imported = file.readAll();
    std::unique_ptr<Pkcs11Token> token = openToken(label);
    QVERIFY(token);
    QCOMPARE(token->description(), label);
    // Before the PIN (to show the holder's name) and after it.
    Result<QByteArray> before = token->certificateDer();
    QVERIFY2(before, before ? "" : qPrintable(before.error().message()));
    QCOMPARE(*before, imported);
    QVERIFY(token->verifyPin(userPin));
    Result<QByteArray> after = token->certificateDer();
    QVERIFY(after);
    QCOMPARE(*after, imported);
}

void TestPkcs11SoftHsm::signaturesVerifyWithOpenSsl_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("publicKey");
    QTest::newRow("RSA-2048 PKCS#1 v1.5") << u"HAIP RSA"_s << u"RSA01.pub.pem"_s;
    QTest::newRow("ECC P-256 ECDSA") << u"HAIP EC"_s << u"EC02.pub.pem"_s;
}

void TestPkcs11SoftHsm::signaturesVerifyWithOpenSsl()
{
    QFETCH(QString, label);
    QFETCH(QString, publicKey);
    std::unique_ptr<Pkcs11Token> token = openToken(label);
    QVERIFY(token);
    QVERIFY(token->verifyPin(userPin));
    Result<PinStatus> status = token->pinStatus();
    QVERIFY(status);
    QVERIFY(status->verified);

    const QByteArray message = "challenge from the platform || session public key";
    Result<QByteArray> signature = token->signSha256(QCryptographicHash::hash(message, QCryptographicHash::Sha256));
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message()));
    QFile messageFile(path(u"message.bin"_s));
    QFile signatureFile(path(u"signature.bin"_s));
    QVERIFY(messageFile.open(QIODevice::WriteOnly) && messageFile.write(message) == message.size());
    QVERIFY(signatureFile.open(QIODevice::WriteOnly) && signatureFile.write(*signature) == signature->size());
    messageFile.close();
    signatureFile.close();
    // openssl dgst wants PKCS#1 v1.5 for RSA and a DER Ecdsa-Sig-Value for EC.
    const QStringList verify = {u"dgst"_s,
                                u"-sha256"_s,
                                u"-verify"_s,
                                path(publicKey),
                                u"-signature"_s,
                                signatureFile.fileName(),
                                messageFile.fileName()};
    test::ProcessResult r = test::run(m_openssl, verify);
    QVERIFY2(r.exitCode == 0 && r.out.contains("Verified OK"), r.out + r.err);

    // The same check fails for another message: it really looks at the signature.
    QVERIFY(messageFile.open(QIODevice::WriteOnly) && messageFile.write("another message") > 0);
    messageFile.close();
    r = test::run(m_openssl, verify);
    QVERIFY(r.exitCode != 0);
}

void TestPkcs11SoftHsm::prefersAnRsa2048OrP256KeyWithItsCertificate()
{
    std::unique_ptr<Pkcs11Token> token = openToken(u"HAIP Mixed"_s);
    QVERIFY(token);
    QVERIFY(token->verifyPin(userPin));
    QFile file(path(u"Mixed02.der"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    Result<QByteArray> certificate = token->certificateDer();
    QVERIFY(certificate);
    QCOMPARE(*certificate, file.readAll()); // not the RSA-1024 one, nor the one without a key
    Result<QByteArray> signature = token->signSha256(QByteArray(32, 'x'));
    QVERIFY(signature);
    QCOMPARE(quint8(signature->at(0)), quint8(0x30)); // DER ECDSA: the P-256 key signed
}

void TestPkcs11SoftHsm::wrongPinIsIncorrectAndRaisesTheLowFlag()
{
    std::unique_ptr<Pkcs11Token> token = openToken(u"HAIP EC"_s);
    QVERIFY(token);
    Result<PinStatus> fresh = token->pinStatus();
    QVERIFY(fresh);
    QCOMPARE(fresh->triesLeft, -1);
    QVERIFY(!fresh->low && !fresh->finalTry && !fresh->blocked && !fresh->verified);

    Result<void> wrong = token->verifyPin("000000");
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code(), ErrorCode::PinIncorrect);
    QVERIFY2(wrong.error().message().startsWith(u"Wrong PIN."_s), qPrintable(wrong.error().message()));
    // What SoftHSM 2.6 really does: CKF_USER_PIN_COUNT_LOW after a failure, and no more — it
    // counts no tries, never raises _FINAL_TRY or _LOCKED and never blocks.
    for (int attempt = 0; attempt < 5; ++attempt) {
        Result<void> again = token->verifyPin("999999");
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ErrorCode::PinIncorrect);
        Result<PinStatus> status = token->pinStatus();
        QVERIFY(status);
        QVERIFY(status->low);
        QVERIFY(!status->finalTry && !status->blocked && !status->verified);
        QCOMPARE(status->triesLeft, -1);
    }
    // A PIN shorter than SoftHSM's minimum (4) is refused the same way.
    Result<void> tooShort = token->verifyPin("12");
    QVERIFY(!tooShort);
    QCOMPARE(tooShort.error().code(), ErrorCode::PinIncorrect);

    QVERIFY(token->verifyPin(userPin));
    Result<PinStatus> after = token->pinStatus();
    QVERIFY(after);
    QVERIFY(after->verified);
    QVERIFY(!after->low); // a good PIN clears the flag
    // Verifying again while logged in is no error (CKR_USER_ALREADY_LOGGED_IN).
    QVERIFY(token->verifyPin(userPin));
}

void TestPkcs11SoftHsm::signingBeforeThePinIsAClearError()
{
    std::unique_ptr<Pkcs11Token> token = openToken(u"HAIP RSA"_s);
    QVERIFY(token);
    Result<QByteArray> signature = token->signSha256(QByteArray(32, 'x'));
    QVERIFY(!signature);
    QCOMPARE(signature.error().code(), ErrorCode::CardFailed);
    QVERIFY2(signature.error().message().contains(u"PIN has not been entered"_s),
             qPrintable(signature.error().message()));
}

void TestPkcs11SoftHsm::refusesADigestThatIsNotSha256()
{
    std::unique_ptr<Pkcs11Token> token = openToken(u"HAIP RSA"_s);
    QVERIFY(token);
    QVERIFY(token->verifyPin(userPin));
    Result<QByteArray> signature = token->signSha256(QByteArray(20, 'x'));
    QVERIFY(!signature);
    QCOMPARE(signature.error().code(), ErrorCode::InvalidArgument);
}

void TestPkcs11SoftHsm::unknownSlotIsUnavailable()
{
    Result<std::unique_ptr<Pkcs11Token>> token = Pkcs11Token::open(m_module, 0xdeadbeefU);
    QVERIFY(!token);
    QCOMPARE(token.error().code(), ErrorCode::CardUnavailable);
    QVERIFY2(token.error().detail().contains(u"CKR_SLOT_ID_INVALID"_s), qPrintable(token.error().detail()));
}

void TestPkcs11SoftHsm::missingModuleIsAClearError()
{
    const QString missing = path(u"no-such-pkcs11.so"_s);
    Result<std::shared_ptr<Pkcs11Module>> module = Pkcs11Module::open(missing);
    QVERIFY(!module);
    QCOMPARE(module.error().code(), ErrorCode::FileNotFound);
    QVERIFY2(module.error().message().contains(missing), qPrintable(module.error().message()));
}

void TestPkcs11SoftHsm::fileThatIsNotAPkcs11ModuleIsAClearError()
{
    // A shared library without C_GetFunctionList (zlib, loaded by every Qt program) …
    const QString zlib = u"/usr/lib/x86_64-linux-gnu/libz.so.1"_s;
    QVERIFY2(QFile::exists(zlib), "install the Debian package zlib1g");
    Result<std::shared_ptr<Pkcs11Module>> module = Pkcs11Module::open(zlib);
    QVERIFY(!module);
    QCOMPARE(module.error().code(), ErrorCode::CardUnavailable);
    QVERIFY2(module.error().message().contains(u"is not a PKCS#11 module"_s), qPrintable(module.error().message()));
    // … and a file that is no library at all.
    QFile text(path(u"policy-typo.so"_s));
    QVERIFY(text.open(QIODevice::WriteOnly) && text.write("not a library\n") > 0);
    text.close();
    module = Pkcs11Module::open(text.fileName());
    QVERIFY(!module);
    QCOMPARE(module.error().code(), ErrorCode::CardUnavailable);
    QVERIFY2(module.error().message().contains(u"cannot be loaded"_s), qPrintable(module.error().message()));
}

QTEST_GUILESS_MAIN(TestPkcs11SoftHsm)
#include "TestPkcs11SoftHsm.moc"
