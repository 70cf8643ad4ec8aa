// OsKeyStore with no Secret Service reachable (ctest points DBUS_SESSION_BUS_ADDRESS at nothing):
// every call fails with a clear error; no key is made up and nothing is written to a file.
#include "crypto/OsKeyStore.h"

#include <QDir>
#include <QStandardPaths>
#include <QtTest>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

class TestOsKeyStoreUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void everyCallFails();
};

void TestOsKeyStoreUnavailable::everyCallFails()
{
    QVERIFY(qgetenv("DBUS_SESSION_BUS_ADDRESS").contains("nonexistent"));
    QStandardPaths::setTestModeEnabled(true);
    const QDir data(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QStringList before = data.exists() ? data.entryList(QDir::AllEntries | QDir::NoDotAndDotDot) : QStringList();
    Result<SecureBuffer> key = OsKeyStore::loadOrCreate(u"deid-secret"_s, 32);
    QVERIFY(!key);
    QCOMPARE(key.error().code(), ErrorCode::KeyInvalid);
    QVERIFY2(key.error().detail().contains(u"Secret Service"_s), qPrintable(key.error().detail()));
    QVERIFY(!OsKeyStore::exists(u"deid-secret"_s));
    QVERIFY(!OsKeyStore::remove(u"deid-secret"_s));
    const QStringList after = data.exists() ? data.entryList(QDir::AllEntries | QDir::NoDotAndDotDot) : QStringList();
    QCOMPARE(after, before);
}

QTEST_GUILESS_MAIN(TestOsKeyStoreUnavailable)
#include "TestOsKeyStoreUnavailable.moc"
