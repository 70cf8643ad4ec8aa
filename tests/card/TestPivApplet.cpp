// The virtual card's PIV application, APDU by APDU (SP 800-73-4 Part 2), on card profiles
// written by the real `haip-platform init`: selection, the certificate through response
// chaining, PIN tries down to blocked and PUK unblock, signatures that verify with the
// certificate's key (RSA-2048 through command chaining, ECC P-256), and malformed commands.
#include "CardProfile.h"
#include "PivApplet.h"
#include "PlatformProcess.h"
#include "card/Apdu.h"
#include "card/BerTlv.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QtTest>

#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::card;
using namespace haip::vcard;

namespace {

ResponseApdu send(PivApplet &applet, const QByteArray &hex)
{
    return ResponseApdu::parse(applet.process(QByteArray::fromHex(hex))).value_or(ResponseApdu {});
}

ResponseApdu send(PivApplet &applet, const CommandApdu &command)
{
    return ResponseApdu::parse(applet.process(command.encode())).value_or(ResponseApdu {});
}

QByteArray paddedPin(const QByteArray &pin)
{
    return pin + QByteArray(8 - pin.size(), '\xFF');
}

CommandApdu verifyCommand(const QByteArray &pin)
{
    return {0x00, 0x20, 0x00, 0x80, paddedPin(pin), std::nullopt};
}

// The public key of a DER certificate, for checking signatures independently of the card.
crypto::internal::PKeyPtr publicKeyOf(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    crypto::internal::OpenSslPtr<X509, X509_free> cert(d2i_X509(nullptr, &p, long(der.size())));
    return crypto::internal::PKeyPtr(cert ? X509_get_pubkey(cert.get()) : nullptr);
}

} // namespace

class TestPivApplet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void selectAnswersWithTheApplicationTemplate();
    void unknownApplicationIsNotFound();
    void certificateComesThroughResponseChaining();
    void chuidAndDiscoveryObjects();
    void unknownObjectIsNotFound();
    void pinTriesCountDownToBlocked();
    void blockedPinStaysBlockedInTheProfile();
    void pukUnblocksWithANewPin();
    void changePin();
    void signingNeedsThePin();
    void rsaSignatureThroughCommandChainingVerifies();
    void eccSignatureVerifies();
    void wrongAlgorithmOrKeyIsRefused();
    void malformedCommandsAreRefused_data();
    void malformedCommandsAreRefused();
    void resetForgetsThePin();

private:
    QString profilePath(const QString &clinician) const { return m_dir.filePath(clinician + u".json"_s); }
    QTemporaryDir m_dir;
    QString m_state;
};

void TestPivApplet::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(m_state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
}

void TestPivApplet::init()
{
    // A fresh copy of each profile per test: the applet writes its counters back.
    for (const QString &c : {u"yamada"_s, u"sato"_s}) {
        QVERIFY(test::PlatformProcess::copyCardProfile(m_state, c, profilePath(c)));
    }
}

void TestPivApplet::selectAnswersWithTheApplicationTemplate()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    const ResponseApdu r = send(applet, "00a4040009a00000030800001000");
    QCOMPARE(r.status, sw::Ok);
    const std::optional<QByteArray> apt = tlv::find(r.data, 0x61);
    QVERIFY(apt);
    QCOMPARE(tlv::find(*apt, 0x4F).value_or(QByteArray()), QByteArray::fromHex("000010000100"));
    const std::optional<QByteArray> algorithms = tlv::find(*apt, 0xAC);
    QVERIFY(algorithms);
    QCOMPARE(tlv::find(*algorithms, 0x80).value_or(QByteArray()), QByteArray::fromHex("07"));
}

void TestPivApplet::unknownApplicationIsNotFound()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    QCOMPARE(send(applet, "00a4040007a0000000041010").status, sw::FileNotFound);
    // Deselected: PIV commands are no longer answered until PIV is selected again.
    QCOMPARE(send(applet, "00cb3fff055c035fc10500").status, sw::InsNotSupported);
    QCOMPARE(send(applet, "00a404000ba000000308000010000100").status, sw::Ok);
}

