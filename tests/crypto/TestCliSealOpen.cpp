// haip-cli keygen / seal / open / respond, the real binary: round trips through stdin and
// stdout, a 20 MB stream whose peak RSS (/usr/bin/time -f %M) stays that of an idle haip-cli,
// interoperation with the library in both directions (requests and responses), errors as JSON
// lines on stderr with exit codes 0/1/2, and partial output removed when --out was given.
#include "CryptoTestSupport.h"
#include "crypto/EnvelopeReader.h"
#include "crypto/EnvelopeWriter.h"
#include "crypto/ResponseReader.h"
#include "crypto/ResponseWriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

namespace {

QByteArray payload(qsizetype size, quint32 seed = 1)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (qsizetype i = 0; i + 4 <= size; i += 4) {
        const quint32 v = random.generate();
        std::memcpy(bytes.data() + i, &v, 4);
    }
    for (qsizetype i = size - size % 4; i < size; ++i)
        bytes[i] = char(random.bounded(256));
    return bytes;
}

QString cli()
{
    return test::programPath(u"haip-cli"_s);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The single JSON line a failing command writes on stderr.
QJsonObject errorLine(const test::ProcessResult &r)
{
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    return lines.size() == 1 ? QJsonDocument::fromJson(lines.front()).object() : QJsonObject();
}

// Peak RSS in KiB of `program arguments < input`, from /usr/bin/time -f %M (last stderr line).
qint64 peakRssKiB(const QStringList &arguments, const QString &inputFile, const QString &outputFile)
{
    QProcess process;
    process.setStandardInputFile(inputFile);
    process.setStandardOutputFile(outputFile);
    process.start(u"/usr/bin/time"_s, QStringList {u"-f"_s, u"%M"_s, cli()} + arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return -1;
    const QList<QByteArray> lines = process.readAllStandardError().trimmed().split('\n');
    bool ok = false;
    const qint64 kib = lines.last().toLongLong(&ok);
    return ok ? kib : -1;
}

} // namespace

class TestCliSealOpen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keygenPrintsKeyPair();
    void roundTrip_data();
    void roundTrip();
    void keyArgumentForms();
    void largeStreamInConstantMemory();
    void cliSealsLibraryOpens();
    void librarySealsCliOpens();
    void responsesBothWays();
    void failuresAreJsonOnStderr();
    void damagedEnvelopeLeavesNoOutputFile();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();

private:
    QTemporaryDir m_dir;
    PrivateKey m_key;
    QString m_keyJson; // path of `haip-cli keygen` output
};

void TestCliSealOpen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(cli()), "build haip-cli first");
    const test::ProcessResult r = test::run(cli(), {u"keygen"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    m_keyJson = m_dir.filePath(u"service-key.json"_s);
    QVERIFY(writeFile(m_keyJson, r.out));
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    Result<PrivateKey> key = PrivateKey::fromBase64(json[u"private_key"_s].toString());
    QVERIFY(key);
    m_key = *key;
}

void TestCliSealOpen::keygenPrintsKeyPair()
{
    const test::ProcessResult r = test::run(cli(), {u"keygen"_s});
    QVERIFY(r.finished && r.exitCode == 0);
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json[u"kem_id"_s].toInt(), 32);
    QCOMPARE(json[u"kem"_s].toString(), u"DHKEM(X25519, HKDF-SHA256)"_s);
    Result<PrivateKey> key = PrivateKey::fromBase64(json[u"private_key"_s].toString());
    QVERIFY(key);
    QCOMPARE(key->publicKey().toBase64(), json[u"public_key"_s].toString());
    QCOMPARE(json[u"public_key"_s].toString().size(), 44);
    QCOMPARE(json[u"key_id"_s].toString().toLatin1(), key->publicKey().keyId().toHex());
    // Two runs give two keys; --public-from gives the public half.
    const test::ProcessResult again = test::run(cli(), {u"keygen"_s});
    QVERIFY(QJsonDocument::fromJson(again.out).object()[u"private_key"_s] != json[u"private_key"_s]);
    const test::ProcessResult pub =
        test::run(cli(), {u"keygen"_s, u"--public-from"_s, json[u"private_key"_s].toString()});
    QVERIFY(pub.finished && pub.exitCode == 0);
    const QJsonObject pubJson = QJsonDocument::fromJson(pub.out).object();
    QCOMPARE(pubJson[u"public_key"_s], json[u"public_key"_s]);
    QVERIFY(!pubJson.contains(u"private_key"_s));
}

