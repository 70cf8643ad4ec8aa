// The PIV client through the real pcscd: the reader list, the certificate, PIN and signature
// over PC/SC with haip-vcard in the vpcd reader, and the errors of a pulled card and an
// unknown reader.
#include "CardHarness.h"
#include "PlatformProcess.h"
#include "card/PcscCard.h"
#include "card/PivClient.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::card;

namespace {
const QString reader = u"Virtual PCD 00 00"_s;
}

class TestPivClientPcsc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsTheReaders();
    void loginStepsOverPcsc();
    void unknownReaderIsUnavailable();
    void pulledCardIsReportedAsRemoved();

private:
    Result<PcscCard> connectWhenPresent();
    QTemporaryDir m_dir;
    test::CardHarness m_harness;
};

void TestPivClientPcsc::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // pcsc-lite reads the socket name once per process: point it at our pcscd first.
    qputenv("PCSCLITE_CSOCK_NAME", m_harness.socketPath().toLocal8Bit());
    const QString state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    const QString profile = m_dir.filePath(u"sato.json"_s);
    QVERIFY(test::PlatformProcess::copyCardProfile(state, u"sato"_s, profile));
    Result<void> pcscd = m_harness.startPcscd();
    QVERIFY2(pcscd, pcscd ? "" : qPrintable(pcscd.error().detail()));
    Result<void> card = m_harness.startCard(profile);
    QVERIFY2(card, card ? "" : qPrintable(card.error().detail()));
}

void TestPivClientPcsc::cleanupTestCase()
{
    m_harness.stop();
}

Result<PcscCard> TestPivClientPcsc::connectWhenPresent()
{
    // pcscd polls the virtual reader about every half second before it sees a new card.
    QDeadlineTimer deadline(10000);
    while (true) {
        Result<PcscCard> card = PcscCard::connect(reader);
        if (card || deadline.hasExpired())
            return card;
        QThread::msleep(50);
    }
}

void TestPivClientPcsc::listsTheReaders()
{
    Result<QStringList> readers = PcscCard::readers();
    QVERIFY2(readers, readers ? "" : qPrintable(readers.error().message()));
    QVERIFY2(readers->contains(reader), qPrintable(readers->join(u", "_s)));
}

void TestPivClientPcsc::loginStepsOverPcsc()
{
    Result<PcscCard> card = connectWhenPresent();
    QVERIFY2(card, card ? "" : qPrintable(card.error().message()));
    QVERIFY(card->atr().contains("HAIPvPIV"));
    PivClient client(*card);
    QVERIFY(client.select());
    Result<QByteArray> der = client.readAuthenticationCertificate();
    QVERIFY(der);
    QCOMPARE(QSslCertificate(*der, QSsl::Der).subjectInfo(QSslCertificate::SerialNumber).value(0), u"HPKI-DEMO-0002"_s);
    QCOMPARE(client.pinTriesLeft().value(), 3);
    QCOMPARE(client.verifyPin("999999").error().code(), ErrorCode::PinIncorrect);
    QVERIFY(client.verifyPin("123456"));
    Result<QByteArray> signature = client.signSha256(0x11, QCryptographicHash::hash("x", QCryptographicHash::Sha256));
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message()));
    QVERIFY(signature->size() >= 8 && quint8(signature->at(0)) == 0x30); // DER ECDSA-Sig-Value
}

void TestPivClientPcsc::unknownReaderIsUnavailable()
{
    Result<PcscCard> card = PcscCard::connect(u"No Such Reader 00 00"_s);
    QVERIFY(!card);
    QCOMPARE(card.error().code(), ErrorCode::CardUnavailable);
    QVERIFY2(card.error().detail().contains(u"not connected"_s), qPrintable(card.error().detail()));
}

void TestPivClientPcsc::pulledCardIsReportedAsRemoved()
{
    Result<PcscCard> card = connectWhenPresent();
    QVERIFY(card);
    PivClient client(*card);
    QVERIFY(client.select());
    QVERIFY(m_harness.control("remove"));
    // The next command fails as a removed card, however pcscd words it.
    QDeadlineTimer deadline(5000);
    Result<void> r = client.select();
    while (r && !deadline.hasExpired()) {
        QThread::msleep(50);
        r = client.select();
    }
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::CardRemoved);
    QVERIFY(r.error().message().contains(u"removed"_s));
    // pcscd notices the empty reader at its next poll (~0.5 s); then connecting says so.
    deadline.setRemainingTime(5000);
    Result<PcscCard> none = PcscCard::connect(reader);
    while (none && !deadline.hasExpired()) {
        QThread::msleep(50);
        none = PcscCard::connect(reader);
    }
    QVERIFY(!none);
    QCOMPARE(none.error().code(), ErrorCode::CardRemoved);
    QVERIFY(m_harness.control("insert"));
    QVERIFY(connectWhenPresent());
}

QTEST_GUILESS_MAIN(TestPivClientPcsc)
#include "TestPivClientPcsc.moc"