void TestPivApplet::certificateComesThroughResponseChaining()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    ResponseApdu r = send(applet, "00cb3fff055c035fc10500");
    QByteArray object = r.data;
    int parts = 1;
    while ((r.status & 0xFF00) == sw::MoreDataMask) {
        QCOMPARE(r.data.size(), 256);
        r = send(applet, "00c0000000");
        object += r.data;
        ++parts;
    }
    QCOMPARE(r.status, sw::Ok);
    QVERIFY2(parts >= 3, "an RSA certificate takes several GET RESPONSEs");
    const std::optional<QByteArray> body = tlv::find(object, 0x53);
    QVERIFY(body);
    const QByteArray der = tlv::find(*body, 0x70).value_or(QByteArray());
    QCOMPARE(tlv::find(*body, 0x71).value_or(QByteArray()), QByteArray(1, '\0'));
    QCOMPARE(der, profile->certificateDer());
    const QSslCertificate cert(der, QSsl::Der);
    QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName).value(0), u"YAMADA Taro"_s);
    // GET RESPONSE with nothing pending.
    QCOMPARE(send(applet, "00c0000000").status, sw::ConditionsNotSatisfied);
}

void TestPivApplet::chuidAndDiscoveryObjects()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    const ResponseApdu chuid = send(applet, "00cb3fff055c035fc10200");
    QCOMPARE(chuid.status, sw::Ok);
    const QByteArray body = tlv::find(chuid.data, 0x53).value_or(QByteArray());
    QCOMPARE(tlv::find(body, 0x34).value_or(QByteArray()), profile->cardholderUuid());
    QCOMPARE(tlv::find(body, 0x30).value_or(QByteArray()).size(), 25);
    const ResponseApdu discovery = send(applet, "00cb3fff035c017e00");
    QCOMPARE(discovery.status, sw::Ok);
    const QByteArray d = tlv::find(discovery.data, 0x7E).value_or(QByteArray());
    QCOMPARE(tlv::find(d, 0x5F2F).value_or(QByteArray()), QByteArray::fromHex("4000"));
}

void TestPivApplet::unknownObjectIsNotFound()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    QCOMPARE(send(applet, "00cb3fff055c035fc10a00").status, sw::FileNotFound); // slot 9C
    QCOMPARE(send(applet, "00cb3fff03990100").status, sw::IncorrectData); // no 5C tag list
    QCOMPARE(send(applet, "00cb0000055c035fc10500").status, sw::IncorrectP1P2);
}

void TestPivApplet::pinTriesCountDownToBlocked()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    QCOMPARE(send(applet, "0020008000").status, quint16(0x63C3)); // status query: 3 tries
    QCOMPARE(send(applet, verifyCommand("000000")).status, quint16(0x63C2));
    QCOMPARE(send(applet, verifyCommand("123456")).status, sw::Ok); // right PIN restores the tries
    QCOMPARE(send(applet, "0020008000").status, sw::Ok); // verified
    QCOMPARE(send(applet, verifyCommand("000000")).status, quint16(0x63C2));
    QVERIFY(!applet.pinVerified());
    QCOMPARE(send(applet, verifyCommand("000001")).status, quint16(0x63C1));
    QCOMPARE(send(applet, verifyCommand("000002")).status, sw::AuthenticationBlocked);
    QCOMPARE(send(applet, verifyCommand("123456")).status, sw::AuthenticationBlocked);
    QCOMPARE(send(applet, "0020008000").status, sw::AuthenticationBlocked);
}

void TestPivApplet::blockedPinStaysBlockedInTheProfile()
{
    {
        Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
        QVERIFY(profile);
        PivApplet applet(*profile);
        for (int i = 0; i < 3; ++i)
            send(applet, verifyCommand("999999"));
    }
    Result<CardProfile> reloaded = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(reloaded);
    QCOMPARE(reloaded->pinRetriesLeft(), 0);
    PivApplet applet(*reloaded);
    QCOMPARE(send(applet, verifyCommand("123456")).status, sw::AuthenticationBlocked);
}

