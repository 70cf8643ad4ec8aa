// crypto::Totp against RFC 6238 Appendix B (SHA-1/256/512, 8 digits), RFC 4226 Appendix D
// (HOTP), the ±1 step window, replay refusal, and Base32 (RFC 4648 section 10).
#include "TestSupport.h"
#include "crypto/Totp.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(haip::crypto::TotpAlgorithm)

namespace {
// RFC 6238 Appendix B seeds: the ASCII digits repeated to the hash's length.
QByteArray seedFor(TotpAlgorithm algorithm)
{
    const QByteArray digits("1234567890");
    const int length = algorithm == TotpAlgorithm::Sha1 ? 20 : algorithm == TotpAlgorithm::Sha256 ? 32 : 64;
    return digits.repeated(7).left(length);
}
} // namespace

class TestTotp : public QObject
{
    Q_OBJECT

private slots:
    void rfc6238Vectors_data();
    void rfc6238Vectors();
    void rfc4226Hotp_data();
    void rfc4226Hotp();
    void sixDigitsAreTheLowDigits();
    void acceptsPlusMinusOneStep();
    void refusesTwoStepsAway();
    void refusesReplayOfAcceptedStep();
    void refusesMalformedCodes_data();
    void refusesMalformedCodes();
    void base32Vectors_data();
    void base32Vectors();
    void base32RefusesForeignCharacters();
    void otpauthUriCarriesTheSecret();
    void agreesWithOathtool_data();
    void agreesWithOathtool();
};

void TestTotp::rfc6238Vectors_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<TotpAlgorithm>("algorithm");
    QTest::addColumn<QString>("code");
    struct Row
    {
        qint64 time;
        const char *sha1;
        const char *sha256;
        const char *sha512;
    };
    // RFC 6238 Appendix B, table of test values.
    const Row rows[] = {
        {59, "94287082", "46119246", "90693936"},
        {1111111109, "07081804", "68084774", "25091201"},
        {1111111111, "14050471", "67062674", "99943326"},
        {1234567890, "89005924", "91819424", "93441116"},
        {2000000000, "69279037", "90698825", "38618901"},
        {20000000000, "65353130", "77737706", "47863826"},
    };
    for (const Row &r : rows) {
        QTest::addRow("%lld SHA1", r.time) << r.time << TotpAlgorithm::Sha1 << QString::fromLatin1(r.sha1);
        QTest::addRow("%lld SHA256", r.time) << r.time << TotpAlgorithm::Sha256 << QString::fromLatin1(r.sha256);
        QTest::addRow("%lld SHA512", r.time) << r.time << TotpAlgorithm::Sha512 << QString::fromLatin1(r.sha512);
    }
}

void TestTotp::rfc6238Vectors()
{
    QFETCH(qint64, time);
    QFETCH(TotpAlgorithm, algorithm);
    QFETCH(QString, code);
    TotpParameters p;
    p.algorithm = algorithm;
    p.digits = 8;
    const Totp totp(seedFor(algorithm), p, [time] { return time; });
    QCOMPARE(totp.codeAt(time), code);
    QCOMPARE(totp.now(), code);
    QVERIFY(totp.verify(code).has_value());
}

void TestTotp::rfc4226Hotp_data()
{
    QTest::addColumn<quint64>("counter");
    QTest::addColumn<QString>("code");
    // RFC 4226 Appendix D: secret "12345678901234567890", HOTP values for counters 0…9.
    const char *codes[] = {
        "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
    for (quint64 i = 0; i < 10; ++i)
        QTest::addRow("counter %llu", i) << i << QString::fromLatin1(codes[i]);
}

void TestTotp::rfc4226Hotp()
{
    QFETCH(quint64, counter);
    QFETCH(QString, code);
    QCOMPARE(Totp::hotp(QByteArray("12345678901234567890"), counter, TotpAlgorithm::Sha1, 6), code);
}

void TestTotp::sixDigitsAreTheLowDigits()
{
    const Totp totp(seedFor(TotpAlgorithm::Sha1), {}, [] { return qint64(59); });
    QCOMPARE(totp.now(), u"287082"_s); // 94287082 mod 10^6
    QCOMPARE(totp.stepAt(59), 1);
    QCOMPARE(totp.stepAt(60), 2);
}

void TestTotp::acceptsPlusMinusOneStep()
{
    const QByteArray secret = seedFor(TotpAlgorithm::Sha1);
    const qint64 now = 1234567890; // step 41152263
    const Totp totp(secret, {}, [now] { return now; });
    const qint64 step = totp.currentStep();
    for (int delta : {-1, 0, 1}) {
        const QString code = Totp::hotp(secret, quint64(step + delta), TotpAlgorithm::Sha1, 6);
        const std::optional<qint64> matched = totp.verify(code);
        QVERIFY2(matched.has_value(), qPrintable(QString::number(delta)));
        QCOMPARE(*matched, step + delta);
    }
}

void TestTotp::refusesTwoStepsAway()
{
    const QByteArray secret = seedFor(TotpAlgorithm::Sha1);
    const qint64 now = 1234567890;
    const Totp totp(secret, {}, [now] { return now; });
    const qint64 step = totp.currentStep();
    for (int delta : {-3, -2, 2, 3}) {
        const QString code = Totp::hotp(secret, quint64(step + delta), TotpAlgorithm::Sha1, 6);
        // Skip the (1 in 10^6) case where another step in the window shares the code.
        bool collides = false;
        for (int d : {-1, 0, 1})
            collides |= Totp::hotp(secret, quint64(step + d), TotpAlgorithm::Sha1, 6) == code;
        if (!collides)
            QVERIFY2(!totp.verify(code).has_value(), qPrintable(QString::number(delta)));
    }
}

void TestTotp::refusesReplayOfAcceptedStep()
{
    const QByteArray secret = seedFor(TotpAlgorithm::Sha1);
    qint64 now = 1111111111;
    const Totp totp(secret, {}, [&now] { return now; });
    const QString code = totp.now();
    const std::optional<qint64> first = totp.verify(code, -1);
    QVERIFY(first.has_value());
    // The same code, with the accepted step remembered: refused — now, and 20 s later.
    QVERIFY(!totp.verify(code, *first).has_value());
    now += 20;
    QVERIFY(!totp.verify(code, *first).has_value());
    // The previous step's code is older than the accepted one: refused too.
    QVERIFY(!totp.verify(Totp::hotp(secret, quint64(*first - 1), TotpAlgorithm::Sha1, 6), *first).has_value());
    // The next step's code is new: accepted.
    const QString next = Totp::hotp(secret, quint64(*first + 1), TotpAlgorithm::Sha1, 6);
    QCOMPARE(totp.verify(next, *first).value_or(-1), *first + 1);
}

void TestTotp::refusesMalformedCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString();
    QTest::newRow("five digits") << u"28708"_s;
    QTest::newRow("seven digits") << u"2870820"_s;
    QTest::newRow("letters") << u"28708a"_s;
}

