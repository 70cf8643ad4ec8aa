// The PKCS#11 backend over real card middleware: OpenSC's opensc-pkcs11.so talking through the
// real pcscd (vpcd driver) to two haip-vcard cards — an ECC P-256 profile (sato) in "Virtual PCD
// 00 00" and an RSA-2048 profile (yamada) in "Virtual PCD 00 01". Slots, certificates, PIN,
// signatures checked by `openssl dgst -verify`, the PIN flags down to a blocked card, and a pulled
// card reported as removed.
#include "CardHarness.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "card/Pkcs11Module.h"
#include "card/Pkcs11Token.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::card;

namespace {

const QString openscModule = u"/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"_s;
const QString eccReader = u"Virtual PCD 00 00"_s; // CardHarness's card: sato, ECC P-256
const QString rsaReader = u"Virtual PCD 00 01"_s; // our second card: yamada, RSA-2048
const QByteArray pin = "123456";

} // namespace

class TestPkcs11OpenSc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsBothCardsWithTheirReaders();
    void certificateIsTheProfiles_data();
    void certificateIsTheProfiles();
    void signaturesVerifyWithOpenSsl_data();
    void signaturesVerifyWithOpenSsl();
    void pinOfTheWrongLengthIsRefused();
    void wrongPinsRaiseTheFinalTryThenBlock();
    void pulledCardIsReportedAsRemoved();

private:
    bool copyProfile(const QString &state, const QString &clinician);
    // The slot in `reader` once OpenSC sees a card there (pcscd polls vpcd about every 0.5 s).
    std::optional<Pkcs11Slot> waitForSlot(const QString &reader, bool wanted = true);
    std::unique_ptr<Pkcs11Token> openToken(const QString &reader);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    test::CardHarness m_harness;
    QProcess m_rsaCard;
    std::shared_ptr<Pkcs11Module> m_module;
    QMap<QString, QByteArray> m_certificates; // profile certificate by reader
    QString m_openssl;
};

bool TestPkcs11OpenSc::copyProfile(const QString &state, const QString &clinician)
{
    return test::PlatformProcess::copyCardProfile(state, clinician, path(clinician + u".json"_s)).ok();
}