void TestPivApplet::pukUnblocksWithANewPin()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    for (int i = 0; i < 3; ++i)
        send(applet, verifyCommand("999999"));
    QCOMPARE(send(applet, verifyCommand("123456")).status, sw::AuthenticationBlocked);
    const auto reset = [&](const QByteArray &puk, const QByteArray &pin) {
        return send(applet, CommandApdu {0x00, 0x2C, 0x00, 0x80, puk + paddedPin(pin), std::nullopt}).status;
    };
    QCOMPARE(reset("87654321", "654321"), quint16(0x63C9)); // wrong PUK: 9 tries left
    QCOMPARE(reset("12345678", "12"), sw::IncorrectData); // new PIN too short
    QCOMPARE(reset("12345678", "654321"), sw::Ok);
    QCOMPARE(send(applet, verifyCommand("123456")).status, quint16(0x63C2));
    QCOMPARE(send(applet, verifyCommand("654321")).status, sw::Ok);
    Result<CardProfile> reloaded = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(reloaded);
    QVERIFY(reloaded->pinMatches("654321"));
    QCOMPARE(reloaded->pukRetriesLeft(), 10);
}

void TestPivApplet::changePin()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    const auto change = [&](const QByteArray &oldPin, const QByteArray &newPin) {
        return send(applet, CommandApdu {0x00, 0x24, 0x00, 0x80, paddedPin(oldPin) + paddedPin(newPin), std::nullopt})
            .status;
    };
    QCOMPARE(change("000000", "11112222"), quint16(0x63C2));
    QCOMPARE(change("123456", "11112222"), sw::Ok);
    QCOMPARE(send(applet, verifyCommand("11112222")).status, sw::Ok);
}

void TestPivApplet::signingNeedsThePin()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"sato"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    const QByteArray digest = QCryptographicHash::hash("challenge", QCryptographicHash::Sha256);
    const QByteArray templ = tlv::encode(0x7C, tlv::encode(0x82, {}) + tlv::encode(0x81, digest));
    QCOMPARE(send(applet, CommandApdu {0x00, 0x87, 0x11, 0x9A, templ, 256}).status, sw::SecurityNotSatisfied);
}

void TestPivApplet::rsaSignatureThroughCommandChainingVerifies()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    QCOMPARE(send(applet, verifyCommand("123456")).status, sw::Ok);
    // EMSA-PKCS1-v1_5 (RFC 8017 §9.2) of SHA-256, padded by the client as PIV expects.
    const QByteArray message = "platform challenge and session key";
    const QByteArray digestInfo = QByteArray::fromHex("3031300d060960864801650304020105000420") +
        QCryptographicHash::hash(message, QCryptographicHash::Sha256);
    const QByteArray block = QByteArray::fromHex("0001") + QByteArray(256 - 3 - digestInfo.size(), '\xFF') +
        QByteArray(1, '\0') + digestInfo;
    const QByteArray templ = tlv::encode(0x7C, tlv::encode(0x82, {}) + tlv::encode(0x81, block));
    QVERIFY(templ.size() > 255);
    // Two chained short APDUs, as OpenSC and our client send them.
    QCOMPARE(send(applet, CommandApdu {0x10, 0x87, 0x07, 0x9A, templ.left(200), std::nullopt}).status, sw::Ok);
    ResponseApdu r = send(applet, CommandApdu {0x00, 0x87, 0x07, 0x9A, templ.mid(200), 256});
    QByteArray answer = r.data;
    while ((r.status & 0xFF00) == sw::MoreDataMask) {
        r = send(applet, "00c0000000");
        answer += r.data;
    }
    QCOMPARE(r.status, sw::Ok);
    const QByteArray signature = tlv::find(tlv::find(answer, 0x7C).value_or(QByteArray()), 0x82).value_or(QByteArray());
    QCOMPARE(signature.size(), 256);

    crypto::internal::PKeyPtr key = publicKeyOf(profile->certificateDer());
    QVERIFY(key);
    crypto::internal::OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free> ctx(EVP_MD_CTX_new());
    QVERIFY(EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1);
    QCOMPARE(EVP_DigestVerify(ctx.get(),
                              reinterpret_cast<const unsigned char *>(signature.constData()),
                              size_t(signature.size()),
                              reinterpret_cast<const unsigned char *>(message.constData()),
                              size_t(message.size())),
             1);
}

