// ISO/IEC 7816-4 APDU and BER-TLV coding: every case of command APDU, short and extended,
// round trips; malformed input is refused rather than misread.
#include "card/Apdu.h"
#include "card/BerTlv.h"

#include <QtTest>

using namespace haip::card;

class TestApdu : public QObject
{
    Q_OBJECT

private slots:
    void commandRoundTrip_data();
    void commandRoundTrip();
    void malformedCommandsAreRefused_data();
    void malformedCommandsAreRefused();
    void responseSplitsStatusWord();
    void tlvRoundTrip_data();
    void tlvRoundTrip();
    void malformedTlvIsRefused_data();
    void malformedTlvIsRefused();
};

void TestApdu::commandRoundTrip_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<int>("dataSize");
    QTest::addColumn<int>("le"); // -1: absent
    QTest::newRow("case 1") << QByteArray("00200080") << 0 << -1;
    QTest::newRow("case 2 short, Le 00 = 256") << QByteArray("00a4040000") << 0 << 256;
    QTest::newRow("case 2 short") << QByteArray("00c0000010") << 0 << 16;
    QTest::newRow("case 3 short") << QByteArray("0020008008313233343536ffff") << 8 << -1;
    QTest::newRow("case 4 short") << QByteArray("00cb3fff055c035fc10500") << 5 << 256;
    QTest::newRow("case 2 extended") << QByteArray("00cb3fff000200") << 0 << 512;
    const QByteArray big = QByteArray(300, '\x42').toHex();
    QTest::newRow("case 3 extended") << QByteArray("0087079a00012c" + big) << 300 << -1;
    QTest::newRow("case 4 extended") << QByteArray("0087079a00012c" + big + "0000") << 300 << 65536;
}

void TestApdu::commandRoundTrip()
{
    QFETCH(QByteArray, hex);
    QFETCH(int, dataSize);
    QFETCH(int, le);
    const QByteArray bytes = QByteArray::fromHex(hex);
    const std::optional<CommandApdu> c = CommandApdu::parse(bytes);
    QVERIFY(c);
    QCOMPARE(c->data.size(), dataSize);
    QCOMPARE(c->le.value_or(-1), le);
    QCOMPARE(c->encode(), bytes);
}

void TestApdu::malformedCommandsAreRefused_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("too short") << QByteArray("00a404");
    QTest::newRow("Lc beyond the data") << QByteArray("0020008008313233");
    QTest::newRow("Lc and Le leave bytes over") << QByteArray("00200080023132000000");
    QTest::newRow("extended Lc zero") << QByteArray("00cb3fff0000000102");
    QTest::newRow("extended Lc beyond the data") << QByteArray("00cb3fff0001004142");
}

void TestApdu::malformedCommandsAreRefused()
{
    QFETCH(QByteArray, hex);
    QVERIFY(!CommandApdu::parse(QByteArray::fromHex(hex)));
}

void TestApdu::responseSplitsStatusWord()
{
    const std::optional<ResponseApdu> r = ResponseApdu::parse(QByteArray::fromHex("0102036110"));
    QVERIFY(r);
    QCOMPARE(r->data, QByteArray::fromHex("010203"));
    QCOMPARE(r->status, quint16(0x6110));
    QCOMPARE(r->encode(), QByteArray::fromHex("0102036110"));
    QVERIFY(!ResponseApdu::parse(QByteArray::fromHex("90")));
}

void TestApdu::tlvRoundTrip_data()
{
    QTest::addColumn<uint>("tag");
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("headerHex");
    QTest::newRow("one-byte tag, short length") << 0x7Cu << 4 << QByteArray("7c04");
    QTest::newRow("0x81 length") << 0x70u << 200 << QByteArray("7081c8");
    QTest::newRow("0x82 length, three-byte tag") << 0x5FC105u << 1000 << QByteArray("5fc1058203e8");
    QTest::newRow("two-byte tag") << 0x5F2Fu << 2 << QByteArray("5f2f02");
    QTest::newRow("empty") << 0x82u << 0 << QByteArray("8200");
}

void TestApdu::tlvRoundTrip()
{
    QFETCH(uint, tag);
    QFETCH(int, size);
    QFETCH(QByteArray, headerHex);
    const QByteArray value(size, '\x5A');
    const QByteArray encoded = tlv::encode(tag, value);
    QCOMPARE(encoded.left(headerHex.size() / 2).toHex(), headerHex);
    const QByteArray two = encoded + tlv::encode(0x01, "x");
    const auto items = tlv::parse(two);
    QVERIFY(items);
    QCOMPARE(items->size(), 2);
    QCOMPARE(items->at(0).tag, quint32(tag));
    QCOMPARE(items->at(0).value, value);
    QCOMPARE(tlv::find(two, 0x01).value_or(QByteArray()), QByteArray("x"));
    QVERIFY(!tlv::find(two, 0x02));
}

void TestApdu::malformedTlvIsRefused_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("length past the end") << QByteArray("7c05010203");
    QTest::newRow("missing length") << QByteArray("7c");
    QTest::newRow("unfinished multi-byte tag") << QByteArray("5fc1");
    QTest::newRow("four-byte tag") << QByteArray("5fc1c1c10100");
    QTest::newRow("length of length 4") << QByteArray("708400000001aa");
    QTest::newRow("indefinite length") << QByteArray("7080aa0000");
}

void TestApdu::malformedTlvIsRefused()
{
    QFETCH(QByteArray, hex);
    QVERIFY(!tlv::parse(QByteArray::fromHex(hex)));
}

QTEST_GUILESS_MAIN(TestApdu)
#include "TestApdu.moc"