void TestPkcs11OpenSc::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QFile::exists(openscModule))
        QFAIL("opensc-pkcs11.so is missing: install the Debian package opensc");
    m_openssl = test::findTool(u"openssl"_s);
    if (m_openssl.isEmpty())
        QFAIL("openssl is missing: install the Debian package openssl");
    // pcsc-lite (inside OpenSC) reads the socket name once per process: before the module loads.
    qputenv("PCSCLITE_CSOCK_NAME", m_harness.socketPath().toLocal8Bit());
    const QString state = path(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    QVERIFY(copyProfile(state, u"sato"_s));
    QVERIFY(copyProfile(state, u"yamada"_s));
    for (const auto &[reader, clinician] : {std::pair {eccReader, u"sato"_s}, std::pair {rsaReader, u"yamada"_s}}) {
        QFile file(path(clinician + u".json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject slot9a = QJsonDocument::fromJson(file.readAll()).object()[u"slots"_s][u"9A"_s].toObject();
        m_certificates.insert(reader, QByteArray::fromBase64(slot9a[u"certificateDer"_s].toString().toLatin1()));
        QVERIFY(!m_certificates.value(reader).isEmpty());
    }

    Result<void> pcscd = m_harness.startPcscd();
    QVERIFY2(pcscd, pcscd ? "" : qPrintable(pcscd.error().detail()));
    Result<void> card = m_harness.startCard(path(u"sato.json"_s));
    QVERIFY2(card, card ? "" : qPrintable(card.error().detail()));
    // The second card, in vpcd's second reader (port 35964).
    m_rsaCard.start(test::programPath(u"haip-vcard"_s),
                    {u"--profile"_s,
                     path(u"yamada.json"_s),
                     u"--vpcd"_s,
                     u"127.0.0.1:35964"_s,
                     u"--control"_s,
                     path(u"yamada.sock"_s)});
    QVERIFY2(m_rsaCard.waitForStarted(10000), qPrintable(m_rsaCard.errorString()));
    QByteArray out;
    QDeadlineTimer deadline(10000);
    while (!out.contains("\"inserted\"") && !deadline.hasExpired() && m_rsaCard.state() == QProcess::Running) {
        m_rsaCard.waitForReadyRead(100);
        out += m_rsaCard.readAllStandardOutput();
    }
    QVERIFY2(out.contains("\"inserted\""), out + m_rsaCard.readAllStandardError());

    Result<std::shared_ptr<Pkcs11Module>> module = Pkcs11Module::open(openscModule);
    QVERIFY2(module, module ? "" : qPrintable(module.error().message()));
    m_module = *module;
    QVERIFY2(m_module->libraryDescription().contains(u"OpenSC"_s), qPrintable(m_module->libraryDescription()));
}

void TestPkcs11OpenSc::cleanupTestCase()
{
    m_module.reset();
    if (m_rsaCard.state() != QProcess::NotRunning) {
        m_rsaCard.terminate();
        if (!m_rsaCard.waitForFinished(5000)) {
            m_rsaCard.kill();
            m_rsaCard.waitForFinished(2000);
        }
    }
    m_harness.stop();
}

std::optional<Pkcs11Slot> TestPkcs11OpenSc::waitForSlot(const QString &reader, bool wanted)
{
    QDeadlineTimer deadline(10000);
    while (true) {
        Result<QList<Pkcs11Slot>> present = m_module->slotsWithToken();
        if (!present) {
            qWarning("%s", qPrintable(present.error().message()));
            return std::nullopt;
        }
        std::optional<Pkcs11Slot> found;
        for (const Pkcs11Slot &slot : *present) {
            if (slot.description == reader)
                found = slot;
        }
        if (found.has_value() == wanted)
            return wanted ? found : Pkcs11Slot();
        if (deadline.hasExpired())
            return std::nullopt;
        QThread::msleep(50);
    }
}

std::unique_ptr<Pkcs11Token> TestPkcs11OpenSc::openToken(const QString &reader)
{
    const std::optional<Pkcs11Slot> slot = waitForSlot(reader);
    if (!slot)
        return nullptr;
    // By reader name, as the login's card thread opens tokens.
    Result<std::unique_ptr<Pkcs11Token>> token = Pkcs11Token::openInReader(m_module, reader);
    if (!token) {
        qWarning("%s", qPrintable(token.error().message()));
        return nullptr;
    }
    return std::move(*token);
}

void TestPkcs11OpenSc::listsBothCardsWithTheirReaders()
{
    const std::optional<Pkcs11Slot> ecc = waitForSlot(eccReader);
    const std::optional<Pkcs11Slot> rsa = waitForSlot(rsaReader);
    QVERIFY(ecc && rsa);
    // OpenSC's PIV emulation labels the token with the cardholder's name from the certificate.
    QCOMPARE(ecc->label, u"SATO Hanako"_s);
    QCOMPARE(rsa->label, u"YAMADA Taro"_s);
    QCOMPARE(ecc->manufacturer, u"piv_II"_s);
    QCOMPARE(ecc->model, u"PKCS#15 emulated"_s);
    QVERIFY(!ecc->serialNumber.isEmpty());
    QVERIFY(ecc->serialNumber != rsa->serialNumber);
}

void TestPkcs11OpenSc::certificateIsTheProfiles_data()
{
    QTest::addColumn<QString>("reader");
    QTest::newRow("ECC P-256 (sato)") << eccReader;
    QTest::newRow("RSA-2048 (yamada)") << rsaReader;
}

void TestPkcs11OpenSc::certificateIsTheProfiles()
{
    QFETCH(QString, reader);
    std::unique_ptr<Pkcs11Token> token = openToken(reader);
    QVERIFY(token);
    // Before the PIN OpenSC shows the certificate and the public key, not the private key.
    Result<QByteArray> before = token->certificateDer();
    QVERIFY2(before, before ? "" : qPrintable(before.error().message()));
    QCOMPARE(*before, m_certificates.value(reader));
    QVERIFY(token->verifyPin(pin));
    Result<QByteArray> after = token->certificateDer();
    QVERIFY2(after, after ? "" : qPrintable(after.error().message()));
    QCOMPARE(*after, m_certificates.value(reader));
}

void TestPkcs11OpenSc::signaturesVerifyWithOpenSsl_data()
{
    QTest::addColumn<QString>("reader");
    QTest::newRow("ECC P-256 (sato)") << eccReader;
    QTest::newRow("RSA-2048 (yamada)") << rsaReader;
}

void TestPkcs11OpenSc::signaturesVerifyWithOpenSsl()
{
    QFETCH(QString, reader);
    std::unique_ptr<Pkcs11Token> token = openToken(reader);
    QVERIFY(token);
    Result<PinStatus> status = token->pinStatus();
    QVERIFY(status);
    QVERIFY(!status->verified && !status->blocked);
    QVERIFY(token->verifyPin(pin));
    status = token->pinStatus();
    QVERIFY(status && status->verified);

    const QByteArray message = "platform challenge || session public key";
    Result<QByteArray> signature = token->signSha256(QCryptographicHash::hash(message, QCryptographicHash::Sha256));
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message()));

    QFile certificate(path(u"certificate.der"_s));
    QFile messageFile(path(u"message.bin"_s));
    QFile signatureFile(path(u"signature.bin"_s));
    QVERIFY(certificate.open(QIODevice::WriteOnly) && certificate.write(m_certificates.value(reader)) > 0);
    QVERIFY(messageFile.open(QIODevice::WriteOnly) && messageFile.write(message) == message.size());
    QVERIFY(signatureFile.open(QIODevice::WriteOnly) && signatureFile.write(*signature) == signature->size());
    certificate.close();
    messageFile.close();
    signatureFile.close();
    const QString publicKey = path(u"public.pem"_s);
    test::ProcessResult r = test::run(m_openssl,
                                      {u"x509"_s,
                                       u"-inform"_s,
                                       u"DER"_s,
                                       u"-in"_s,
                                       certificate.fileName(),
                                       u"-pubkey"_s,
                                       u"-noout"_s,
                                       u"-out"_s,
                                       publicKey});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = test::run(m_openssl,
                  {u"dgst"_s,
                   u"-sha256"_s,
                   u"-verify"_s,
                   publicKey,
                   u"-signature"_s,
                   signatureFile.fileName(),
                   messageFile.fileName()});
    QVERIFY2(r.exitCode == 0 && r.out.contains("Verified OK"), r.out + r.err);
}

