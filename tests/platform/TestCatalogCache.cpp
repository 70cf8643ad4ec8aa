// CatalogCache: the signed catalog kept on disk for offline reading is verified again on every
// load — round trip, then tampered bytes, an expired catalog, another pin, a re-signed catalog,
// a broken file and the atomic write.
#include "CatalogTestKit.h"
#include "crypto/SpkiPin.h"
#include "platform/CatalogCache.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::platform;

class TestCatalogCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    crypto::SigningKey m_key;
    crypto::SpkiPin m_pin;
    QDateTime m_now = QDateTime::currentDateTimeUtc();

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QJsonObject answer(const QDateTime &issued, const QDateTime &expires) const
    {
        return test::signCatalog(test::referenceCatalogPayload(issued, expires), m_key);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<crypto::SigningKey> key = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Es256);
        QVERIFY(key.ok());
        m_key = *key;
        m_pin = crypto::SpkiPin::of(m_key.verifyingKey());
    }

    void roundTrip()
    {
        CatalogCache cache(path("sub/dir/catalog.json"));
        const QDateTime fetched = m_now.addSecs(-60);
        Result<Catalog> stored = cache.store(answer(m_now.addSecs(-120), m_now.addDays(1)), m_pin, fetched);
        QVERIFY2(stored.ok(), qPrintable(stored ? QString() : stored.error().detail()));
        QCOMPARE(stored->services().size(), 3);

        Result<CachedCatalog> loaded = cache.load(m_pin, m_now);
        QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().detail()));
        QCOMPARE(loaded->fetchedAt, fetched);
        QCOMPARE(loaded->catalog.services().size(), 3);
        const CatalogService *s = loaded->catalog.find(QStringLiteral("chest-ct-nodule"));
        QVERIFY(s);
        QVERIFY(s->name.ja.contains(QStringLiteral("胸部CT")));
        QVERIFY(s->detailHtml.en.contains(QStringLiteral("<h1>")));
        QCOMPARE(loaded->catalog.issuedAt(), stored->issuedAt());
    }

    void answerKeptByteForByte()
    {
        // The JWS is kept exactly as received: the cache file holds the same compact string.
        CatalogCache cache(path("exact.json"));
        const QJsonObject a = answer(m_now, m_now.addDays(1));
        QVERIFY(cache.store(a, m_pin).ok());
        QFile f(cache.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject file = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(file.value(QLatin1String("answer")).toObject().value(QLatin1String("jws")).toString(),
                 a.value(QLatin1String("jws")).toString());
    }

    void missingCache()
    {
        CatalogCache cache(path("none.json"));
        Result<CachedCatalog> loaded = cache.load(m_pin, m_now);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::FileNotFound);
    }

    void tamperedPayloadRefused_data()
    {
        QTest::addColumn<QByteArray>("from");
        // Edits that keep the file valid JSON: a changed signature character, a changed payload
        // character (inside the base64url of the service list).
        QTest::newRow("signature byte") << QByteArray("SIG");
        QTest::newRow("payload byte") << QByteArray("PAYLOAD");
    }

    void tamperedPayloadRefused()
    {
        QFETCH(QByteArray, from);
        CatalogCache cache(path("tampered.json"));
        QJsonObject a = answer(m_now, m_now.addDays(1));
        QVERIFY(cache.store(a, m_pin).ok());

        QString jws = a.value(QLatin1String("jws")).toString();
        const QStringList parts = jws.split(QLatin1Char('.'));
        QCOMPARE(parts.size(), 3);
        // One character in the middle of the chosen part, changed to another base64url letter.
        const qsizetype at = from == "SIG" ? parts[0].size() + parts[1].size() + 2 + parts[2].size() / 2
                                           : parts[0].size() + 1 + parts[1].size() / 2;
        jws[at] = jws[at] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');

        QFile f(cache.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        bytes.replace(a.value(QLatin1String("jws")).toString().toLatin1(), jws.toLatin1());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(bytes), bytes.size());
        f.close();

        Result<CachedCatalog> loaded = cache.load(m_pin, m_now);
        QVERIFY(!loaded.ok());
        // A changed payload character may break the JSON inside or the signature; both refuse.
        QVERIFY2(loaded.error().code() == ErrorCode::SignatureInvalid ||
                     loaded.error().code() == ErrorCode::BadServerResponse,
                 qPrintable(loaded.error().codeName()));
        QCOMPARE(loaded.error().subject(), cache.filePath());
    }

    void resignedByAnotherKeyRefused()
    {
        // Someone with write access replaces the cache with a catalog signed by their own key:
        // valid signature, but not the pinned key.
        Result<crypto::SigningKey> other = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Es256);
        QVERIFY(other.ok());
        const crypto::SpkiPin otherPin = crypto::SpkiPin::of(other->verifyingKey());
        CatalogCache cache(path("resigned.json"));
        const QJsonObject forged = test::signCatalog(test::referenceCatalogPayload(m_now, m_now.addDays(1)), *other);
        QVERIFY(cache.store(forged, otherPin).ok());
        Result<CachedCatalog> loaded = cache.load(m_pin, m_now);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::KeyPinMismatch);
    }

    void wrongPinRefused()
    {
        CatalogCache cache(path("pin.json"));
        QVERIFY(cache.store(answer(m_now, m_now.addDays(1)), m_pin).ok());
        Result<crypto::SpkiPin> wrong = crypto::SpkiPin::parse(QString(64, QLatin1Char('a')));
        QVERIFY(wrong.ok());
        Result<CachedCatalog> loaded = cache.load(*wrong, m_now);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::KeyPinMismatch);
        // And the right pin still opens it: the refusal was the pin, not the file.
        QVERIFY(cache.load(m_pin, m_now).ok());
    }

    void expiredRefused()
    {
        CatalogCache cache(path("expired.json"));
        QVERIFY(cache.store(answer(m_now, m_now.addSecs(3600)), m_pin, m_now).ok());
        QVERIFY(cache.load(m_pin, m_now.addSecs(3599)).ok());
        Result<CachedCatalog> loaded = cache.load(m_pin, m_now.addSecs(3601));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::BadServerResponse);
        QVERIFY2(loaded.error().detail().contains(QStringLiteral("expired")), qPrintable(loaded.error().detail()));
    }

    void unverifiedAnswerNotStored()
    {
        CatalogCache cache(path("never.json"));
        QVERIFY(cache.store(answer(m_now, m_now.addDays(1)), m_pin).ok());
        QFile f(cache.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        // An expired answer (and any answer that fails verification) leaves the old cache as is.
        Result<Catalog> refused = cache.store(answer(m_now.addDays(-3), m_now.addDays(-2)), m_pin, m_now);
        QVERIFY(!refused.ok());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void brokenFileRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not JSON") << QByteArray("\x00\x01garbage", 9);
        QTest::newRow("truncated") << QByteArray("{\"format\":\"haip-catalog-cache/1\",\"answer\":{\"jws\":\"ey");
        QTest::newRow("other format") << QByteArray(
            "{\"format\":\"x\",\"fetchedAt\":\"2026-01-01T00:00:00Z\",\"answer\":{}}");
        QTest::newRow("answer missing") << QByteArray(
            "{\"format\":\"haip-catalog-cache/1\",\"fetchedAt\":\"2026-01-01T00:00:00Z\"}");
        QTest::newRow("deep nesting") << QByteArray(100000, '[');
    }

    void brokenFileRefused()
    {
        QFETCH(QByteArray, content);
        const QString p = path("broken.json");
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), content.size());
        f.close();
        Result<CachedCatalog> loaded = CatalogCache(p).load(m_pin, m_now);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::BadServerResponse);
    }

    void removeForgets()
    {
        CatalogCache cache(path("remove.json"));
        QVERIFY(cache.store(answer(m_now, m_now.addDays(1)), m_pin).ok());
        QVERIFY(cache.remove().ok());
        QVERIFY(!QFile::exists(cache.filePath()));
        QVERIFY(cache.remove().ok());
    }
};

QTEST_GUILESS_MAIN(TestCatalogCache)
#include "TestCatalogCache.moc"
