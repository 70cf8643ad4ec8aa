// HPKE (RFC 9180) on OpenSSL 3.0 primitives: every X25519 vector of RFC 9180 Appendix A
// (A.1 AES-128-GCM, A.2 ChaCha20-Poly1305, A.7 export-only; modes base, psk, auth, authpsk) —
// key derivation, the key schedule's intermediate values, the encryptions at sequence numbers
// 0, 1, 2, 4, 255, 256 and the exported values — plus AES-256-GCM, which the RFC has no X25519
// vector for, against the independent Python reference (python3-cryptography), and the
// refusals: tampering, sequence overflow, inconsistent PSK inputs, small-order keys.
#include "CryptoTestSupport.h"
#include "crypto/Hpke.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <limits>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

namespace {

QByteArray hex(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

QJsonArray loadRfcVectors()
{
    QFile file(test::cryptoDataFile(u"rfc9180-x25519.json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

} // namespace

class TestHpke : public QObject
{
    Q_OBJECT

private slots:
    void rfcVectors_data();
    void rfcVectors();
    void referenceImplementationReproducesRfcVectors();
    void matchesReferenceImplementation_data();
    void matchesReferenceImplementation();
    void tamperedMessagesRefused();
    void failedOpenKeepsSequence();
    void sequenceOverflowRefused();
    void exportOnlyContextCannotSeal();
    void setupInputsChecked_data();
    void setupInputsChecked();
    void smallOrderEncRefused();
    void wrongRecipientCannotOpen();
};

void TestHpke::rfcVectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    const QJsonArray vectors = loadRfcVectors();
    QVERIFY2(vectors.size() == 12,
             "tests/crypto/data/rfc9180-x25519.json: expected A.1.1-A.1.4, A.2.1-A.2.4, A.7.1-A.7.4");
    for (const QJsonValue &v : vectors)
        QTest::newRow(qPrintable(v[u"section"_s].toString())) << v.toObject();
}

void TestHpke::rfcVectors()
{
    QFETCH(QJsonObject, vector);
    const auto mode = HpkeMode(vector[u"mode"_s].toInt());
    const auto aead = AeadId(vector[u"aead_id"_s].toInt());
    QCOMPARE(vector[u"kem_id"_s].toInt(), 0x20);
    QCOMPARE(vector[u"kdf_id"_s].toInt(), 1);
    const QByteArray info = hex(vector[u"info"_s]);

    // DeriveKeyPair (RFC 9180 7.1.3) for every role.
    Result<PrivateKey> ephemeral = PrivateKey::derive(hex(vector[u"ikmE"_s]));
    Result<PrivateKey> recipient = PrivateKey::derive(hex(vector[u"ikmR"_s]));
    QVERIFY(ephemeral && recipient);
    QCOMPARE(ephemeral->raw().toByteArray(), hex(vector[u"skEm"_s]));
    QCOMPARE(ephemeral->publicKey().raw(), hex(vector[u"pkEm"_s]));
    QCOMPARE(recipient->raw().toByteArray(), hex(vector[u"skRm"_s]));
    QCOMPARE(recipient->publicKey().raw(), hex(vector[u"pkRm"_s]));
    std::optional<PrivateKey> sender;
    if (vector.contains(u"ikmS"_s)) {
        Result<PrivateKey> s = PrivateKey::derive(hex(vector[u"ikmS"_s]));
        QVERIFY(s);
        QCOMPARE(s->raw().toByteArray(), hex(vector[u"skSm"_s]));
        QCOMPARE(s->publicKey().raw(), hex(vector[u"pkSm"_s]));
        sender = *s;
    }
    // Serialised private keys load to the same key pair.
    Result<PrivateKey> fromRaw = PrivateKey::fromRaw(hex(vector[u"skRm"_s]));
    QVERIFY(fromRaw);
    QCOMPARE(fromRaw->publicKey().raw(), hex(vector[u"pkRm"_s]));

    const QByteArray psk = hex(vector[u"psk"_s]);
    const QByteArray pskId = hex(vector[u"psk_id"_s]);
    HpkeKeySchedule senderTrace;
    HpkeSetupOptions senderOptions;
    senderOptions.psk = psk;
    senderOptions.pskId = pskId;
    senderOptions.senderKey = sender ? &*sender : nullptr;
    senderOptions.ephemeralKey = &*ephemeral;
    senderOptions.trace = &senderTrace;
    const Hpke hpke(aead);
    Result<Hpke::Sender> setup = hpke.setupSender(mode, recipient->publicKey(), info, senderOptions);
    QVERIFY2(setup, qPrintable(setup ? QString() : setup.error().detail()));
    QCOMPARE(setup->enc, hex(vector[u"enc"_s]));
    QCOMPARE(senderTrace.sharedSecret.toByteArray(), hex(vector[u"shared_secret"_s]));
    QCOMPARE(senderTrace.keyScheduleContext, hex(vector[u"key_schedule_context"_s]));
    QCOMPARE(senderTrace.secret.toByteArray(), hex(vector[u"secret"_s]));
    QCOMPARE(senderTrace.key.toByteArray(), hex(vector[u"key"_s]));
    QCOMPARE(senderTrace.baseNonce.toByteArray(), hex(vector[u"base_nonce"_s]));
    QCOMPARE(senderTrace.exporterSecret.toByteArray(), hex(vector[u"exporter_secret"_s]));

    HpkeKeySchedule recipientTrace;
    HpkeSetupOptions recipientOptions;
    recipientOptions.psk = psk;
    recipientOptions.pskId = pskId;
    recipientOptions.senderPublicKey = sender ? &sender->publicKey() : nullptr;
    recipientOptions.trace = &recipientTrace;
    Result<HpkeContext> opener = hpke.setupRecipient(mode, setup->enc, *recipient, info, recipientOptions);
    QVERIFY(opener);
    QCOMPARE(recipientTrace.sharedSecret.toByteArray(), hex(vector[u"shared_secret"_s]));
    QCOMPARE(recipientTrace.exporterSecret.toByteArray(), hex(vector[u"exporter_secret"_s]));

    // Encryptions: the sender seals every sequence number in order (so 255 and 256 are reached
    // the way a real stream reaches them); the recipient opens the listed ones at their number.
    const QJsonArray encryptions = vector[u"encryptions"_s].toArray();
    QCOMPARE(encryptions.size(), aead == AeadId::ExportOnly ? 0 : 6);
    quint64 nextSequence = 0;
    for (const QJsonValue &e : encryptions) {
        const auto seq = quint64(e[u"seq"_s].toInt());
        const QByteArray pt = hex(e[u"pt"_s]);
        const QByteArray aad = hex(e[u"aad"_s]);
        while (nextSequence < seq) {
            QVERIFY(setup->context.seal({}, {}));
            ++nextSequence;
        }
        QCOMPARE(setup->context.sequence(), seq);
        Result<QByteArray> ct = setup->context.seal(aad, pt);
        QVERIFY(ct);
        QCOMPARE(ct->toHex(), e[u"ct"_s].toString().toLatin1());
        ++nextSequence;

        opener->setSequenceForTesting(seq);
        Result<QByteArray> opened = opener->open(aad, hex(e[u"ct"_s]));
        QVERIFY(opened);
        QCOMPARE(*opened, pt);
        QCOMPARE(opener->sequence(), seq + 1);
    }

    // Exported values, from both sides.
    for (const QJsonValue &x : vector[u"exports"_s].toArray()) {
        const QByteArray context = hex(x[u"exporter_context"_s]);
        const int length = x[u"L"_s].toInt();
        Result<SecureBuffer> fromSender = setup->context.exportSecret(context, length);
        Result<SecureBuffer> fromRecipient = opener->exportSecret(context, length);
        QVERIFY(fromSender && fromRecipient);
        QCOMPARE(fromSender->toByteArray().toHex(), x[u"exported_value"_s].toString().toLatin1());
        QCOMPARE(fromRecipient->toByteArray().toHex(), x[u"exported_value"_s].toString().toLatin1());
    }
}

void TestHpke::referenceImplementationReproducesRfcVectors()
{
    // The cross-check below is only worth something if the reference itself is right.
    const test::ProcessResult r =
        test::runPythonReference({u"check"_s, test::cryptoDataFile(u"rfc9180-x25519.json"_s)});
    QVERIFY2(r.finished && r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.contains("12 vectors verified"));
}

void TestHpke::matchesReferenceImplementation_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("aead");
    // AES-256-GCM is the envelope's default and has no X25519 vector in the RFC.
    QTest::newRow("aes-256-gcm base") << 0 << 2;
    QTest::newRow("aes-256-gcm psk") << 1 << 2;
    QTest::newRow("aes-256-gcm auth") << 2 << 2;
    QTest::newRow("aes-256-gcm authpsk") << 3 << 2;
    QTest::newRow("aes-128-gcm base, long messages") << 0 << 1;
    QTest::newRow("chacha20-poly1305 auth, long messages") << 2 << 3;
}

void TestHpke::matchesReferenceImplementation()
{
    QFETCH(int, mode);
    QFETCH(int, aead);
    // Random inputs every run: messages of 0 B to 70 KB, odd associated data, five exports.
    const QByteArray ikmE = randomBytes(32), ikmR = randomBytes(32), ikmS = randomBytes(32);
    const QByteArray info = randomBytes(QRandomGenerator::global()->bounded(1, 200));
    const QByteArray psk = randomBytes(32), pskId = randomBytes(7);
    const QList<int> sizes {0, 1, 15, 16, 17, 1000, 70001};
    QJsonArray plaintexts, aads, exports;
    QList<QByteArray> pts, aadList, contexts;
    for (int size : sizes) {
        pts.append(randomBytes(size));
        aadList.append(randomBytes(size % 40));
        plaintexts.append(QString::fromLatin1(pts.last().toHex()));
        aads.append(QString::fromLatin1(aadList.last().toHex()));
    }
    for (int i = 0; i < 5; ++i) {
        contexts.append(randomBytes(i * 9));
        exports.append(QString::fromLatin1(contexts.last().toHex()));
    }
    const QJsonObject input {{u"mode"_s, mode},
                             {u"aead_id"_s, aead},
                             {u"info"_s, QString::fromLatin1(info.toHex())},
                             {u"ikmE"_s, QString::fromLatin1(ikmE.toHex())},
                             {u"ikmR"_s, QString::fromLatin1(ikmR.toHex())},
                             {u"ikmS"_s, QString::fromLatin1(ikmS.toHex())},
                             {u"psk"_s, QString::fromLatin1(psk.toHex())},
                             {u"psk_id"_s, QString::fromLatin1(pskId.toHex())},
                             {u"plaintexts"_s, plaintexts},
                             {u"aads"_s, aads},
                             {u"exports"_s, exports}};
    const test::ProcessResult r = test::runPythonReference({u"compute"_s}, QJsonDocument(input).toJson());
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    const QJsonObject expected = QJsonDocument::fromJson(r.out).object();

    const bool withPsk = mode == 1 || mode == 3;
    const bool withAuth = mode == 2 || mode == 3;
    Result<PrivateKey> ephemeral = PrivateKey::derive(ikmE);
    Result<PrivateKey> recipient = PrivateKey::derive(ikmR);
    Result<PrivateKey> sender = PrivateKey::derive(ikmS);
    QVERIFY(ephemeral && recipient && sender);
    QCOMPARE(recipient->raw().toByteArray().toHex(), expected[u"skRm"_s].toString().toLatin1());
    HpkeKeySchedule trace;
    HpkeSetupOptions options;
    if (withPsk) {
        options.psk = psk;
        options.pskId = pskId;
    }
    options.senderKey = withAuth ? &*sender : nullptr;
    options.ephemeralKey = &*ephemeral;
    options.trace = &trace;
    const Hpke hpke {AeadId(aead)};
    Result<Hpke::Sender> setup = hpke.setupSender(HpkeMode(mode), recipient->publicKey(), info, options);
    QVERIFY(setup);
    QCOMPARE(setup->enc.toHex(), expected[u"enc"_s].toString().toLatin1());
    QCOMPARE(trace.sharedSecret.toByteArray().toHex(), expected[u"shared_secret"_s].toString().toLatin1());
    QCOMPARE(trace.key.toByteArray().toHex(), expected[u"key"_s].toString().toLatin1());
    QCOMPARE(trace.baseNonce.toByteArray().toHex(), expected[u"base_nonce"_s].toString().toLatin1());
    QCOMPARE(trace.exporterSecret.toByteArray().toHex(), expected[u"exporter_secret"_s].toString().toLatin1());

    HpkeSetupOptions recipientOptions;
    recipientOptions.psk = options.psk;
    recipientOptions.pskId = options.pskId;
    recipientOptions.senderPublicKey = withAuth ? &sender->publicKey() : nullptr;
    Result<HpkeContext> opener = hpke.setupRecipient(HpkeMode(mode), setup->enc, *recipient, info, recipientOptions);
    QVERIFY(opener);
    const QJsonArray cts = expected[u"ciphertexts"_s].toArray();
    QCOMPARE(cts.size(), pts.size());
    for (qsizetype i = 0; i < pts.size(); ++i) {
        Result<QByteArray> ct = setup->context.seal(aadList[i], pts[i]);
        QVERIFY(ct);
        QCOMPARE(ct->toHex(), cts[i].toString().toLatin1());
        Result<QByteArray> pt = opener->open(aadList[i], *ct);
        QVERIFY(pt);
        QCOMPARE(*pt, pts[i]);
    }
    const QJsonArray exported = expected[u"exports"_s].toArray();
    for (qsizetype i = 0; i < contexts.size(); ++i) {
        Result<SecureBuffer> value = opener->exportSecret(contexts[i], 32);
        QVERIFY(value);
        QCOMPARE(value->toByteArray().toHex(), exported[i].toString().toLatin1());
    }
}

void TestHpke::tamperedMessagesRefused()
{
    Result<PrivateKey> recipient = PrivateKey::generate();
    QVERIFY(recipient);
    const Hpke hpke(AeadId::Aes256Gcm);
    Result<Hpke::Sender> setup = hpke.setupSender(HpkeMode::Base, recipient->publicKey(), "info");
    QVERIFY(setup);
    Result<QByteArray> ct = setup->context.seal("aad", "a message of some length");
    QVERIFY(ct);
    for (qsizetype byte = 0; byte < ct->size(); ++byte) {
        for (int bit = 0; bit < 8; bit += 3) {
            Result<HpkeContext> opener = hpke.setupRecipient(HpkeMode::Base, setup->enc, *recipient, "info");
            QVERIFY(opener);
            QByteArray bad = *ct;
            bad[byte] = char(bad[byte] ^ (1 << bit));
            const Result<QByteArray> opened = opener->open("aad", bad);
            QVERIFY(!opened);
            QCOMPARE(opened.error().code(), ErrorCode::EnvelopeCorrupt);
        }
    }
    Result<HpkeContext> opener = hpke.setupRecipient(HpkeMode::Base, setup->enc, *recipient, "info");
    QVERIFY(opener);
    QVERIFY(!opener->open("aad!", *ct)); // other associated data
    QVERIFY(!opener->open("aad", ct->left(ct->size() - 1))); // truncated tag
    QVERIFY(!opener->open("aad", ct->left(15))); // shorter than a tag
    Result<HpkeContext> otherInfo = hpke.setupRecipient(HpkeMode::Base, setup->enc, *recipient, "inf0");
    QVERIFY(otherInfo);
    QVERIFY(!otherInfo->open("aad", *ct));
    QVERIFY(opener->open("aad", *ct)); // and the untouched message still opens
}

void TestHpke::failedOpenKeepsSequence()
{
    Result<PrivateKey> recipient = PrivateKey::generate();
    QVERIFY(recipient);
    const Hpke hpke(AeadId::ChaCha20Poly1305);
    Result<Hpke::Sender> setup = hpke.setupSender(HpkeMode::Base, recipient->publicKey(), {});
    QVERIFY(setup);
    Result<QByteArray> first = setup->context.seal("0", "first");
    Result<QByteArray> second = setup->context.seal("1", "second");
    QVERIFY(first && second);
    Result<HpkeContext> opener = hpke.setupRecipient(HpkeMode::Base, setup->enc, *recipient, {});
    QVERIFY(opener);
    QVERIFY(!opener->open("1", *second)); // out of order: nonce of message 0
    QCOMPARE(opener->sequence(), quint64(0));
    QByteArray out = "kept:";
    QVERIFY(!opener->open("0", *second, out));
    QCOMPARE(out, QByteArray("kept:")); // nothing of a failed message is appended
    QVERIFY(opener->open("0", *first, out));
    QCOMPARE(out, QByteArray("kept:first"));
    QVERIFY(opener->open("1", *second, out));
    QCOMPARE(out, QByteArray("kept:firstsecond"));
    // Role checks: a sender cannot open, a recipient cannot seal.
    QVERIFY(!setup->context.open("0", *first));
    QVERIFY(!opener->seal("x", "y"));
}

void TestHpke::sequenceOverflowRefused()
{
    Result<PrivateKey> recipient = PrivateKey::generate();
    QVERIFY(recipient);
    const Hpke hpke(AeadId::Aes128Gcm);
    Result<Hpke::Sender> setup = hpke.setupSender(HpkeMode::Base, recipient->publicKey(), {});
    QVERIFY(setup);
    const quint64 last = std::numeric_limits<quint64>::max();
    setup->context.setSequenceForTesting(last - 1);
    Result<QByteArray> ct = setup->context.seal({}, "last message");
    QVERIFY(ct);
    const Result<QByteArray> refused = setup->context.seal({}, "one too many");
    QVERIFY(!refused);
    QVERIFY(refused.error().detail().contains(u"sequence overflow"_s));
    QCOMPARE(setup->context.sequence(), last);

    Result<HpkeContext> opener = hpke.setupRecipient(HpkeMode::Base, setup->enc, *recipient, {});
    QVERIFY(opener);
    opener->setSequenceForTesting(last - 1);
    QVERIFY(opener->open({}, *ct));
    QVERIFY(!opener->open({}, *ct));
}

void TestHpke::exportOnlyContextCannotSeal()
{
    Result<PrivateKey> recipient = PrivateKey::generate();
    QVERIFY(recipient);
    const Hpke hpke(AeadId::ExportOnly);
    Result<Hpke::Sender> setup = hpke.setupSender(HpkeMode::Base, recipient->publicKey(), "x");
    QVERIFY(setup);
    const Result<QByteArray> sealed = setup->context.seal({}, "data");
    QVERIFY(!sealed);
    QCOMPARE(sealed.error().code(), ErrorCode::EnvelopeUnsupported);
    Result<HpkeContext> opener = hpke.setupRecipient(HpkeMode::Base, setup->enc, *recipient, "x");
    QVERIFY(opener);
    Result<SecureBuffer> a = setup->context.exportSecret("ctx", 64);
    Result<SecureBuffer> b = opener->exportSecret("ctx", 64);
    QVERIFY(a && b);
    QCOMPARE(a->size(), 64);
    QVERIFY(*a == *b);
    QVERIFY(!opener->exportSecret("ctx", 255 * 32 + 1)); // beyond 255 * Nh
}

void TestHpke::setupInputsChecked_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("psk");
    QTest::addColumn<QByteArray>("pskId");
    QTest::addColumn<bool>("withSender");
    const QByteArray psk(32, 'k');
    QTest::newRow("base with a psk") << 0 << psk << QByteArray("id") << false;
    QTest::newRow("psk without psk") << 1 << QByteArray() << QByteArray() << false;
    QTest::newRow("psk without id") << 1 << psk << QByteArray() << false;
    QTest::newRow("id without psk") << 1 << QByteArray() << QByteArray("id") << false;
    QTest::newRow("psk shorter than 32 bytes") << 1 << QByteArray(31, 'k') << QByteArray("id") << false;
    QTest::newRow("auth without sender key") << 2 << QByteArray() << QByteArray() << false;
    QTest::newRow("base with sender key") << 0 << QByteArray() << QByteArray() << true;
    QTest::newRow("authpsk without psk") << 3 << QByteArray() << QByteArray() << true;
}

void TestHpke::setupInputsChecked()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, psk);
    QFETCH(QByteArray, pskId);
    QFETCH(bool, withSender);
    Result<PrivateKey> recipient = PrivateKey::generate();
    Result<PrivateKey> sender = PrivateKey::generate();
    QVERIFY(recipient && sender);
    HpkeSetupOptions options;
    options.psk = psk;
    options.pskId = pskId;
    options.senderKey = withSender ? &*sender : nullptr;
    options.senderPublicKey = withSender ? &sender->publicKey() : nullptr;
    const Hpke hpke(AeadId::Aes128Gcm);
    const Result<Hpke::Sender> setup = hpke.setupSender(HpkeMode(mode), recipient->publicKey(), {}, options);
    QVERIFY(!setup);
    QCOMPARE(setup.error().code(), ErrorCode::InvalidArgument);
    const Result<HpkeContext> opener =
        hpke.setupRecipient(HpkeMode(mode), recipient->publicKey().raw(), *recipient, {}, options);
    QVERIFY(!opener);
    QCOMPARE(opener.error().code(), ErrorCode::InvalidArgument);
}

