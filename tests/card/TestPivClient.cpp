// The PIV client against the virtual card's applet in memory (no reader involved): selection,
// the certificate through response chaining, PIN tries and blocking as errors a doctor can
// read, signatures through command chaining that verify with the certificate's key, and a
// gzip-compressed certificate (compressed by the independent `gzip` tool).
#include "CardProfile.h"
#include "PivApplet.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "card/Apdu.h"
#include "card/BerTlv.h"
#include "card/PivClient.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::card;

namespace {

class AppletTransport : public ApduTransport
{
public:
    explicit AppletTransport(vcard::PivApplet &applet) : m_applet(applet) { }
    Result<QByteArray> transmit(const QByteArray &command) override
    {
        ++commands;
        return m_applet.process(command);
    }
    int commands = 0;

private:
    vcard::PivApplet &m_applet;
};

// Answers GET DATA with a fixed object, in 61xx parts like a card with small buffers.
class FixedObjectTransport : public ApduTransport
{
public:
    explicit FixedObjectTransport(QByteArray object) : m_object(std::move(object)) { }
    Result<QByteArray> transmit(const QByteArray &command) override
    {
        const std::optional<CommandApdu> c = CommandApdu::parse(command);
        if (!c)
            return ResponseApdu {{}, sw::WrongLength}.encode();
        if (c->ins == 0xCB)
            m_pending = tlv::encode(0x53, m_object);
        else if (c->ins != 0xC0)
            return ResponseApdu {{}, sw::Ok}.encode();
        const QByteArray part = m_pending.left(100);
        m_pending.remove(0, part.size());
        const quint16 status = m_pending.isEmpty() ? sw::Ok : quint16(0x6100 | qMin<qsizetype>(m_pending.size(), 0xFF));
        return ResponseApdu {part, status}.encode();
    }

private:
    QByteArray m_object;
    QByteArray m_pending;
};

bool verifies(const QByteArray &certificateDer, const QByteArray &message, const QByteArray &signature)
{
    const auto *p = reinterpret_cast<const unsigned char *>(certificateDer.constData());
    crypto::internal::OpenSslPtr<X509, X509_free> cert(d2i_X509(nullptr, &p, long(certificateDer.size())));
    if (!cert)
        return false;
    crypto::internal::PKeyPtr key(X509_get_pubkey(cert.get()));
    crypto::internal::OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free> ctx(EVP_MD_CTX_new());
    return key && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
        EVP_DigestVerify(ctx.get(),
                         reinterpret_cast<const unsigned char *>(signature.constData()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         size_t(message.size())) == 1;
}

} // namespace

class TestPivClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void readsTheCertificate();
    void pinTriesAndBlocking();
    void signsWithRsaAndEcc_data();
    void signsWithRsaAndEcc();
    void signingWithoutPinIsRefused();
    void compressedCertificateIsInflated();
    void damagedCompressedCertificateIsAnError();

private:
    QString profilePath(const QString &clinician) const { return m_dir.filePath(clinician + u".json"_s); }
    QTemporaryDir m_dir;
    QString m_state;
};

void TestPivClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(m_state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
}

void TestPivClient::init()
{
    for (const QString &c : {u"yamada"_s, u"sato"_s}) {
        QVERIFY(test::PlatformProcess::copyCardProfile(m_state, c, profilePath(c)));
    }
}

void TestPivClient::readsTheCertificate()
{
    Result<vcard::CardProfile> profile = vcard::CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    vcard::PivApplet applet(*profile);
    AppletTransport transport(applet);
    PivClient client(transport);
    QVERIFY(client.select());
    Result<QByteArray> cert = client.readAuthenticationCertificate();
    QVERIFY(cert);
    QCOMPARE(*cert, profile->certificateDer());
    QVERIFY2(transport.commands >= 4, "the RSA certificate needs GET RESPONSE");
}

void TestPivClient::pinTriesAndBlocking()
{
    Result<vcard::CardProfile> profile = vcard::CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    vcard::PivApplet applet(*profile);
    AppletTransport transport(applet);
    PivClient client(transport);
    QVERIFY(client.select());
    QCOMPARE(client.pinTriesLeft().value(), 3);
    QCOMPARE(client.verifyPin("12").error().code(), ErrorCode::InvalidArgument);
    Result<void> wrong = client.verifyPin("000000");
    QCOMPARE(wrong.error().code(), ErrorCode::PinIncorrect);
    QCOMPARE(wrong.error().detail(), u"2"_s);
    QVERIFY2(wrong.error().message().contains(u"2 tries left"_s), qPrintable(wrong.error().message()));
    QCOMPARE(client.pinTriesLeft().value(), 2);
    QCOMPARE(client.verifyPin("000000").error().detail(), u"1"_s);
    QCOMPARE(client.verifyPin("000000").error().code(), ErrorCode::PinBlocked);
    QCOMPARE(client.verifyPin("123456").error().code(), ErrorCode::PinBlocked);
    QCOMPARE(client.pinTriesLeft().value(), 0);
}

