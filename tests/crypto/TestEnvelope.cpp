// The chunked envelope (docs/api/envelope.md): round trips at the chunk boundaries and beyond;
// every kind of tampering — a flipped bit anywhere, swapped, dropped or appended chunks,
// truncation at every byte of the last chunk — refused with the right error; wrong key and
// wrong info refused before any chunk; responses readable by the requester only; incremental
// use in odd piece sizes; and agreement with the independent Python implementation written
// from the document (both directions, requests and responses).
#include "CryptoTestSupport.h"
#include "crypto/EnvelopeReader.h"
#include "crypto/EnvelopeWriter.h"
#include "crypto/ResponseReader.h"
#include "crypto/ResponseWriter.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

namespace {

constexpr quint32 kSmallChunk = 1024;
constexpr qsizetype kHeaderWithKeyId = 18 + 8 + 32 + 16;

QByteArray payload(qsizetype size, quint32 seed = 7)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

QByteArray seal(const PublicKey &key,
                const QByteArray &info,
                const QByteArray &plaintext,
                const EnvelopeOptions &options = {},
                ResponseKey *responseKey = nullptr)
{
    Result<EnvelopeWriter> writer = EnvelopeWriter::create(key, info, options);
    if (!writer)
        return {};
    QByteArray out;
    if (!writer->update(plaintext, out) || !writer->finish(out))
        return {};
    if (responseKey)
        *responseKey = writer->responseKey();
    return out;
}

struct Opened
{
    bool ok = false;
    ErrorCode code = ErrorCode::None;
    QString detail;
    QByteArray plaintext;
};

template <typename Reader>
Opened openWith(Reader &reader, QByteArrayView sealed, qsizetype piece = 0)
{
    Opened result;
    Result<void> ok;
    if (piece <= 0) {
        ok = reader.update(sealed, result.plaintext);
    } else {
        for (qsizetype at = 0; ok && at < sealed.size(); at += piece)
            ok = reader.update(sealed.sliced(at, std::min(piece, sealed.size() - at)), result.plaintext);
    }
    if (ok)
        ok = reader.finish(result.plaintext);
    result.ok = ok.ok();
    if (!ok) {
        result.code = ok.error().code();
        result.detail = ok.error().detail();
    }
    return result;
}

Opened open(const PrivateKey &key, const QByteArray &info, QByteArrayView sealed)
{
    EnvelopeReader reader(key, info);
    return openWith(reader, sealed);
}

QByteArray hexOf(const QByteArray &bytes)
{
    return bytes.toHex();
}

} // namespace

class TestEnvelope : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void headerLayout();
    void incrementalInOddPieces();
    void deviceStreams();
    void everyFlippedBitRefused();
    void reorderedChunksRefused();
    void droppedChunksRefused();
    void appendedDataRefused();
    void truncationAtEveryByteRefused();
    void wrongKeyRefused();
    void wrongInfoRefused();
    void unsupportedHeadersRefused_data();
    void unsupportedHeadersRefused();
    void writerOptionsChecked();
    void responseRoundTrip();
    void responseReadableByRequesterOnly();
    void responseTamperingRefused();
    void requestAndResponseNotInterchangeable();
    void pythonEnvelopeOpens();
    void envelopeOpensInPython();
    void responseOpensInPython();
    void pythonResponseOpens();
    void documentedExamplesOpen_data();
    void documentedExamplesOpen();

private:
    PrivateKey m_key;
    PrivateKey m_otherKey;
};

void TestEnvelope::initTestCase()
{
    Result<PrivateKey> key = PrivateKey::generate();
    Result<PrivateKey> other = PrivateKey::generate();
    QVERIFY(key && other);
    m_key = *key;
    m_otherKey = *other;
}

void TestEnvelope::roundTrip_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<int>("aead");
    QTest::addColumn<quint32>("chunkSize");
    const quint32 chunk = envelope::DefaultChunkSize;
    QTest::newRow("0 B") << qsizetype(0) << 2 << chunk;
    QTest::newRow("1 B") << qsizetype(1) << 2 << chunk;
    QTest::newRow("chunk - 1") << qsizetype(chunk - 1) << 2 << chunk;
    QTest::newRow("chunk") << qsizetype(chunk) << 2 << chunk;
    QTest::newRow("chunk + 1") << qsizetype(chunk + 1) << 2 << chunk;
    QTest::newRow("3 chunks") << qsizetype(3 * chunk) << 2 << chunk;
    QTest::newRow("5 MB + 17") << qsizetype(5'000'017) << 2 << chunk;
    QTest::newRow("aes-128-gcm 1 MB") << qsizetype(1'000'000) << 1 << chunk;
    QTest::newRow("chacha20-poly1305 1 MB") << qsizetype(1'000'000) << 3 << chunk;
    QTest::newRow("smallest chunks") << qsizetype(10'000) << 2 << envelope::MinChunkSize;
    QTest::newRow("16 KiB chunks, 1 MB") << qsizetype(1'048'576) << 2 << quint32(16384);
}