void TestPivApplet::eccSignatureVerifies()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"sato"_s));
    QVERIFY(profile);
    QCOMPARE(profile->pivAlgorithmId(), 0x11);
    PivApplet applet(*profile);
    QCOMPARE(send(applet, verifyCommand("123456")).status, sw::Ok);
    const QByteArray message = "platform challenge and session key";
    const QByteArray digest = QCryptographicHash::hash(message, QCryptographicHash::Sha256);
    const QByteArray templ = tlv::encode(0x7C, tlv::encode(0x82, {}) + tlv::encode(0x81, digest));
    const ResponseApdu r = send(applet, CommandApdu {0x00, 0x87, 0x11, 0x9A, templ, 256});
    QCOMPARE(r.status, sw::Ok);
    const QByteArray signature = tlv::find(tlv::find(r.data, 0x7C).value_or(QByteArray()), 0x82).value_or(QByteArray());
    QVERIFY(!signature.isEmpty());
    crypto::internal::PKeyPtr key = publicKeyOf(profile->certificateDer());
    QVERIFY(key);
    crypto::internal::OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free> ctx(EVP_MD_CTX_new());
    QVERIFY(EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1);
    QCOMPARE(EVP_DigestVerify(ctx.get(),
                              reinterpret_cast<const unsigned char *>(signature.constData()),
                              size_t(signature.size()),
                              reinterpret_cast<const unsigned char *>(message.constData()),
                              size_t(message.size())),
             1);
}

void TestPivApplet::wrongAlgorithmOrKeyIsRefused()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"sato"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    QCOMPARE(send(applet, verifyCommand("123456")).status, sw::Ok);
    const QByteArray templ = tlv::encode(0x7C, tlv::encode(0x82, {}) + tlv::encode(0x81, QByteArray(32, 'x')));
    QCOMPARE(send(applet, CommandApdu {0x00, 0x87, 0x07, 0x9A, templ, 256}).status, sw::IncorrectP1P2);
    QCOMPARE(send(applet, CommandApdu {0x00, 0x87, 0x11, 0x9C, templ, 256}).status, sw::IncorrectP1P2);
    const QByteArray noResponseTag = tlv::encode(0x7C, tlv::encode(0x81, QByteArray(32, 'x')));
    QCOMPARE(send(applet, CommandApdu {0x00, 0x87, 0x11, 0x9A, noResponseTag, 256}).status, sw::IncorrectData);
    QCOMPARE(send(applet, CommandApdu {0x00, 0x87, 0x11, 0x9A, QByteArray::fromHex("7c05"), 256}).status,
             sw::IncorrectData);
}

void TestPivApplet::malformedCommandsAreRefused_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<int>("status");
    QTest::newRow("three bytes") << QByteArray("00a404") << int(sw::WrongLength);
    QTest::newRow("Lc beyond data") << QByteArray("0020008008313233") << int(sw::WrongLength);
    QTest::newRow("proprietary class") << QByteArray("80a4040000") << int(sw::ClaNotSupported);
    QTest::newRow("unknown instruction") << QByteArray("00fd000000") << int(sw::InsNotSupported);
    QTest::newRow("PIN of wrong length") << QByteArray("002000800431323334") << int(sw::IncorrectData);
    QTest::newRow("global PIN reference") << QByteArray("0020000008313233343536ffff") << int(sw::DataNotFound);
}

void TestPivApplet::malformedCommandsAreRefused()
{
    QFETCH(QByteArray, hex);
    QFETCH(int, status);
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    QCOMPARE(int(send(applet, hex).status), status);
}

void TestPivApplet::resetForgetsThePin()
{
    Result<CardProfile> profile = CardProfile::load(profilePath(u"yamada"_s));
    QVERIFY(profile);
    PivApplet applet(*profile);
    QCOMPARE(send(applet, verifyCommand("123456")).status, sw::Ok);
    applet.reset();
    QVERIFY(!applet.pinVerified());
    QCOMPARE(send(applet, "0020008000").status, quint16(0x63C3));
}

QTEST_GUILESS_MAIN(TestPivApplet)
#include "TestPivApplet.moc"