void TestPivClient::signsWithRsaAndEcc_data()
{
    QTest::addColumn<QString>("clinician");
    QTest::addColumn<int>("algorithm");
    QTest::newRow("RSA-2048 (07), command chaining") << u"yamada"_s << 0x07;
    QTest::newRow("ECC P-256 (11)") << u"sato"_s << 0x11;
}

void TestPivClient::signsWithRsaAndEcc()
{
    QFETCH(QString, clinician);
    QFETCH(int, algorithm);
    Result<vcard::CardProfile> profile = vcard::CardProfile::load(profilePath(clinician));
    QVERIFY(profile);
    vcard::PivApplet applet(*profile);
    AppletTransport transport(applet);
    PivClient client(transport);
    QVERIFY(client.select());
    QVERIFY(client.verifyPin("123456"));
    const QByteArray message = "challenge || session public key";
    Result<QByteArray> signature =
        client.signSha256(algorithm, QCryptographicHash::hash(message, QCryptographicHash::Sha256));
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message()));
    QVERIFY(verifies(profile->certificateDer(), message, *signature));
    QVERIFY(!verifies(profile->certificateDer(), message + "!", *signature));
    QCOMPARE(client.signSha256(algorithm, "short").error().code(), ErrorCode::InvalidArgument);
}

void TestPivClient::signingWithoutPinIsRefused()
{
    Result<vcard::CardProfile> profile = vcard::CardProfile::load(profilePath(u"sato"_s));
    QVERIFY(profile);
    vcard::PivApplet applet(*profile);
    AppletTransport transport(applet);
    PivClient client(transport);
    QVERIFY(client.select());
    Result<QByteArray> r = client.signSha256(0x11, QByteArray(32, 'h'));
    QCOMPARE(r.error().code(), ErrorCode::CardFailed);
    QVERIFY2(r.error().detail().contains(u"PIN has not been verified"_s), qPrintable(r.error().detail()));
    // The card's algorithm must be asked for: RSA on an ECC card is refused by the card.
    QVERIFY(client.verifyPin("123456"));
    QCOMPARE(client.signSha256(0x07, QByteArray(32, 'h')).error().code(), ErrorCode::CardFailed);
}

void TestPivClient::compressedCertificateIsInflated()
{
    Result<vcard::CardProfile> profile = vcard::CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    const QString gzip = test::findTool(u"gzip"_s);
    QVERIFY2(!gzip.isEmpty(), "gzip is missing: install gzip");
    QProcess p;
    p.start(gzip, {u"-9c"_s});
    QVERIFY(p.waitForStarted());
    p.write(profile->certificateDer());
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished());
    const QByteArray compressed = p.readAllStandardOutput();
    QVERIFY(!compressed.isEmpty() && compressed.size() != profile->certificateDer().size());
    FixedObjectTransport transport(tlv::encode(0x70, compressed) + tlv::encode(0x71, "\x01") + tlv::encode(0xFE, {}));
    PivClient client(transport);
    Result<QByteArray> cert = client.readAuthenticationCertificate();
    QVERIFY2(cert, cert ? "" : qPrintable(cert.error().detail()));
    QCOMPARE(*cert, profile->certificateDer());
}

void TestPivClient::damagedCompressedCertificateIsAnError()
{
    FixedObjectTransport transport(tlv::encode(0x70, QByteArray::fromHex("1f8b0800000000000003ffff")) +
                                   tlv::encode(0x71, "\x01"));
    PivClient client(transport);
    Result<QByteArray> cert = client.readAuthenticationCertificate();
    QVERIFY(!cert);
    QCOMPARE(cert.error().code(), ErrorCode::CardFailed);
    FixedObjectTransport empty(tlv::encode(0x71, QByteArray(1, '\0')));
    PivClient emptyClient(empty);
    QCOMPARE(emptyClient.readAuthenticationCertificate().error().code(), ErrorCode::CardFailed);
}

QTEST_GUILESS_MAIN(TestPivClient)
#include "TestPivClient.moc"