void TestEnvelope::roundTrip()
{
    QFETCH(qsizetype, size);
    QFETCH(int, aead);
    QFETCH(quint32, chunkSize);
    const QByteArray plaintext = payload(size);
    EnvelopeOptions options;
    options.aead = AeadId(aead);
    options.chunkSize = chunkSize;
    Result<EnvelopeWriter> writer = EnvelopeWriter::create(m_key.publicKey(), "haip job 1", options);
    QVERIFY(writer);
    QByteArray sealed;
    QVERIFY(writer->update(plaintext, sealed));
    QVERIFY(writer->finish(sealed));
    QCOMPARE(sealed.size(), writer->sealedSize(size));
    const qint64 chunks = size == 0 ? 1 : (size + chunkSize - 1) / chunkSize;
    QCOMPARE(sealed.size(), kHeaderWithKeyId + size + chunks * 16);
    QVERIFY(!writer->update("more", sealed)); // finished

    EnvelopeReader reader(m_key, "haip job 1");
    const Opened opened = openWith(reader, sealed);
    QVERIFY2(opened.ok, qPrintable(opened.detail));
    QVERIFY(opened.plaintext == plaintext);
    QVERIFY(reader.header());
    QCOMPARE(reader.header()->aead, AeadId(aead));
    QCOMPARE(reader.header()->chunkSize, chunkSize);
    QCOMPARE(reader.header()->keyId, m_key.publicKey().keyId());
}

void TestEnvelope::headerLayout()
{
    // Byte-for-byte the layout docs/api/envelope.md specifies.
    EnvelopeOptions options;
    options.aead = AeadId::ChaCha20Poly1305;
    options.chunkSize = 0x12345;
    Result<EnvelopeWriter> writer = EnvelopeWriter::create(m_key.publicKey(), {}, options);
    QVERIFY(writer);
    const QByteArray header = writer->header();
    QCOMPARE(header.size(), kHeaderWithKeyId);
    QCOMPARE(header.left(18).toHex(),
             QByteArray("48414950"
                        "01"
                        "01"
                        "0020"
                        "0001"
                        "0003"
                        "00"
                        "01"
                        "00012345"));
    QCOMPARE(header.mid(18, 8), m_key.publicKey().keyId());
    QCOMPARE(header.mid(26, 32), writer->responseKey().enc());
    options.includeKeyId = false;
    Result<EnvelopeWriter> anonymous = EnvelopeWriter::create(m_key.publicKey(), {}, options);
    QVERIFY(anonymous);
    QCOMPARE(anonymous->header().size(), kHeaderWithKeyId - 8);
    QCOMPARE(quint8(anonymous->header()[13]), quint8(0));
    // A header without key id opens too (the key confirmation still binds the key).
    QByteArray sealed;
    QVERIFY(anonymous->update("x", sealed) && anonymous->finish(sealed));
    const Opened opened = open(m_key, {}, sealed);
    QVERIFY(opened.ok);
    QCOMPARE(opened.plaintext, QByteArray("x"));
}

void TestEnvelope::incrementalInOddPieces()
{
    const QByteArray plaintext = payload(3 * 65536 + 4321, 11);
    Result<EnvelopeWriter> writer = EnvelopeWriter::create(m_key.publicKey(), "odd");
    QVERIFY(writer);
    QByteArray sealed;
    QRandomGenerator random(3);
    const QList<qsizetype> fixed {1, 7, 65535, 65536, 65537, 2, 4093};
    qsizetype at = 0;
    for (int i = 0; at < plaintext.size(); ++i) {
        const qsizetype piece = i < fixed.size() ? fixed[i] : random.bounded(1, 9000);
        const qsizetype n = std::min(piece, plaintext.size() - at);
        QVERIFY(writer->update(plaintext.sliced(at, n), sealed));
        at += n;
    }
    QVERIFY(writer->update({}, sealed)); // empty pieces are harmless
    QVERIFY(writer->finish(sealed));
    QCOMPARE(sealed.size(), writer->sealedSize(plaintext.size()));
    for (qsizetype piece : {qsizetype(1), qsizetype(13), qsizetype(1000), qsizetype(65552), qsizetype(65553)}) {
        EnvelopeReader reader(m_key, "odd");
        const Opened opened = openWith(reader, sealed, piece);
        QVERIFY2(opened.ok, qPrintable(u"piece %1: %2"_s.arg(piece).arg(opened.detail)));
        QVERIFY(opened.plaintext == plaintext);
    }
}

