// SealedFile: what is written opens with the same key and purpose, and nothing else does — a
// flipped bit, a cut file, another purpose, another key are each refused; every write uses a
// fresh nonce; no plaintext reaches the disk.
#include "crypto/SealedFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

namespace {

SecureBuffer key(char fill)
{
    return SecureBuffer::fromBytes(QByteArray(32, fill));
}

const QByteArray kPurpose = "reidentification-map";
const QByteArray kSecret = "{\"patient\":\"YAMADA^TARO\",\"id\":\"PID-0001\"}";

} // namespace

class TestSealedFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void tamperingRefused_data();
    void tamperingRefused();
    void wrongKeyOrPurposeRefused();
    void freshNonceEveryWrite();
    void missingFile();

private:
    QTemporaryDir m_dir;
};

void TestSealedFile::roundTrip()
{
    const QString path = m_dir.filePath(u"map.sealed"_s);
    QVERIFY(writeSealedFile(path, key('k'), kPurpose, kSecret));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray onDisk = f.readAll();
    QVERIFY(onDisk.startsWith("HAIPSF1\n"));
    QCOMPARE(onDisk.size(), 8 + 12 + kSecret.size() + 16);
    QVERIFY(!onDisk.contains("YAMADA"));
    QVERIFY(!onDisk.contains("PID-0001"));
    Result<SecureBuffer> back = readSealedFile(path, key('k'), kPurpose);
    QVERIFY2(back, back ? "" : qPrintable(back.error().detail()));
    QCOMPARE(back->toByteArray(), kSecret);
}

void TestSealedFile::tamperingRefused_data()
{
    QTest::addColumn<int>("offset"); // byte to flip; -1: cut the last byte
    QTest::newRow("magic") << 2;
    QTest::newRow("nonce") << 10;
    QTest::newRow("ciphertext") << 25;
    QTest::newRow("tag") << 8 + 12 + int(kSecret.size()) + 3;
    QTest::newRow("truncated") << -1;
}

void TestSealedFile::tamperingRefused()
{
    QFETCH(int, offset);
    const QString path = m_dir.filePath(u"tamper.sealed"_s);
    QVERIFY(writeSealedFile(path, key('k'), kPurpose, kSecret));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    if (offset < 0)
        bytes.chop(1);
    else
        bytes[offset] = char(bytes[offset] ^ 0x01);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();
    Result<SecureBuffer> back = readSealedFile(path, key('k'), kPurpose);
    QVERIFY(!back);
    QCOMPARE(back.error().code(), ErrorCode::EnvelopeCorrupt);
}

void TestSealedFile::wrongKeyOrPurposeRefused()
{
    const QString path = m_dir.filePath(u"bound.sealed"_s);
    QVERIFY(writeSealedFile(path, key('k'), kPurpose, kSecret));
    QCOMPARE(readSealedFile(path, key('x'), kPurpose).error().code(), ErrorCode::EnvelopeCorrupt);
    QCOMPARE(readSealedFile(path, key('k'), "deid-secret").error().code(), ErrorCode::EnvelopeCorrupt);
    QVERIFY(!writeSealedFile(path, SecureBuffer::fromBytes(QByteArray(16, 'k')), kPurpose, kSecret)); // AES-256 only
}

void TestSealedFile::freshNonceEveryWrite()
{
    const QString a = m_dir.filePath(u"a.sealed"_s);
    const QString b = m_dir.filePath(u"b.sealed"_s);
    QVERIFY(writeSealedFile(a, key('k'), kPurpose, kSecret));
    QVERIFY(writeSealedFile(b, key('k'), kPurpose, kSecret));
    QFile fa(a);
    QFile fb(b);
    QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
    const QByteArray x = fa.readAll();
    const QByteArray y = fb.readAll();
    QVERIFY(x.mid(8, 12) != y.mid(8, 12));
    QVERIFY(x.mid(20) != y.mid(20));
}

void TestSealedFile::missingFile()
{
    QCOMPARE(readSealedFile(m_dir.filePath(u"none"_s), key('k'), kPurpose).error().code(), ErrorCode::FileNotFound);
}

QTEST_GUILESS_MAIN(TestSealedFile)
#include "TestSealedFile.moc"