void TestCliSealOpen::roundTrip_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("empty") << qsizetype(0) << QStringList();
    QTest::newRow("1 byte") << qsizetype(1) << QStringList();
    QTest::newRow("one chunk") << qsizetype(65536) << QStringList();
    QTest::newRow("chunk + 1, info") << qsizetype(65537) << QStringList {u"--info"_s, u"検査 42"_s};
    QTest::newRow("chacha20, 4 KiB chunks")
        << qsizetype(300'001) << QStringList {u"--aead"_s, u"chacha20-poly1305"_s, u"--chunk-size"_s, u"4096"_s};
    QTest::newRow("aes-128-gcm, no key id")
        << qsizetype(70'000) << QStringList {u"--aead"_s, u"AES-128-GCM"_s, u"--no-key-id"_s};
}

void TestCliSealOpen::roundTrip()
{
    QFETCH(qsizetype, size);
    QFETCH(QStringList, options);
    const QByteArray plaintext = payload(size, 3);
    const test::ProcessResult sealed = test::runWithInput(
        cli(), QStringList {u"seal"_s, u"--recipient"_s, m_key.publicKey().toBase64()} + options, plaintext);
    QVERIFY2(sealed.finished && sealed.exitCode == 0, sealed.err.constData());
    QVERIFY(sealed.err.isEmpty());
    QVERIFY(sealed.out.startsWith("HAIP\x01\x01"));
    QStringList openOptions;
    if (const qsizetype at = options.indexOf(u"--info"_s); at >= 0)
        openOptions << options.mid(at, 2);
    const test::ProcessResult opened =
        test::runWithInput(cli(), QStringList {u"open"_s, u"--key"_s, m_key.toBase64()} + openOptions, sealed.out);
    QVERIFY2(opened.finished && opened.exitCode == 0, opened.err.constData());
    QVERIFY(opened.out == plaintext);
}

void TestCliSealOpen::keyArgumentForms()
{
    // @file with raw bytes, base64 text (with a newline), or keygen JSON.
    const QString raw = m_dir.filePath(u"key.raw"_s), text = m_dir.filePath(u"key.txt"_s),
                  pub = m_dir.filePath(u"pub.txt"_s);
    QVERIFY(writeFile(raw, m_key.raw().toByteArray()));
    QVERIFY(writeFile(text, m_key.toBase64().toLatin1() + "\n"));
    QVERIFY(writeFile(pub, m_key.publicKey().toBase64().toLatin1() + "\r\n"));
    const test::ProcessResult sealed = test::runWithInput(cli(), {u"seal"_s, u"--recipient"_s, u"@"_s + pub}, "forms");
    QVERIFY2(sealed.exitCode == 0, sealed.err.constData());
    const test::ProcessResult viaJson =
        test::runWithInput(cli(), {u"seal"_s, u"--recipient"_s, u"@"_s + m_keyJson}, "forms");
    QVERIFY(viaJson.exitCode == 0);
    for (const QString &form : {u"@"_s + raw, u"@"_s + text, u"@"_s + m_keyJson}) {
        for (const QByteArray &envelope : {sealed.out, viaJson.out}) {
            const test::ProcessResult opened = test::runWithInput(cli(), {u"open"_s, u"--key"_s, form}, envelope);
            QVERIFY2(opened.exitCode == 0, opened.err.constData());
            QCOMPARE(opened.out, QByteArray("forms"));
        }
    }
}

void TestCliSealOpen::largeStreamInConstantMemory()
{
    // 20 MB through seal and open: the peak RSS of each stays within a few MiB of an idle
    // `haip-cli keygen` (Qt, the DICOM dictionary), whatever the stream's size.
    const QString time = u"/usr/bin/time"_s;
    QVERIFY2(QFile::exists(time), "/usr/bin/time is missing: apt-get install time");
    const QString plain = m_dir.filePath(u"big.bin"_s), sealed = m_dir.filePath(u"big.haip"_s),
                  opened = m_dir.filePath(u"big.out"_s), devNull = u"/dev/null"_s;
    const QByteArray plaintext = payload(20'000'000, 9);
    QVERIFY(writeFile(plain, plaintext));
    const qint64 idle = peakRssKiB({u"keygen"_s}, devNull, devNull);
    const qint64 sealRss = peakRssKiB({u"seal"_s, u"--recipient"_s, m_key.publicKey().toBase64()}, plain, sealed);
    const qint64 openRss = peakRssKiB({u"open"_s, u"--key"_s, m_key.toBase64()}, sealed, opened);
    qInfo("peak RSS: keygen %lld KiB, seal 20 MB %lld KiB, open 20 MB %lld KiB", idle, sealRss, openRss);
    QVERIFY(idle > 0 && sealRss > 0 && openRss > 0);
    QVERIFY2(sealRss < idle + 8 * 1024, qPrintable(u"seal used %1 KiB over an idle run"_s.arg(sealRss - idle)));
    QVERIFY2(openRss < idle + 8 * 1024, qPrintable(u"open used %1 KiB over an idle run"_s.arg(openRss - idle)));
    QCOMPARE(QFileInfo(sealed).size(), qint64(20'000'000 + 74 + 306 * 16));
    QVERIFY(readFile(opened) == plaintext);
}

void TestCliSealOpen::cliSealsLibraryOpens()
{
    const QByteArray plaintext = payload(200'000, 4);
    const test::ProcessResult sealed = test::runWithInput(cli(),
                                                          {u"seal"_s,
                                                           u"--recipient"_s,
                                                           m_key.publicKey().toBase64(),
                                                           u"--info"_s,
                                                           u"job 1"_s,
                                                           u"--chunk-size"_s,
                                                           u"16384"_s},
                                                          plaintext);
    QVERIFY(sealed.exitCode == 0);
    EnvelopeReader reader(m_key, "job 1");
    QByteArray opened;
    QVERIFY(reader.update(sealed.out, opened));
    QVERIFY(reader.finish(opened));
    QVERIFY(opened == plaintext);
    QCOMPARE(reader.header()->chunkSize, quint32(16384));
    QCOMPARE(reader.header()->aead, AeadId::Aes256Gcm);
}

void TestCliSealOpen::librarySealsCliOpens()
{
    const QByteArray plaintext = payload(150'000, 5);
    EnvelopeOptions options;
    options.aead = AeadId::ChaCha20Poly1305;
    Result<EnvelopeWriter> writer = EnvelopeWriter::create(m_key.publicKey(), "job 2", options);
    QVERIFY(writer);
    QByteArray sealed;
    QVERIFY(writer->update(plaintext, sealed) && writer->finish(sealed));
    const test::ProcessResult opened =
        test::runWithInput(cli(), {u"open"_s, u"--key"_s, u"@"_s + m_keyJson, u"--info"_s, u"job 2"_s}, sealed);
    QVERIFY2(opened.exitCode == 0, opened.err.constData());
    QVERIFY(opened.out == plaintext);
}

void TestCliSealOpen::responsesBothWays()
{
    // CLI requester, library service: seal --response-key-out, then open --response-key.
    const QString responseKey = m_dir.filePath(u"response.key"_s);
    const test::ProcessResult request = test::runWithInput(
        cli(),
        {u"seal"_s, u"--recipient"_s, m_key.publicKey().toBase64(), u"--response-key-out"_s, responseKey},
        "request");
    QVERIFY2(request.exitCode == 0, request.err.constData());
    QCOMPARE(QFile::permissions(responseKey) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    EnvelopeReader service(m_key, {});
    QByteArray ignored;
    QVERIFY(service.update(request.out, ignored) && service.finish(ignored));
    Result<ResponseWriter> writer = ResponseWriter::create(*service.responseKey());
    QVERIFY(writer);
    const QByteArray result = payload(100'000, 6);
    QByteArray response;
    QVERIFY(writer->update(result, response) && writer->finish(response));
    const test::ProcessResult opened =
        test::runWithInput(cli(), {u"open"_s, u"--response-key"_s, u"@"_s + responseKey}, response);
    QVERIFY2(opened.exitCode == 0, opened.err.constData());
    QVERIFY(opened.out == result);

    // Library requester, CLI service: respond --request, then ResponseReader.
    Result<EnvelopeWriter> requester = EnvelopeWriter::create(m_key.publicKey(), "job 3");
    QVERIFY(requester);
    QByteArray sealed;
    QVERIFY(requester->update("what is on slice 42?", sealed) && requester->finish(sealed));
    const QString requestFile = m_dir.filePath(u"request.haip"_s);
    QVERIFY(writeFile(requestFile, sealed));
    const test::ProcessResult reply = test::runWithInput(
        cli(),
        {u"respond"_s, u"--key"_s, m_key.toBase64(), u"--info"_s, u"job 3"_s, u"--request"_s, requestFile},
        result);
    QVERIFY2(reply.exitCode == 0, reply.err.constData());
    ResponseReader reader(requester->responseKey());
    QByteArray answer;
    QVERIFY(reader.update(reply.out, answer) && reader.finish(answer));
    QVERIFY(answer == result);
    // The service's key opens the request but not the reply: a response is for the requester.
    const test::ProcessResult notForService =
        test::runWithInput(cli(), {u"open"_s, u"--key"_s, m_key.toBase64()}, reply.out);
    QCOMPARE(notForService.exitCode, 1);
    QCOMPARE(errorLine(notForService)[u"error"_s].toString(), u"envelope-unsupported"_s);
    // A reply to a request sealed with other info is refused.
    const test::ProcessResult wrongInfo =
        test::runWithInput(cli(), {u"respond"_s, u"--key"_s, m_key.toBase64(), u"--request"_s, requestFile}, result);
    QCOMPARE(wrongInfo.exitCode, 1);
    QVERIFY(wrongInfo.out.isEmpty());
    QCOMPARE(errorLine(wrongInfo)[u"error"_s].toString(), u"envelope-wrong-key"_s);
}

void TestCliSealOpen::failuresAreJsonOnStderr()
{
    const QByteArray plaintext = payload(3 * 65536 + 5, 8);
    const test::ProcessResult sealed = test::runWithInput(
        cli(), {u"seal"_s, u"--recipient"_s, m_key.publicKey().toBase64(), u"--info"_s, u"a"_s}, plaintext);
    QVERIFY(sealed.exitCode == 0);
    Result<PrivateKey> other = PrivateKey::generate();
    QVERIFY(other);
    struct Case
    {
        QStringList arguments;
        QByteArray input;
        QString error;
    };
    const QByteArray extended = sealed.out + "x";
    QByteArray flipped = sealed.out;
    flipped[100'000] = char(flipped[100'000] ^ 1);
    const QList<Case> cases {
        {{u"--key"_s, other->toBase64(), u"--info"_s, u"a"_s}, sealed.out, u"envelope-wrong-key"_s},
        {{u"--key"_s, m_key.toBase64(), u"--info"_s, u"b"_s}, sealed.out, u"envelope-wrong-key"_s},
        {{u"--key"_s, m_key.toBase64(), u"--info"_s, u"a"_s}, extended, u"envelope-corrupt"_s},
        {{u"--key"_s, m_key.toBase64(), u"--info"_s, u"a"_s}, sealed.out.left(74 + 3 * 65552), u"envelope-truncated"_s},
        {{u"--key"_s, m_key.toBase64(), u"--info"_s, u"a"_s}, flipped, u"envelope-corrupt"_s},
        {{u"--key"_s, m_key.toBase64()}, "plain text, not an envelope", u"envelope-unsupported"_s},
        {{u"--key"_s, m_key.toBase64()}, QByteArray(), u"envelope-truncated"_s},
    };
    for (const Case &c : cases) {
        const test::ProcessResult r = test::runWithInput(cli(), QStringList {u"open"_s} + c.arguments, c.input);
        QCOMPARE(r.exitCode, 1);
        const QJsonObject error = errorLine(r);
        QCOMPARE(error[u"error"_s].toString(), c.error);
        QVERIFY(!error[u"message"_s].toString().isEmpty());
        QCOMPARE(error[u"path"_s].toString(), u"stdin"_s);
    }
}

void TestCliSealOpen::damagedEnvelopeLeavesNoOutputFile()
{
    const QByteArray plaintext = payload(500'000, 10);
    const QString envelope = m_dir.filePath(u"damaged.haip"_s), out = m_dir.filePath(u"damaged.out"_s);
    // --in: an empty file seals to a header and one empty final chunk.
    const test::ProcessResult empty =
        test::run(cli(), {u"seal"_s, u"--recipient"_s, m_key.publicKey().toBase64(), u"--in"_s, u"/dev/null"_s});
    QVERIFY(empty.exitCode == 0);
    QCOMPARE(empty.out.size(), 74 + 16);
    const test::ProcessResult big = test::runWithInput(
        cli(), {u"seal"_s, u"--recipient"_s, m_key.publicKey().toBase64(), u"--out"_s, envelope}, plaintext);
    QVERIFY(big.exitCode == 0 && big.out.isEmpty());
    QByteArray bytes = readFile(envelope);
    bytes.chop(1); // the last chunk is incomplete: all earlier chunks verify and were written
    QVERIFY(writeFile(envelope, bytes));
    const test::ProcessResult r =
        test::run(cli(), {u"open"_s, u"--key"_s, m_key.toBase64(), u"--in"_s, envelope, u"--out"_s, out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(!QFile::exists(out), "a partial plaintext stayed behind");
    QCOMPARE(errorLine(r)[u"path"_s].toString(), envelope);
    QCOMPARE(errorLine(r)[u"error"_s].toString(), u"envelope-corrupt"_s);
}

void TestCliSealOpen::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("seal without recipient") << QStringList {u"seal"_s};
    QTest::newRow("seal unknown option") << QStringList {u"seal"_s, u"--recipient"_s, u"x"_s, u"--fast"_s};
    QTest::newRow("seal bad key") << QStringList {u"seal"_s, u"--recipient"_s, u"not-a-key"_s};
    QTest::newRow("seal short key") << QStringList {u"seal"_s, u"--recipient"_s, u"AAAA"_s};
    QTest::newRow("seal missing key file") << QStringList {u"seal"_s, u"--recipient"_s, u"@/nonexistent/key"_s};
    QTest::newRow("seal bad aead") << QStringList {u"seal"_s, u"--recipient"_s, u"x"_s, u"--aead"_s, u"aes-192-gcm"_s};
    QTest::newRow("seal export-only aead")
        << QStringList {u"seal"_s, u"--recipient"_s, u"x"_s, u"--aead"_s, u"export-only"_s};
    QTest::newRow("seal tiny chunks") << QStringList {u"seal"_s, u"--recipient"_s, u"x"_s, u"--chunk-size"_s, u"16"_s};
    QTest::newRow("seal stray argument") << QStringList {u"seal"_s, u"--recipient"_s, u"x"_s, u"file.bin"_s};
    QTest::newRow("open without key") << QStringList {u"open"_s};
    QTest::newRow("open with both keys") << QStringList {u"open"_s, u"--key"_s, u"x"_s, u"--response-key"_s, u"y"_s};
    QTest::newRow("open response with info")
        << QStringList {u"open"_s, u"--response-key"_s, u"y"_s, u"--info"_s, u"i"_s};
    QTest::newRow("open bad response key") << QStringList {u"open"_s, u"--response-key"_s, u"AAAA"_s};
    QTest::newRow("respond without request") << QStringList {u"respond"_s, u"--key"_s, u"x"_s};
    QTest::newRow("keygen stray argument") << QStringList {u"keygen"_s, u"now"_s};
}

void TestCliSealOpen::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    // Fill in a real public key where a key is only a placeholder, so the option at fault is
    // the one the row names.
    if (arguments.size() > 2 && arguments[2] == u"x" && arguments[0] == u"seal")
        arguments[2] = m_key.publicKey().toBase64();
    const test::ProcessResult r = test::runWithInput(cli(), arguments, "data");
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QJsonObject error = errorLine(r);
    QVERIFY2(!error.isEmpty(), r.err.constData());
    QVERIFY(!error[u"message"_s].toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestCliSealOpen)
#include "TestCliSealOpen.moc"