void TestEnvelope::deviceStreams()
{
    QByteArray plaintext = payload(1'234'567, 5);
    QBuffer in(&plaintext);
    QByteArray sealedBytes;
    QBuffer sealedOut(&sealedBytes);
    QVERIFY(in.open(QIODevice::ReadOnly) && sealedOut.open(QIODevice::WriteOnly));
    Result<EnvelopeWriter> writer = EnvelopeWriter::create(m_key.publicKey(), "dev");
    QVERIFY(writer);
    Result<StreamTotals> sealedTotals = writer->sealStream(in, sealedOut);
    QVERIFY(sealedTotals);
    QCOMPARE(sealedTotals->bytesIn, plaintext.size());
    QCOMPARE(sealedTotals->bytesOut, sealedBytes.size());
    QCOMPARE(sealedBytes.size(), writer->sealedSize(plaintext.size()));

    QBuffer sealedIn(&sealedBytes);
    QByteArray openedBytes;
    QBuffer openedOut(&openedBytes);
    QVERIFY(sealedIn.open(QIODevice::ReadOnly) && openedOut.open(QIODevice::WriteOnly));
    EnvelopeReader reader(m_key, "dev");
    Result<StreamTotals> openedTotals = reader.openStream(sealedIn, openedOut);
    QVERIFY(openedTotals);
    QCOMPARE(openedTotals->bytesOut, plaintext.size());
    QVERIFY(openedBytes == plaintext);

    // A damaged stream fails the device helper the same way.
    sealedBytes[sealedBytes.size() / 2] = char(sealedBytes[sealedBytes.size() / 2] ^ 0x40);
    QBuffer damagedIn(&sealedBytes);
    QByteArray sink;
    QBuffer sinkOut(&sink);
    QVERIFY(damagedIn.open(QIODevice::ReadOnly) && sinkOut.open(QIODevice::WriteOnly));
    EnvelopeReader damagedReader(m_key, "dev");
    const Result<StreamTotals> damaged = damagedReader.openStream(damagedIn, sinkOut);
    QVERIFY(!damaged);
    QCOMPARE(damaged.error().code(), ErrorCode::EnvelopeCorrupt);
}

void TestEnvelope::everyFlippedBitRefused()
{
    // 3.5 chunks: header (prefix, key id, enc, confirmation), three full chunks, a short final
    // one. One bit flipped in every byte in turn (the bit varies with the position).
    EnvelopeOptions options;
    options.chunkSize = kSmallChunk;
    const QByteArray plaintext = payload(3 * kSmallChunk + 500);
    const QByteArray sealed = seal(m_key.publicKey(), "flip", plaintext, options);
    QCOMPARE(sealed.size(), kHeaderWithKeyId + 3 * (kSmallChunk + 16) + 516);
    QHash<ErrorCode, int> codes;
    for (qsizetype i = 0; i < sealed.size(); ++i) {
        QByteArray bad = sealed;
        bad[i] = char(bad[i] ^ (1 << (i % 8)));
        const Opened opened = open(m_key, "flip", bad);
        QVERIFY2(!opened.ok, qPrintable(u"flip at byte %1 went unnoticed"_s.arg(i)));
        ++codes[opened.code];
        if (i < 6) // magic, type, version
            QCOMPARE(opened.code, ErrorCode::EnvelopeUnsupported);
        else if (i >= kHeaderWithKeyId)
            QCOMPARE(opened.code, ErrorCode::EnvelopeCorrupt);
        else
            QVERIFY2(opened.code == ErrorCode::EnvelopeWrongKey || opened.code == ErrorCode::EnvelopeUnsupported ||
                         opened.code == ErrorCode::EnvelopeCorrupt,
                     qPrintable(errorCodeName(opened.code)));
        // Nothing after the damaged chunk is ever handed out.
        if (i >= kHeaderWithKeyId) {
            const qsizetype chunk = (i - kHeaderWithKeyId) / (kSmallChunk + 16);
            QVERIFY(opened.plaintext.size() <= chunk * qsizetype(kSmallChunk));
            QVERIFY(opened.plaintext == plaintext.left(opened.plaintext.size()));
        }
    }
    QVERIFY(codes.value(ErrorCode::EnvelopeWrongKey) > 0); // key id, enc, confirmation
}

