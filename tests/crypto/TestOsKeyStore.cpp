// OsKeyStore on Linux against a real Secret Service (GNOME Keyring on a private D-Bus session,
// tests/support/with-secret-service.sh): a key is created once and returned unchanged; it really
// lives in the keyring (read back with libsecret-tools' secret-tool, an independent client);
// removing it loses it. (Without a Secret Service: TestOsKeyStoreUnavailable.)
#include "TestSupport.h"
#include "crypto/OsKeyStore.h"

#include <QtTest>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

class TestOsKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createdOnceThenSame();
    void storedInTheKeyring();
    void removedKeyIsGone();
    void badArgumentsRefused();
};

void TestOsKeyStore::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run under tests/support/with-secret-service.sh (dbus-run-session + gnome-keyring)");
}

void TestOsKeyStore::createdOnceThenSame()
{
    const Result<bool> before = OsKeyStore::exists(u"deid-secret"_s);
    QVERIFY2(before, before ? "" : qPrintable(before.error().detail()));
    QCOMPARE(*before, false);
    Result<SecureBuffer> first = OsKeyStore::loadOrCreate(u"deid-secret"_s, 32);
    QVERIFY2(first, first ? "" : qPrintable(first.error().detail()));
    QCOMPARE(first->size(), 32);
    QCOMPARE(*OsKeyStore::exists(u"deid-secret"_s), true);
    Result<SecureBuffer> again = OsKeyStore::loadOrCreate(u"deid-secret"_s, 32);
    QVERIFY(again);
    QVERIFY(*again == *first);
    Result<SecureBuffer> other = OsKeyStore::loadOrCreate(u"reid-map-key"_s, 32);
    QVERIFY(other);
    QVERIFY(!(*other == *first));
    // Asking for another length of an existing key is an error, not a new key.
    QCOMPARE(OsKeyStore::loadOrCreate(u"deid-secret"_s, 16).error().code(), ErrorCode::KeyInvalid);
}

void TestOsKeyStore::storedInTheKeyring()
{
    Result<SecureBuffer> key = OsKeyStore::loadOrCreate(u"checked-by-secret-tool"_s, 32);
    QVERIFY(key);
    const QString tool = test::findTool(u"secret-tool"_s);
    QVERIFY2(!tool.isEmpty(), "secret-tool is missing: install the Debian package libsecret-tools");
    const test::ProcessResult r = test::run(tool, {u"lookup"_s, u"name"_s, u"checked-by-secret-tool"_s}, 20000);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QByteArray::fromBase64(r.out.trimmed()), key->toByteArray());
}

void TestOsKeyStore::removedKeyIsGone()
{
    Result<SecureBuffer> key = OsKeyStore::loadOrCreate(u"to-remove"_s, 32);
    QVERIFY(key);
    QVERIFY(OsKeyStore::remove(u"to-remove"_s));
    QCOMPARE(*OsKeyStore::exists(u"to-remove"_s), false);
    Result<SecureBuffer> fresh = OsKeyStore::loadOrCreate(u"to-remove"_s, 32);
    QVERIFY(fresh);
    QVERIFY(!(*fresh == *key));
}

void TestOsKeyStore::badArgumentsRefused()
{
    QCOMPARE(OsKeyStore::loadOrCreate(QString(), 32).error().code(), ErrorCode::InvalidArgument);
    QCOMPARE(OsKeyStore::loadOrCreate(u"short"_s, 8).error().code(), ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestOsKeyStore)
#include "TestOsKeyStore.moc"