void TestHpke::smallOrderEncRefused()
{
    // Points of small order give an all-zero X25519 output; RFC 9180 7.1.4 requires refusing it.
    Result<PrivateKey> recipient = PrivateKey::generate();
    QVERIFY(recipient);
    const Hpke hpke(AeadId::Aes256Gcm);
    const QList<QByteArray> smallOrder {
        QByteArray(32, '\0'), // 0
        QByteArray::fromHex("0100000000000000000000000000000000000000000000000000000000000000"), // 1
    };
    for (const QByteArray &enc : smallOrder) {
        const Result<HpkeContext> opener = hpke.setupRecipient(HpkeMode::Base, enc, *recipient, {});
        QVERIFY(!opener);
        QCOMPARE(opener.error().code(), ErrorCode::EnvelopeCorrupt);
    }
    const Result<HpkeContext> shortEnc = hpke.setupRecipient(HpkeMode::Base, QByteArray(31, 'x'), *recipient, {});
    QVERIFY(!shortEnc);
    QCOMPARE(shortEnc.error().code(), ErrorCode::EnvelopeCorrupt);
    Result<PublicKey> zero = PublicKey::fromRaw(QByteArray(32, '\0'));
    QVERIFY(zero);
    QVERIFY(!hpke.setupSender(HpkeMode::Base, *zero, {}));
}