void TestEnvelope::reorderedChunksRefused()
{
    EnvelopeOptions options;
    options.chunkSize = kSmallChunk;
    const QByteArray sealed = seal(m_key.publicKey(), {}, payload(4 * kSmallChunk), options);
    const qsizetype wire = kSmallChunk + 16;
    const auto chunk = [&](int i) {
        return sealed.mid(kHeaderWithKeyId + i * wire, wire);
    };
    const QByteArray header = sealed.left(kHeaderWithKeyId);
    // 0 1 2 3 (3 is final): swap 1 and 2; swap 2 and the final 3; move the final one first.
    for (const QList<int> &order : QList<QList<int>> {{0, 2, 1, 3}, {0, 1, 3, 2}, {3, 0, 1, 2}, {1, 0, 2, 3}}) {
        QByteArray bad = header;
        for (int i : order)
            bad += chunk(i);
        const Opened opened = open(m_key, {}, bad);
        QVERIFY(!opened.ok);
        QCOMPARE(opened.code, ErrorCode::EnvelopeCorrupt);
    }
    // The same chunk twice.
    const Opened doubled = open(m_key, {}, header + chunk(0) + chunk(0) + chunk(1) + chunk(2) + chunk(3));
    QCOMPARE(doubled.code, ErrorCode::EnvelopeCorrupt);
}

void TestEnvelope::droppedChunksRefused()
{
    EnvelopeOptions options;
    options.chunkSize = kSmallChunk;
    const QByteArray plaintext = payload(3 * kSmallChunk + 10);
    const QByteArray sealed = seal(m_key.publicKey(), {}, plaintext, options);
    const qsizetype wire = kSmallChunk + 16;
    // Dropping the final chunk leaves a stream of complete, authentic chunks: only the missing
    // final flag tells, and it must.
    const Opened noFinal = open(m_key, {}, sealed.left(kHeaderWithKeyId + 3 * wire));
    QVERIFY(!noFinal.ok);
    QCOMPARE(noFinal.code, ErrorCode::EnvelopeTruncated);
    QVERIFY(noFinal.plaintext == plaintext.left(2 * kSmallChunk)); // chunk 2 is held back, never released
    // Dropping a middle chunk.
    const Opened noMiddle =
        open(m_key, {}, sealed.left(kHeaderWithKeyId + wire) + sealed.mid(kHeaderWithKeyId + 2 * wire));
    QCOMPARE(noMiddle.code, ErrorCode::EnvelopeCorrupt);
    // Dropping the first chunk.
    const Opened noFirst = open(m_key, {}, sealed.left(kHeaderWithKeyId) + sealed.mid(kHeaderWithKeyId + wire));
    QCOMPARE(noFirst.code, ErrorCode::EnvelopeCorrupt);
    // Only the header.
    const Opened headerOnly = open(m_key, {}, sealed.left(kHeaderWithKeyId));
    QCOMPARE(headerOnly.code, ErrorCode::EnvelopeTruncated);
    // Nothing at all, and a stream cut inside the header.
    QCOMPARE(open(m_key, {}, {}).code, ErrorCode::EnvelopeTruncated);
    for (qsizetype cut : {qsizetype(3), qsizetype(18), qsizetype(40), kHeaderWithKeyId - 1})
        QCOMPARE(open(m_key, {}, sealed.left(cut)).code, ErrorCode::EnvelopeTruncated);
}

void TestEnvelope::appendedDataRefused()
{
    EnvelopeOptions options;
    options.chunkSize = kSmallChunk;
    const qsizetype wire = kSmallChunk + 16;
    // A short final chunk and a full-size one (which looks like any non-final chunk).
    for (qsizetype size : {qsizetype(2 * kSmallChunk + 100), qsizetype(2 * kSmallChunk)}) {
        const QByteArray sealed = seal(m_key.publicKey(), {}, payload(size), options);
        const QByteArray other = seal(m_key.publicKey(), {}, payload(size, 99), options);
        const QByteArray finalChunk = sealed.mid(sealed.size() - (size % kSmallChunk ? 100 + 16 : wire));
        const QList<QByteArray> tails {
            QByteArray(1, '\0'),
            finalChunk, // the final chunk again
            other.mid(kHeaderWithKeyId, wire), // a chunk of another envelope
            sealed.mid(kHeaderWithKeyId, wire), // a copy of this envelope's first chunk
            QByteArray(int(wire), 'x'),
        };
        for (const QByteArray &tail : tails) {
            const Opened opened = open(m_key, {}, sealed + tail);
            QVERIFY2(!opened.ok, qPrintable(u"%1 bytes appended to a %2-byte payload"_s.arg(tail.size()).arg(size)));
            QCOMPARE(opened.code, ErrorCode::EnvelopeCorrupt);
        }
    }
    // Update after finish is refused too.
    EnvelopeReader reader(m_key, {});
    const QByteArray sealed = seal(m_key.publicKey(), {}, "abc", options);
    QByteArray out;
    QVERIFY(reader.update(sealed, out) && reader.finish(out));
    QVERIFY(!reader.update("x", out));
}

