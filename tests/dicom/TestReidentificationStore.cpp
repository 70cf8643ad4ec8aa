// ReidentificationStore: mappings survive reopening; two holders of the store (the workstation and
// haip-cli) both keep what they added; the file holds no original value in the clear; a tampered
// map or another key is an error and the file is left as it was — never replaced by a new, empty
// map that would lose every earlier mapping.
#include "dicom/ReidentificationStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::dicom;
using namespace Qt::StringLiterals;

namespace {

crypto::SecureBuffer key(char fill)
{
    return crypto::SecureBuffer::fromBytes(QByteArray(32, fill));
}

DeidReidentification mapping(const QString &patient, const QString &pseudonym, const QString &study)
{
    DeidReidentification m;
    m.originalPatientId = patient;
    m.pseudonym = pseudonym;
    m.dateOffsetDays = -123;
    m.uids.insert(study, u"2.25.1"_s + study.right(6));
    m.uids.insert(study + u".1"_s, u"2.25.2"_s + study.right(6));
    return m;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestReidentificationStore : public QObject
{
    Q_OBJECT

private slots:
    void recordsSurviveReopening();
    void twoHoldersKeepBoth();
    void tamperedMapIsAnErrorAndKept();
    void wrongKeyRefused();

private:
    QTemporaryDir m_dir;
};

void TestReidentificationStore::recordsSurviveReopening()
{
    const QString path = m_dir.filePath(u"a/reid.sealed"_s);
    Result<ReidentificationStore> store = ReidentificationStore::open(path, key('k'));
    QVERIFY(store);
    QCOMPARE(store->uidCount(), 0);
    QVERIFY(store->record(mapping(u"PID-YAMADA-0001"_s, u"HAIP-AAAA"_s, u"1.2.392.200036.9116.2.6.1.48"_s)));
    Result<ReidentificationStore> again = ReidentificationStore::open(path, key('k'));
    QVERIFY(again);
    QCOMPARE(again->uidCount(), 2);
    QCOMPARE(again->originalUid(u"2.25.16.1.48"_s).value_or(QString()), u"1.2.392.200036.9116.2.6.1.48"_s);
    QCOMPARE(again->originalPatientId(u"HAIP-AAAA"_s).value_or(QString()), u"PID-YAMADA-0001"_s);
    QCOMPARE(again->dateOffsetDays(u"HAIP-AAAA"_s).value_or(0), -123);
    QVERIFY(!again->originalUid(u"2.25.999"_s));
    const QByteArray bytes = fileBytes(path);
    QVERIFY(!bytes.contains("PID-YAMADA-0001"));
    QVERIFY(!bytes.contains("1.2.392.200036.9116.2.6.1.48"));
}

void TestReidentificationStore::twoHoldersKeepBoth()
{
    const QString path = m_dir.filePath(u"b/reid.sealed"_s);
    Result<ReidentificationStore> workstation = ReidentificationStore::open(path, key('k'));
    Result<ReidentificationStore> cli = ReidentificationStore::open(path, key('k'));
    QVERIFY(workstation && cli);
    QVERIFY(workstation->record(mapping(u"P1"_s, u"HAIP-P1"_s, u"1.2.3.111111"_s)));
    QVERIFY(cli->record(mapping(u"P2"_s, u"HAIP-P2"_s, u"1.2.3.222222"_s)));
    QVERIFY(workstation->record(mapping(u"P3"_s, u"HAIP-P3"_s, u"1.2.3.333333"_s)));
    Result<ReidentificationStore> reread = ReidentificationStore::open(path, key('k'));
    QVERIFY(reread);
    QCOMPARE(reread->uidCount(), 6);
    for (const char *p : {"P1", "P2", "P3"})
        QCOMPARE(reread->originalPatientId(u"HAIP-"_s + QLatin1String(p)).value_or(QString()), QLatin1String(p));
}

void TestReidentificationStore::tamperedMapIsAnErrorAndKept()
{
    const QString path = m_dir.filePath(u"c/reid.sealed"_s);
    Result<ReidentificationStore> store = ReidentificationStore::open(path, key('k'));
    QVERIFY(store && store->record(mapping(u"P1"_s, u"HAIP-P1"_s, u"1.2.3.444444"_s)));
    QByteArray bytes = fileBytes(path);
    bytes[40] = char(bytes[40] ^ 0x20);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size());
    f.close();
    const QByteArray tampered = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    QCOMPARE(ReidentificationStore::open(path, key('k')).error().code(), ErrorCode::EnvelopeCorrupt);
    // The holder that opened it before the damage cannot write over it either.
    const Result<void> recorded = store->record(mapping(u"P2"_s, u"HAIP-P2"_s, u"1.2.3.555555"_s));
    QVERIFY(!recorded);
    QCOMPARE(recorded.error().code(), ErrorCode::EnvelopeCorrupt);
    QCOMPARE(QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256), tampered);
}

void TestReidentificationStore::wrongKeyRefused()
{
    const QString path = m_dir.filePath(u"d/reid.sealed"_s);
    Result<ReidentificationStore> store = ReidentificationStore::open(path, key('k'));
    QVERIFY(store && store->record(mapping(u"P1"_s, u"HAIP-P1"_s, u"1.2.3.666666"_s)));
    QCOMPARE(ReidentificationStore::open(path, key('x')).error().code(), ErrorCode::EnvelopeCorrupt);
    QCOMPARE(ReidentificationStore::open(path, crypto::SecureBuffer::fromBytes("short")).error().code(),
             ErrorCode::KeyInvalid);
}

QTEST_GUILESS_MAIN(TestReidentificationStore)
#include "TestReidentificationStore.moc"
