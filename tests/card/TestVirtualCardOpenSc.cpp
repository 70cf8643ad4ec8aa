// haip-vcard through the real pcscd and the vpcd driver, read by an independent PIV client:
// OpenSC's opensc-tool sees the reader and the card, pkcs15-tool lists and reads the slot 9A
// certificate byte for byte, and pulling the card over the control socket empties the reader.
#include "CardHarness.h"
#include "PlatformProcess.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;

namespace {

// opensc-tool --list-readers: "Nr.  Card  Features  Name", one row per reader.
std::optional<bool> cardPresent(const QByteArray &listing, const QByteArray &reader)
{
    for (const QByteArray &line : listing.split('\n')) {
        if (!line.contains(reader))
            continue;
        const QList<QByteArray> cols = line.simplified().split(' ');
        if (cols.size() >= 2)
            return cols.at(1) == "Yes";
    }
    return std::nullopt;
}

} // namespace

class TestVirtualCardOpenSc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void openscSeesTheReaderAndTheCard();
    void pkcs15ToolReadsTheCertificate();
    void pkcs15CryptSignsWithThePin();
    void pullingTheCardEmptiesTheReader();

private:
    // Polls opensc-tool until the reader shows the card state wanted (pcscd polls vpcd ~0.5 s).
    bool waitForCard(bool present, QByteArray *listing);

    QTemporaryDir m_dir;
    QString m_profile;
    test::CardHarness m_harness;
};

void TestVirtualCardOpenSc::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    m_profile = m_dir.filePath(u"yamada.json"_s);
    QVERIFY(test::PlatformProcess::copyCardProfile(state, u"yamada"_s, m_profile));
    QVERIFY2(!test::findTool(u"opensc-tool"_s).isEmpty(), "opensc-tool is missing: install opensc");
    Result<void> pcscd = m_harness.startPcscd();
    QVERIFY2(pcscd, pcscd ? "" : qPrintable(pcscd.error().detail()));
    Result<void> card = m_harness.startCard(m_profile);
    QVERIFY2(card, card ? "" : qPrintable(card.error().detail()));
}

void TestVirtualCardOpenSc::cleanupTestCase()
{
    m_harness.stop();
}

bool TestVirtualCardOpenSc::waitForCard(bool present, QByteArray *listing)
{
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        Result<QByteArray> out = m_harness.runClient(u"opensc-tool"_s, {u"--list-readers"_s});
        if (out) {
            *listing = *out;
            if (cardPresent(*out, "Virtual PCD 00 00") == present)
                return true;
        }
        QThread::msleep(100);
    }
    return false;
}

void TestVirtualCardOpenSc::openscSeesTheReaderAndTheCard()
{
    QByteArray listing;
    QVERIFY2(waitForCard(true, &listing), listing.constData());
    QVERIFY2(listing.contains("Virtual PCD 00 01"), listing.constData()); // the second, empty reader
    QCOMPARE(cardPresent(listing, "Virtual PCD 00 01"), std::optional<bool>(false));
    Result<QByteArray> atr = m_harness.runClient(u"opensc-tool"_s, {u"--reader"_s, u"0"_s, u"--atr"_s});
    QVERIFY(atr);
    QVERIFY2(atr->toLower().contains("3b:88:80:01:48:41:49:50:76:50:49:56"), atr->constData());
    Result<QByteArray> name = m_harness.runClient(u"opensc-tool"_s, {u"--reader"_s, u"0"_s, u"--name"_s});
    QVERIFY(name);
    QVERIFY2(name->contains("Personal Identity Verification Card"), name->constData());
}