void TestEnvelope::truncationAtEveryByteRefused()
{
    EnvelopeOptions options;
    options.chunkSize = kSmallChunk;
    const QByteArray plaintext = payload(2 * kSmallChunk + 300);
    const QByteArray sealed = seal(m_key.publicKey(), {}, plaintext, options);
    const qsizetype lastStart = kHeaderWithKeyId + 2 * (kSmallChunk + 16);
    for (qsizetype cut = lastStart; cut < sealed.size(); ++cut) {
        const Opened opened = open(m_key, {}, sealed.left(cut));
        QVERIFY2(!opened.ok, qPrintable(u"cut at %1 of %2 went unnoticed"_s.arg(cut).arg(sealed.size())));
        QVERIFY(opened.code == ErrorCode::EnvelopeTruncated || opened.code == ErrorCode::EnvelopeCorrupt);
        QVERIFY(opened.plaintext.size() <= 2 * qsizetype(kSmallChunk));
    }
    // And at every byte of the one chunk of a short envelope.
    const QByteArray small = seal(m_key.publicKey(), {}, "short payload", options);
    for (qsizetype cut = kHeaderWithKeyId; cut < small.size(); ++cut)
        QVERIFY(!open(m_key, {}, small.left(cut)).ok);
}

void TestEnvelope::wrongKeyRefused()
{
    const QByteArray sealed = seal(m_key.publicKey(), "info", "secret");
    const Opened byKeyId = open(m_otherKey, "info", sealed);
    QCOMPARE(byKeyId.code, ErrorCode::EnvelopeWrongKey);
    QVERIFY(byKeyId.detail.contains(u"key id"_s));
    QVERIFY(byKeyId.plaintext.isEmpty());
    EnvelopeOptions anonymous;
    anonymous.includeKeyId = false;
    const Opened byConfirmation = open(m_otherKey, "info", seal(m_key.publicKey(), "info", "secret", anonymous));
    QCOMPARE(byConfirmation.code, ErrorCode::EnvelopeWrongKey);
    QVERIFY(byConfirmation.detail.contains(u"confirmation"_s));
}

void TestEnvelope::wrongInfoRefused()
{
    const QByteArray sealed = seal(m_key.publicKey(), "job 17 for service A", "secret");
    const Opened opened = open(m_key, "job 17 for service B", sealed);
    QCOMPARE(opened.code, ErrorCode::EnvelopeWrongKey);
    QVERIFY(opened.detail.contains(u"info"_s));
    QCOMPARE(open(m_key, {}, sealed).code, ErrorCode::EnvelopeWrongKey);
    QVERIFY(open(m_key, "job 17 for service A", sealed).ok);
}

void TestEnvelope::unsupportedHeadersRefused_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected");
    const int unsupported = int(ErrorCode::EnvelopeUnsupported);
    QTest::newRow("other magic") << 0 << QByteArray("PIAH") << unsupported;
    QTest::newRow("response type") << 4 << QByteArray("\x02", 1) << unsupported;
    QTest::newRow("version 2") << 5 << QByteArray("\x02", 1) << unsupported;
    QTest::newRow("P-256 KEM") << 6 << QByteArray("\x00\x10", 2) << unsupported;
    QTest::newRow("HKDF-SHA512") << 8 << QByteArray("\x00\x03", 2) << unsupported;
    QTest::newRow("export-only AEAD") << 10 << QByteArray("\xff\xff", 2) << unsupported;
    QTest::newRow("auth mode") << 12 << QByteArray("\x02", 1) << unsupported;
    QTest::newRow("unknown flag") << 13 << QByteArray("\x03", 1) << unsupported;
    QTest::newRow("chunk size 512") << 14 << QByteArray("\x00\x00\x02\x00", 4) << unsupported;
    QTest::newRow("chunk size 32 MiB") << 14 << QByteArray("\x02\x00\x00\x00", 4) << unsupported;
    // A legal but different chunk size or AEAD: the header is bound into the key schedule.
    QTest::newRow("other chunk size") << 14 << QByteArray("\x00\x00\x08\x00", 4) << int(ErrorCode::EnvelopeWrongKey);
    QTest::newRow("other AEAD") << 10 << QByteArray("\x00\x01", 2) << int(ErrorCode::EnvelopeWrongKey);
}

void TestEnvelope::unsupportedHeadersRefused()
{
    QFETCH(int, offset);
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    QByteArray sealed = seal(m_key.publicKey(), {}, "payload");
    sealed.replace(offset, bytes.size(), bytes);
    const Opened opened = open(m_key, {}, sealed);
    QVERIFY(!opened.ok);
    QCOMPARE(int(opened.code), expected);
    QVERIFY(!opened.detail.isEmpty());
}