void TestTotp::refusesMalformedCodes()
{
    QFETCH(QString, code);
    const Totp totp(seedFor(TotpAlgorithm::Sha1), {}, [] { return qint64(59); });
    QVERIFY(!totp.verify(code).has_value());
}

void TestTotp::base32Vectors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    // RFC 4648 section 10 (without padding).
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("f") << QByteArray("f") << u"MY"_s;
    QTest::newRow("fo") << QByteArray("fo") << u"MZXQ"_s;
    QTest::newRow("foo") << QByteArray("foo") << u"MZXW6"_s;
    QTest::newRow("foob") << QByteArray("foob") << u"MZXW6YQ"_s;
    QTest::newRow("fooba") << QByteArray("fooba") << u"MZXW6YTB"_s;
    QTest::newRow("foobar") << QByteArray("foobar") << u"MZXW6YTBOI"_s;
}

void TestTotp::base32Vectors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(Totp::base32Encode(bytes), text);
    QCOMPARE(Totp::base32Decode(text).value(), bytes);
    QCOMPARE(Totp::base32Decode(text.toLower() + u"===="_s).value(), bytes);
}

void TestTotp::base32RefusesForeignCharacters()
{
    QVERIFY(!Totp::base32Decode(u"MZXW1"_s)); // '1' is not in the alphabet
    QVERIFY(!Totp::base32Decode(u"MZ-XW"_s));
}

void TestTotp::otpauthUriCarriesTheSecret()
{
    const QByteArray secret = seedFor(TotpAlgorithm::Sha1);
    const QUrl uri(Totp(secret).otpauthUri(u"HAIP Demo"_s, u"yamada"_s));
    QCOMPARE(uri.scheme(), u"otpauth"_s);
    QCOMPARE(uri.host(), u"totp"_s);
    QCOMPARE(uri.path(), u"/HAIP Demo:yamada"_s);
    const QUrlQuery q(uri);
    QCOMPARE(Totp::base32Decode(q.queryItemValue(u"secret"_s)).value(), secret);
    QCOMPARE(q.queryItemValue(u"digits"_s), u"6"_s);
    QCOMPARE(q.queryItemValue(u"period"_s), u"30"_s);
    QCOMPARE(q.queryItemValue(u"algorithm"_s), u"SHA1"_s);
}

void TestTotp::agreesWithOathtool_data()
{
    QTest::addColumn<TotpAlgorithm>("algorithm");
    QTest::addColumn<QString>("oathName");
    QTest::addColumn<int>("digits");
    QTest::addColumn<int>("period");
    QTest::newRow("sha1-6-30") << TotpAlgorithm::Sha1 << u"sha1"_s << 6 << 30;
    QTest::newRow("sha256-8-30") << TotpAlgorithm::Sha256 << u"sha256"_s << 8 << 30;
    QTest::newRow("sha512-7-60") << TotpAlgorithm::Sha512 << u"sha512"_s << 7 << 60;
}

// OATH Toolkit's oathtool, an independent implementation, on random secrets and times.
void TestTotp::agreesWithOathtool()
{
    QFETCH(TotpAlgorithm, algorithm);
    QFETCH(QString, oathName);
    QFETCH(int, digits);
    QFETCH(int, period);
    const QString oathtool = haip::test::findTool(u"oathtool"_s);
    QVERIFY2(!oathtool.isEmpty(), "oathtool is missing: install the Debian package oathtool");
    QRandomGenerator random(20261127);
    for (int round = 0; round < 8; ++round) {
        QByteArray secret(20 + int(random.bounded(44)), Qt::Uninitialized);
        for (char &c : secret)
            c = char(random.bounded(256));
        const qint64 when = qint64(random.bounded(4000000000u));
        TotpParameters parameters;
        parameters.algorithm = algorithm;
        parameters.digits = digits;
        parameters.periodSeconds = period;
        const Totp totp(secret, parameters);
        QProcess tool;
        tool.start(oathtool,
                   {u"--totp="_s + oathName,
                    u"--digits=%1"_s.arg(digits),
                    u"--time-step-size=%1s"_s.arg(period),
                    u"--now=@%1"_s.arg(when),
                    QString::fromLatin1(secret.toHex())});
        QVERIFY(tool.waitForFinished(10000));
        QCOMPARE(tool.exitCode(), 0);
        QCOMPARE(totp.codeAt(when), QString::fromLatin1(tool.readAllStandardOutput().trimmed()));
    }
}

QTEST_GUILESS_MAIN(TestTotp)
#include "TestTotp.moc"