void TestVirtualCardOpenSc::pkcs15ToolReadsTheCertificate()
{
    Result<QByteArray> list = m_harness.runClient(u"pkcs15-tool"_s, {u"--reader"_s, u"0"_s, u"--list-certificates"_s});
    QVERIFY(list);
    QVERIFY2(list->contains("X.509 Certificate [Certificate for PIV Authentication]"), list->constData());
    QVERIFY2(list->contains("ID             : 01"), list->constData());
    Result<QByteArray> pem =
        m_harness.runClient(u"pkcs15-tool"_s, {u"--reader"_s, u"0"_s, u"--read-certificate"_s, u"01"_s});
    QVERIFY(pem);
    const qsizetype begin = pem->indexOf("-----BEGIN CERTIFICATE-----");
    QVERIFY2(begin >= 0, pem->constData());
    const QList<QSslCertificate> certs = QSslCertificate::fromData(pem->mid(begin), QSsl::Pem);
    QCOMPARE(certs.size(), 1);
    QFile f(m_profile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray profileText = f.readAll();
    QVERIFY(profileText.contains(certs.front().toDer().toBase64()));
    QCOMPARE(certs.front().subjectInfo(QSslCertificate::CommonName).value(0), u"YAMADA Taro"_s);
}

void TestVirtualCardOpenSc::pkcs15CryptSignsWithThePin()
{
    // OpenSC pads the digest (PKCS#1 v1.5), chains the 256-byte GENERAL AUTHENTICATE and
    // unwraps the answer; openssl checks the signature against the certificate's key.
    const QByteArray digest = QCryptographicHash::hash("a login challenge", QCryptographicHash::Sha256);
    const QString in = m_dir.filePath(u"digest.bin"_s);
    const QString sig = m_dir.filePath(u"signature.bin"_s);
    const QString pub = m_dir.filePath(u"card-public.pem"_s);
    QFile d(in);
    QVERIFY(d.open(QIODevice::WriteOnly) && d.write(digest) == digest.size());
    d.close();
    Result<QByteArray> wrong = m_harness.runClient(u"pkcs15-crypt"_s,
                                                   {u"--reader"_s,
                                                    u"0"_s,
                                                    u"--sign"_s,
                                                    u"--key"_s,
                                                    u"01"_s,
                                                    u"--sha-256"_s,
                                                    u"--pkcs1"_s,
                                                    u"--input"_s,
                                                    in,
                                                    u"--output"_s,
                                                    sig,
                                                    u"--pin"_s,
                                                    u"000000"_s});
    QVERIFY(wrong);
    QVERIFY2(wrong->contains("PIN"), wrong->constData());
    Result<QByteArray> signed_ = m_harness.runClient(u"pkcs15-crypt"_s,
                                                     {u"--reader"_s,
                                                      u"0"_s,
                                                      u"--sign"_s,
                                                      u"--key"_s,
                                                      u"01"_s,
                                                      u"--sha-256"_s,
                                                      u"--pkcs1"_s,
                                                      u"--input"_s,
                                                      in,
                                                      u"--output"_s,
                                                      sig,
                                                      u"--pin"_s,
                                                      u"123456"_s});
    QVERIFY(signed_);
    QCOMPARE(QFileInfo(sig).size(), 256);
    Result<QByteArray> pem =
        m_harness.runClient(u"pkcs15-tool"_s, {u"--reader"_s, u"0"_s, u"--read-public-key"_s, u"01"_s});
    QVERIFY(pem);
    QFile p(pub);
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write(pem->mid(pem->indexOf("-----BEGIN")));
    p.close();
    const test::ProcessResult verify = test::run(test::findTool(u"openssl"_s),
                                                 {u"pkeyutl"_s,
                                                  u"-verify"_s,
                                                  u"-pubin"_s,
                                                  u"-inkey"_s,
                                                  pub,
                                                  u"-in"_s,
                                                  in,
                                                  u"-sigfile"_s,
                                                  sig,
                                                  u"-pkeyopt"_s,
                                                  u"digest:sha256"_s});
    QVERIFY2(verify.exitCode == 0, verify.out + verify.err);
    QVERIFY2(verify.out.contains("Signature Verified Successfully"), verify.out.constData());
    // The wrong PIN cost a try, the right one restored them.
    Result<QByteArray> status = m_harness.control("status");
    QVERIFY(status);
    QVERIFY2(status->contains("\"pinRetriesLeft\":3"), status->constData());
}

void TestVirtualCardOpenSc::pullingTheCardEmptiesTheReader()
{
    Result<QByteArray> removed = m_harness.control("remove");
    QVERIFY(removed);
    QVERIFY2(removed->contains("\"inserted\":false"), removed->constData());
    QByteArray listing;
    QVERIFY2(waitForCard(false, &listing), listing.constData());
    Result<QByteArray> inserted = m_harness.control("insert");
    QVERIFY(inserted);
    QVERIFY2(waitForCard(true, &listing), listing.constData());
    Result<QByteArray> status = m_harness.control("status");
    QVERIFY(status);
    QVERIFY2(status->contains("\"pinRetriesLeft\":3"), status->constData());
}

QTEST_GUILESS_MAIN(TestVirtualCardOpenSc)
#include "TestVirtualCardOpenSc.moc"