void TestEnvelope::writerOptionsChecked()
{
    EnvelopeOptions options;
    options.chunkSize = 100;
    QCOMPARE(EnvelopeWriter::create(m_key.publicKey(), {}, options).error().code(), ErrorCode::InvalidArgument);
    options.chunkSize = envelope::MaxChunkSize + 1;
    QVERIFY(!EnvelopeWriter::create(m_key.publicKey(), {}, options));
    options = {};
    options.aead = AeadId::ExportOnly;
    QCOMPARE(EnvelopeWriter::create(m_key.publicKey(), {}, options).error().code(), ErrorCode::EnvelopeUnsupported);
    QCOMPARE(EnvelopeWriter::create(PublicKey(), {}).error().code(), ErrorCode::KeyInvalid);
    // A reader with a smaller chunk limit refuses larger chunks.
    EnvelopeReaderOptions readerOptions;
    readerOptions.maxChunkSize = 4096;
    EnvelopeReader reader(m_key, {}, readerOptions);
    QCOMPARE(openWith(reader, seal(m_key.publicKey(), {}, "x")).code, ErrorCode::EnvelopeUnsupported);
}

void TestEnvelope::responseRoundTrip()
{
    ResponseKey requesterKey;
    const QByteArray request = seal(m_key.publicKey(), "job 5", "request body", {}, &requesterKey);
    QVERIFY(!requesterKey.isNull());
    EnvelopeReader service(m_key, "job 5");
    QVERIFY(open(m_key, "job 5", request).ok);
    QByteArray ignored;
    QVERIFY(!service.responseKey()); // before the header
    QVERIFY(service.update(request, ignored) && service.finish(ignored));
    Result<ResponseKey> serviceKey = service.responseKey();
    QVERIFY(serviceKey);
    QCOMPARE(serviceKey->enc(), requesterKey.enc());
    QVERIFY(serviceKey->secret() == requesterKey.secret());

    for (qsizetype size : {qsizetype(0), qsizetype(1), qsizetype(200'000)}) {
        const QByteArray result = payload(size, 42);
        Result<ResponseWriter> writer = ResponseWriter::create(*serviceKey, 16384);
        QVERIFY(writer);
        QByteArray response;
        QVERIFY(writer->update(result, response) && writer->finish(response));
        QCOMPARE(response.left(6), QByteArray("HAIP\x02\x01", 6));
        // The requester keeps its key across a restart: serialised and read back.
        Result<ResponseKey> restored = ResponseKey::deserialize(requesterKey.serialize().view());
        QVERIFY(restored);
        ResponseReader reader(*restored);
        const Opened opened = openWith(reader, response, 777);
        QVERIFY2(opened.ok, qPrintable(opened.detail));
        QVERIFY(opened.plaintext == result);
    }
    // Two responses to one request use fresh nonces: different bytes, both readable.
    Result<ResponseWriter> a = ResponseWriter::create(*serviceKey);
    Result<ResponseWriter> b = ResponseWriter::create(*serviceKey);
    QVERIFY(a && b);
    QByteArray ra, rb;
    QVERIFY(a->update("same", ra) && a->finish(ra) && b->update("same", rb) && b->finish(rb));
    QVERIFY(ra != rb);
    QVERIFY(!ResponseKey::deserialize(QByteArray(70, 'x')));
    QVERIFY(!ResponseKey::deserialize(requesterKey.serialize().view().first(69)));
}

void TestEnvelope::responseReadableByRequesterOnly()
{
    ResponseKey requesterKey;
    const QByteArray request = seal(m_key.publicKey(), "job", "req", {}, &requesterKey);
    ResponseKey otherRequest;
    seal(m_key.publicKey(), "job", "req", {}, &otherRequest); // same service, same info, another request
    EnvelopeReader service(m_key, "job");
    QByteArray ignored;
    QVERIFY(service.update(request, ignored) && service.finish(ignored));
    Result<ResponseWriter> writer = ResponseWriter::create(*service.responseKey());
    QVERIFY(writer);
    QByteArray response;
    QVERIFY(writer->update("the result", response) && writer->finish(response));

    ResponseReader stranger(otherRequest);
    const Opened byStranger = openWith(stranger, response);
    QVERIFY(!byStranger.ok);
    QCOMPARE(byStranger.code, ErrorCode::EnvelopeCorrupt);
    QVERIFY(byStranger.plaintext.isEmpty());
    // Someone who saw the request (its enc) but not the secret cannot forge the key either.
    ResponseKey guessed(requesterKey.aead(), requesterKey.enc(), SecureBuffer(32));
    ResponseReader guesser(guessed);
    QVERIFY(!openWith(guesser, response).ok);
    ResponseReader requester(requesterKey);
    QCOMPARE(openWith(requester, response).plaintext, QByteArray("the result"));
}

void TestEnvelope::responseTamperingRefused()
{
    ResponseKey requesterKey;
    const QByteArray request = seal(m_key.publicKey(), {}, "req", {}, &requesterKey);
    EnvelopeReader service(m_key, {});
    QByteArray ignored;
    QVERIFY(service.update(request, ignored) && service.finish(ignored));
    Result<ResponseWriter> writer = ResponseWriter::create(*service.responseKey(), kSmallChunk);
    QVERIFY(writer);
    QByteArray response;
    QVERIFY(writer->update(payload(2 * kSmallChunk + 5), response) && writer->finish(response));
    for (qsizetype i = 0; i < response.size(); ++i) {
        QByteArray bad = response;
        bad[i] = char(bad[i] ^ (0x80 >> (i % 8)));
        ResponseReader reader(requesterKey);
        QVERIFY2(!openWith(reader, bad).ok, qPrintable(u"response flip at %1"_s.arg(i)));
    }
    const qsizetype header = 12 + 32;
    ResponseReader truncated(requesterKey);
    QCOMPARE(openWith(truncated, response.left(header + 2 * (kSmallChunk + 16))).code, ErrorCode::EnvelopeTruncated);
    ResponseReader extended(requesterKey);
    QCOMPARE(openWith(extended, response + "!").code, ErrorCode::EnvelopeCorrupt);
}

void TestEnvelope::requestAndResponseNotInterchangeable()
{
    ResponseKey requesterKey;
    const QByteArray request = seal(m_key.publicKey(), {}, "req", {}, &requesterKey);
    ResponseReader asResponse(requesterKey);
    const Opened a = openWith(asResponse, request);
    QCOMPARE(a.code, ErrorCode::EnvelopeUnsupported);
    QVERIFY(a.detail.contains(u"request envelope"_s));
    Result<ResponseWriter> writer = ResponseWriter::create(requesterKey);
    QVERIFY(writer);
    QByteArray response;
    QVERIFY(writer->update("r", response) && writer->finish(response));
    const Opened b = open(m_key, {}, response);
    QCOMPARE(b.code, ErrorCode::EnvelopeUnsupported);
    QVERIFY(b.detail.contains(u"response envelope"_s));
}

void TestEnvelope::pythonEnvelopeOpens()
{
    // The reference builds the envelope from docs/api/envelope.md alone; we open it.
    for (int aead : {1, 2, 3}) {
        const QByteArray plaintext = payload(2 * kSmallChunk + 77, quint32(aead));
        const QJsonObject input {{u"recipient_public"_s, QString::fromLatin1(m_key.publicKey().raw().toHex())},
                                 {u"info"_s, QString::fromLatin1("python info"_ba.toHex())},
                                 {u"aead_id"_s, aead},
                                 {u"chunk_size"_s, int(kSmallChunk)},
                                 {u"ikmE"_s, QString::fromLatin1(payload(32, 1000 + aead).toHex())},
                                 {u"key_id"_s, QString::fromLatin1(m_key.publicKey().keyId().toHex())},
                                 {u"plaintext"_s, QString::fromLatin1(plaintext.toHex())}};
        const test::ProcessResult r = test::runPythonReference({u"seal-envelope"_s}, QJsonDocument(input).toJson());
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        const Opened opened = open(m_key, "python info", QByteArray::fromHex(r.out));
        QVERIFY2(opened.ok, qPrintable(opened.detail));
        QVERIFY(opened.plaintext == plaintext);
    }
}

void TestEnvelope::envelopeOpensInPython()
{
    for (int aead : {1, 2, 3}) {
        EnvelopeOptions options;
        options.aead = AeadId(aead);
        options.chunkSize = kSmallChunk;
        options.includeKeyId = aead != 3;
        const QByteArray plaintext = payload(3 * kSmallChunk, quint32(aead));
        const QByteArray sealed = seal(m_key.publicKey(), "to python", plaintext, options);
        const QJsonObject input {{u"recipient_private"_s, QString::fromLatin1(m_key.raw().toByteArray().toHex())},
                                 {u"info"_s, QString::fromLatin1("to python"_ba.toHex())},
                                 {u"envelope"_s, QString::fromLatin1(sealed.toHex())}};
        const test::ProcessResult r = test::runPythonReference({u"open-envelope"_s}, QJsonDocument(input).toJson());
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, hexOf(plaintext));
    }
}

void TestEnvelope::responseOpensInPython()
{
    // Python seals the request with a known ephemeral key, so it can recompute the context
    // as the requester and open our response.
    const QByteArray ikmE = payload(32, 555);
    const QJsonObject request {{u"recipient_public"_s, QString::fromLatin1(m_key.publicKey().raw().toHex())},
                               {u"info"_s, QString::fromLatin1("job 9"_ba.toHex())},
                               {u"aead_id"_s, 2},
                               {u"chunk_size"_s, int(kSmallChunk)},
                               {u"ikmE"_s, QString::fromLatin1(ikmE.toHex())},
                               {u"plaintext"_s, QString::fromLatin1("the request"_ba.toHex())}};
    const test::ProcessResult sealed = test::runPythonReference({u"seal-envelope"_s}, QJsonDocument(request).toJson());
    QVERIFY2(sealed.finished && sealed.exitCode == 0, sealed.err.constData());
    EnvelopeReader service(m_key, "job 9");
    const Opened opened = openWith(service, QByteArray::fromHex(sealed.out));
    QVERIFY(opened.ok);
    Result<ResponseWriter> writer = ResponseWriter::create(*service.responseKey(), 2048);
    QVERIFY(writer);
    const QByteArray result = payload(5000, 77);
    QByteArray response;
    QVERIFY(writer->update(result, response) && writer->finish(response));
    QJsonObject input = request;
    input.insert(u"response"_s, QString::fromLatin1(response.toHex()));
    const test::ProcessResult r = test::runPythonReference({u"open-response"_s}, QJsonDocument(input).toJson());
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, hexOf(result));
}