void TestPkcs11OpenSc::pinOfTheWrongLengthIsRefused()
{
    // OpenSC knows the PIV PIN is 4-8 characters and refuses others itself (CKR_PIN_LEN_RANGE).
    std::unique_ptr<Pkcs11Token> token = openToken(eccReader);
    QVERIFY(token);
    for (const QByteArray &wrongLength : {QByteArray("123"), QByteArray("123456789")}) {
        Result<void> refused = token->verifyPin(wrongLength);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::PinIncorrect);
        QVERIFY2(refused.error().message().contains(u"too short or too long"_s), qPrintable(refused.error().message()));
    }
    Result<PinStatus> status = token->pinStatus();
    QVERIFY(status);
    QVERIFY(!status->verified && !status->blocked);
    QVERIFY(token->verifyPin(pin));
}

void TestPkcs11OpenSc::wrongPinsRaiseTheFinalTryThenBlock()
{
    // yamada's card allows 3 tries (the profile's pinRetries); this test uses them all up.
    std::unique_ptr<Pkcs11Token> token = openToken(rsaReader);
    QVERIFY(token);
    Result<void> wrong = token->verifyPin("999999");
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code(), ErrorCode::PinIncorrect);
    Result<PinStatus> status = token->pinStatus();
    QVERIFY(status);
    QCOMPARE(status->triesLeft, -1);
    QVERIFY(!status->finalTry && !status->blocked && !status->verified);

    // Two tries used: OpenSC raises CKF_USER_PIN_FINAL_TRY, which the user reads as one try left.
    wrong = token->verifyPin("999999");
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code(), ErrorCode::PinIncorrect);
    QCOMPARE(wrong.error().detail(), u"1"_s);
    QVERIFY2(wrong.error().message().contains(u"1 tries left"_s), qPrintable(wrong.error().message()));
    status = token->pinStatus();
    QVERIFY(status);
    QVERIFY(status->finalTry && !status->blocked);

    wrong = token->verifyPin("999999");
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code(), ErrorCode::PinBlocked);
    QVERIFY(wrong.error().message().contains(u"blocked"_s));
    status = token->pinStatus();
    QVERIFY(status);
    QVERIFY(status->blocked);
    // The right PIN no longer helps.
    Result<void> right = token->verifyPin(pin);
    QVERIFY(!right);
    QCOMPARE(right.error().code(), ErrorCode::PinBlocked);
}