void TestHpke::wrongRecipientCannotOpen()
{
    Result<PrivateKey> recipient = PrivateKey::generate();
    Result<PrivateKey> other = PrivateKey::generate();
    QVERIFY(recipient && other);
    QVERIFY(recipient->publicKey() != other->publicKey());
    const Hpke hpke(AeadId::Aes256Gcm);
    Result<Hpke::Sender> setup = hpke.setupSender(HpkeMode::Base, recipient->publicKey(), "i");
    QVERIFY(setup);
    Result<QByteArray> ct = setup->context.seal({}, "for the recipient only");
    QVERIFY(ct);
    Result<HpkeContext> wrong = hpke.setupRecipient(HpkeMode::Base, setup->enc, *other, "i");
    QVERIFY(wrong); // HPKE cannot tell at setup; the message refuses
    QVERIFY(!wrong->open({}, *ct));
    // Auth mode: a forged sender key does not open either.
    Result<PrivateKey> sender = PrivateKey::generate();
    QVERIFY(sender);
    HpkeSetupOptions senderOptions;
    senderOptions.senderKey = &*sender;
    Result<Hpke::Sender> auth = hpke.setupSender(HpkeMode::Auth, recipient->publicKey(), "i", senderOptions);
    QVERIFY(auth);
    Result<QByteArray> authCt = auth->context.seal({}, "signed by the sender");
    QVERIFY(authCt);
    HpkeSetupOptions forged;
    forged.senderPublicKey = &other->publicKey();
    Result<HpkeContext> forgedOpener = hpke.setupRecipient(HpkeMode::Auth, auth->enc, *recipient, "i", forged);
    QVERIFY(forgedOpener);
    QVERIFY(!forgedOpener->open({}, *authCt));
    HpkeSetupOptions genuine;
    genuine.senderPublicKey = &sender->publicKey();
    Result<HpkeContext> opener = hpke.setupRecipient(HpkeMode::Auth, auth->enc, *recipient, "i", genuine);
    QVERIFY(opener);
    QVERIFY(opener->open({}, *authCt));
}

QTEST_GUILESS_MAIN(TestHpke)
#include "TestHpke.moc"