void TestEnvelope::pythonResponseOpens()
{
    ResponseKey requesterKey;
    const QByteArray request = seal(m_key.publicKey(), "job 3", "req", {}, &requesterKey);
    const QByteArray result = payload(3000, 8);
    const QJsonObject input {{u"recipient_private"_s, QString::fromLatin1(m_key.raw().toByteArray().toHex())},
                             {u"info"_s, QString::fromLatin1("job 3"_ba.toHex())},
                             {u"envelope"_s, QString::fromLatin1(request.toHex())},
                             {u"response_nonce"_s, QString::fromLatin1(payload(32, 4).toHex())},
                             {u"chunk_size"_s, 1024},
                             {u"plaintext"_s, QString::fromLatin1(result.toHex())}};
    const test::ProcessResult r = test::runPythonReference({u"seal-response"_s}, QJsonDocument(input).toJson());
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    ResponseReader reader(requesterKey);
    const Opened opened = openWith(reader, QByteArray::fromHex(r.out));
    QVERIFY2(opened.ok, qPrintable(opened.detail));
    QVERIFY(opened.plaintext == result);
}

void TestEnvelope::documentedExamplesOpen_data()
{
    // docs/api/envelope-examples.json: the worked examples of docs/api/envelope.md, built by the
    // Python reference from the document.
    QTest::addColumn<QJsonObject>("example");
    QFile file(QStringLiteral(HAIP_SOURCE_DIR "/docs/api/envelope-examples.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray examples = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(examples.size(), 3);
    for (const QJsonValue &e : examples)
        QTest::newRow(qPrintable(e[u"name"_s].toString())) << e.toObject();
}

void TestEnvelope::documentedExamplesOpen()
{
    QFETCH(QJsonObject, example);
    const auto hex = [&](const QString &name) {
        return QByteArray::fromHex(example[name].toString().toLatin1());
    };
    Result<PrivateKey> key = PrivateKey::derive(hex(u"recipient_ikm"_s));
    QVERIFY(key);
    QCOMPARE(key->raw().toByteArray(), hex(u"recipient_private"_s));
    QCOMPARE(key->publicKey().raw(), hex(u"recipient_public"_s));
    QCOMPARE(key->publicKey().toBase64(), example[u"recipient_public_base64"_s].toString());
    QCOMPARE(key->publicKey().keyId(), hex(u"key_id"_s));

    EnvelopeReader reader(*key, example[u"info"_s].toString().toUtf8());
    const Opened opened = openWith(reader, hex(u"envelope"_s), 100);
    QVERIFY2(opened.ok, qPrintable(opened.detail));
    QCOMPARE(opened.plaintext, hex(u"plaintext"_s));
    QCOMPARE(int(reader.header()->aead), example[u"aead_id"_s].toInt());
    QCOMPARE(reader.header()->chunkSize, quint32(example[u"chunk_size"_s].toInt()));
    QCOMPARE(reader.header()->keyId, example[u"include_key_id"_s].toBool() ? hex(u"key_id"_s) : QByteArray());
    Result<ResponseKey> responseKey = reader.responseKey();
    QVERIFY(responseKey);
    QCOMPARE(responseKey->enc(), hex(u"enc"_s));
    QCOMPARE(responseKey->secret().toByteArray(), hex(u"response_secret"_s));

    const QJsonObject response = example[u"response"_s].toObject();
    ResponseReader responseReader(*responseKey);
    const Opened reply =
        openWith(responseReader, QByteArray::fromHex(response[u"envelope"_s].toString().toLatin1()), 33);
    QVERIFY2(reply.ok, qPrintable(reply.detail));
    QCOMPARE(reply.plaintext, QByteArray::fromHex(response[u"plaintext"_s].toString().toLatin1()));
}

QTEST_GUILESS_MAIN(TestEnvelope)
#include "TestEnvelope.moc"