void TestPkcs11OpenSc::pulledCardIsReportedAsRemoved()
{
    std::unique_ptr<Pkcs11Token> token = openToken(eccReader);
    QVERIFY(token);
    QVERIFY(token->verifyPin(pin));
    const QByteArray digest = QCryptographicHash::hash("x", QCryptographicHash::Sha256);
    QVERIFY(token->signSha256(digest));
    QVERIFY(m_harness.control("remove"));
    QElapsedTimer sincePull;
    sincePull.start();
    // What OpenSC 0.23 really answers: a command that meets the empty reader before pcscd has
    // noticed it (pcscd polls vpcd every ~0.5 s) fails with CKR_GENERAL_ERROR while OpenSC still
    // reports the token present — an honest "the card stopped answering" (CardFailed); once pcscd
    // knows, CKR_DEVICE_REMOVED, which the user reads as "card removed". The PC/SC reader monitor
    // is what locks the session; this proves the token never pretends to work and soon says why.
    Result<QByteArray> signature = token->signSha256(digest);
    qint64 firstFailure = -1;
    while (sincePull.elapsed() < 5000) {
        if (!signature && firstFailure < 0)
            firstFailure = sincePull.elapsed();
        if (!signature && signature.error().code() == ErrorCode::CardRemoved)
            break;
        if (!signature) {
            QCOMPARE(signature.error().code(), ErrorCode::CardFailed);
            QVERIFY2(signature.error().detail().contains(u"CKR_GENERAL_ERROR"_s),
                     qPrintable(signature.error().detail()));
        }
        QThread::msleep(20);
        signature = token->signSha256(digest);
    }
    QVERIFY(!signature);
    QVERIFY2(signature.error().code() == ErrorCode::CardRemoved, qPrintable(signature.error().detail()));
    QVERIFY(signature.error().message().contains(u"removed"_s));
    QVERIFY2(sincePull.elapsed() < 1500, qPrintable(QString::number(sincePull.elapsed())));
    qInfo("after the pull: first failure at %lld ms, CardRemoved (%s) at %lld ms",
          firstFailure,
          qPrintable(signature.error().detail()),
          sincePull.elapsed());
    // The token stays removed, though OpenSC answers C_GetTokenInfo from its cache for a while.
    Result<PinStatus> status = token->pinStatus();
    QVERIFY(!status);
    QCOMPARE(status.error().code(), ErrorCode::CardRemoved);
    QVERIFY(waitForSlot(eccReader, false));
    Result<std::unique_ptr<Pkcs11Token>> none = Pkcs11Token::openInReader(m_module, eccReader);
    QVERIFY(!none);
    QCOMPARE(none.error().code(), ErrorCode::CardRemoved);

    // Back in: a new token works (the old one stays dead: a new card session needs the PIN).
    QVERIFY(m_harness.control("insert"));
    std::unique_ptr<Pkcs11Token> again = openToken(eccReader);
    QVERIFY(again);
    Result<QByteArray> certificate = again->certificateDer();
    QVERIFY(certificate);
    QCOMPARE(*certificate, m_certificates.value(eccReader));
}

QTEST_GUILESS_MAIN(TestPkcs11OpenSc)
#include "TestPkcs11OpenSc.moc"
