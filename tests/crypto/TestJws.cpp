// JWS compact serialisation for the signed catalog: the RFC 7515 Appendix A.3 ES256 example
// verifies with its published key, the RFC 8037 Appendix A.4 Ed25519 example is reproduced
// byte for byte, round trips with kid and detached payloads; every tampered part, "alg":"none",
// algorithm confusion, extensions and non-canonical encodings refused; SPKI pins computed as
// the OpenSSL command line computes them and enforced.
#include "TestSupport.h"
#include "crypto/Base64.h"
#include "crypto/Jws.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

namespace {

// RFC 7515 Appendix A.3.1: the P-256 key of the ES256 example.
QJsonObject rfc7515Key(bool withPrivate)
{
    QJsonObject jwk {{u"kty"_s, u"EC"_s},
                     {u"crv"_s, u"P-256"_s},
                     {u"x"_s, u"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"_s},
                     {u"y"_s, u"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"_s}};
    if (withPrivate)
        jwk.insert(u"d"_s, u"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"_s);
    return jwk;
}

// RFC 7515 Appendix A.3.1: the signed JWS (the payload of Appendix A.1, a JSON claims set with
// CR LF line breaks).
const QByteArray kRfc7515Token =
    "eyJhbGciOiJFUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
const QByteArray kRfc7515Payload = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";

// RFC 8037 Appendix A.1/A.4: the Ed25519 key and the JWS of "Example of Ed25519 signing".
QJsonObject rfc8037Key(bool withPrivate)
{
    QJsonObject jwk {
        {u"kty"_s, u"OKP"_s}, {u"crv"_s, u"Ed25519"_s}, {u"x"_s, u"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"_s}};
    if (withPrivate)
        jwk.insert(u"d"_s, u"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"_s);
    return jwk;
}
const QByteArray kRfc8037Token =
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
    ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

QByteArray part(const QByteArray &json)
{
    return encodeBase64Url(json);
}

} // namespace

class TestJws : public QObject
{
    Q_OBJECT

private slots:
    void rfc7515Es256ExampleVerifies();
    void rfc7515KeySignsAndVerifies();
    void rfc8037Ed25519ExampleReproduced();
    void roundTrips_data();
    void roundTrips();
    void detachedPayload();
    void tamperedPartsRefused_data();
    void tamperedPartsRefused();
    void algorithmsRefused_data();
    void algorithmsRefused();
    void malformedTokensRefused_data();
    void malformedTokensRefused();
    void signatureEncodingsRefused();
    void keysLoadAndRefuse();
    void spkiPinMatchesOpenSslCommandLine();
    void pinnedVerification();
    void pinSpellings_data();
    void pinSpellings();
};

void TestJws::rfc7515Es256ExampleVerifies()
{
    Result<VerifyingKey> key = VerifyingKey::fromJwk(rfc7515Key(false));
    QVERIFY(key);
    QCOMPARE(key->algorithm(), SignatureAlgorithm::Es256);
    QCOMPARE(key->toJwk(), rfc7515Key(false));
    Result<VerifiedJws> verified = Jws::verify(kRfc7515Token, *key);
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().detail()));
    QCOMPARE(verified->payload, kRfc7515Payload);
    QCOMPARE(verified->header, QJsonObject({{u"alg"_s, u"ES256"_s}}));
    QVERIFY(verified->keyId.isEmpty());
}

void TestJws::rfc7515KeySignsAndVerifies()
{
    Result<SigningKey> key = SigningKey::fromJwk(rfc7515Key(true));
    QVERIFY(key);
    QVERIFY(key->verifyingKey() == *VerifyingKey::fromJwk(rfc7515Key(false)));
    // ECDSA signatures are randomised: a fresh one differs from the RFC's but verifies.
    Result<QByteArray> token = Jws::sign(kRfc7515Payload, *key);
    QVERIFY(token);
    QVERIFY(token->startsWith("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2Ui"));
    QVERIFY(*token != kRfc7515Token);
    QCOMPARE(QByteArray::fromBase64(token->split('.')[2], QByteArray::Base64UrlEncoding).size(), 64);
    Result<VerifiedJws> verified = Jws::verify(*token, key->verifyingKey());
    QVERIFY(verified);
    QCOMPARE(verified->payload, kRfc7515Payload);
    // A JWK whose d does not belong to x, y is refused.
    QJsonObject mismatched = rfc7515Key(true);
    mismatched[u"d"_s] = u"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"_s;
    QCOMPARE(SigningKey::fromJwk(mismatched).error().code(), ErrorCode::KeyInvalid);
}

void TestJws::rfc8037Ed25519ExampleReproduced()
{
    Result<SigningKey> key = SigningKey::fromJwk(rfc8037Key(true));
    QVERIFY(key);
    QCOMPARE(key->algorithm(), SignatureAlgorithm::EdDsa);
    // Ed25519 is deterministic: the RFC's token exactly.
    Result<QByteArray> token = Jws::sign("Example of Ed25519 signing", *key);
    QVERIFY(token);
    QCOMPARE(*token, kRfc8037Token);
    Result<VerifyingKey> publicKey = VerifyingKey::fromJwk(rfc8037Key(false));
    QVERIFY(publicKey);
    Result<VerifiedJws> verified = Jws::verify(kRfc8037Token, *publicKey);
    QVERIFY(verified);
    QCOMPARE(verified->payload, QByteArray("Example of Ed25519 signing"));
    QCOMPARE(verified->algorithm, SignatureAlgorithm::EdDsa);
}

void TestJws::roundTrips_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::newRow("ES256") << int(SignatureAlgorithm::Es256);
    QTest::newRow("EdDSA") << int(SignatureAlgorithm::EdDsa);
}

void TestJws::roundTrips()
{
    QFETCH(int, algorithm);
    Result<SigningKey> key = SigningKey::generate(SignatureAlgorithm(algorithm));
    QVERIFY(key);
    // PEM round trip of both halves.
    Result<SigningKey> reloaded = SigningKey::fromPem(key->toPem().view());
    QVERIFY(reloaded);
    Result<VerifyingKey> publicKey = VerifyingKey::fromPem(key->verifyingKey().toPem());
    QVERIFY(publicKey);
    QVERIFY(*publicKey == key->verifyingKey());
    QVERIFY(reloaded->verifyingKey() == key->verifyingKey());
    Result<VerifyingKey> fromDer = VerifyingKey::fromSpkiDer(key->verifyingKey().spkiDer());
    Result<VerifyingKey> fromJwk = VerifyingKey::fromJwk(key->verifyingKey().toJwk());
    QVERIFY(fromDer && fromJwk);
    QVERIFY(*fromDer == *publicKey && *fromJwk == *publicKey);

    const QByteArray catalog = QJsonDocument(QJsonObject {{u"services"_s, u"胸部CT 結節検出"_s}}).toJson();
    JwsSignOptions options;
    options.keyId = u"catalog-2026"_s;
    options.type = u"haip-catalog+jws"_s;
    Result<QByteArray> token = Jws::sign(catalog, *reloaded, options);
    QVERIFY(token);
    Result<VerifiedJws> verified = Jws::verify(*token, *publicKey);
    QVERIFY(verified);
    QCOMPARE(verified->payload, catalog);
    QCOMPARE(verified->keyId, u"catalog-2026"_s);
    QCOMPARE(verified->header[u"typ"_s].toString(), u"haip-catalog+jws"_s);
    // Another key of the same algorithm does not verify it.
    Result<SigningKey> other = SigningKey::generate(SignatureAlgorithm(algorithm));
    QVERIFY(other);
    QCOMPARE(Jws::verify(*token, other->verifyingKey()).error().code(), ErrorCode::SignatureInvalid);
    // Empty payloads sign and verify too.
    Result<QByteArray> empty = Jws::sign({}, *key);
    QVERIFY(empty && Jws::verify(*empty, key->verifyingKey()));
}

void TestJws::detachedPayload()
{
    Result<SigningKey> key = SigningKey::generate(SignatureAlgorithm::Es256);
    QVERIFY(key);
    JwsSignOptions options;
    options.detached = true;
    Result<QByteArray> token = Jws::sign("catalog bytes", *key, options);
    QVERIFY(token);
    QCOMPARE(token->count('.'), 2);
    QVERIFY(token->contains(".."));
    QVERIFY(Jws::verify(*token, key->verifyingKey(), QByteArrayView("catalog bytes")));
    QCOMPARE(Jws::verify(*token, key->verifyingKey(), QByteArrayView("catalog bytez")).error().code(),
             ErrorCode::SignatureInvalid);
    QVERIFY(!Jws::verify(*token, key->verifyingKey())); // without the payload: the empty one
    Result<QByteArray> attached = Jws::sign("catalog bytes", *key);
    QVERIFY(attached);
    QVERIFY(!Jws::verify(*attached, key->verifyingKey(), QByteArrayView("catalog bytes")));
}

void TestJws::tamperedPartsRefused_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::newRow("ES256") << int(SignatureAlgorithm::Es256);
    QTest::newRow("EdDSA") << int(SignatureAlgorithm::EdDsa);
}

void TestJws::tamperedPartsRefused()
{
    QFETCH(int, algorithm);
    Result<SigningKey> key = SigningKey::generate(SignatureAlgorithm(algorithm));
    QVERIFY(key);
    JwsSignOptions options;
    options.keyId = u"k1"_s;
    Result<QByteArray> token = Jws::sign(R"({"version":3,"services":[]})", *key, options);
    QVERIFY(token);
    // Every character of header, payload and signature replaced in turn by a neighbour of
    // the base64url alphabet.
    const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int tried = 0;
    for (qsizetype i = 0; i < token->size(); ++i) {
        if (token->at(i) == '.')
            continue;
        QByteArray bad = *token;
        const qsizetype at = alphabet.indexOf(bad[i]);
        bad[i] = alphabet[(at + 1) % alphabet.size()];
        const Result<VerifiedJws> verified = Jws::verify(bad, key->verifyingKey());
        QVERIFY2(!verified, qPrintable(u"change at %1 of %2 accepted"_s.arg(i).arg(token->size())));
        QCOMPARE(verified.error().code(), ErrorCode::SignatureInvalid);
        ++tried;
    }
    QVERIFY(tried > 100);
    // Whole parts swapped for those of another genuine token of the same key.
    Result<QByteArray> other = Jws::sign(R"({"version":4,"services":[]})", *key);
    QVERIFY(other);
    const QList<QByteArray> a = token->split('.'), b = other->split('.');
    QVERIFY(!Jws::verify(b[0] + '.' + a[1] + '.' + a[2], key->verifyingKey())); // header
    QVERIFY(!Jws::verify(a[0] + '.' + b[1] + '.' + a[2], key->verifyingKey())); // payload
    QVERIFY(!Jws::verify(a[0] + '.' + a[1] + '.' + b[2], key->verifyingKey())); // signature
    QVERIFY(Jws::verify(*token, key->verifyingKey()));
}

void TestJws::algorithmsRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("withSignature");
    QTest::newRow("alg none, no signature") << QByteArray(R"({"alg":"none"})") << false;
    QTest::newRow("alg none, with signature") << QByteArray(R"({"alg":"none"})") << true;
    QTest::newRow("alg NONE") << QByteArray(R"({"alg":"NONE"})") << true;
    QTest::newRow("HMAC with the public key") << QByteArray(R"({"alg":"HS256"})") << true;
    QTest::newRow("other ECDSA") << QByteArray(R"({"alg":"ES384"})") << true;
    QTest::newRow("RSA") << QByteArray(R"({"alg":"RS256"})") << true;
    QTest::newRow("EdDSA header for a P-256 key") << QByteArray(R"({"alg":"EdDSA"})") << true;
    QTest::newRow("lower case") << QByteArray(R"({"alg":"es256"})") << true;
    QTest::newRow("no alg") << QByteArray(R"({"kid":"x"})") << true;
    QTest::newRow("alg not a string") << QByteArray(R"({"alg":["ES256"]})") << true;
    QTest::newRow("crit") << QByteArray(R"({"alg":"ES256","crit":["exp"],"exp":1})") << true;
    QTest::newRow("b64 false") << QByteArray(R"({"alg":"ES256","b64":false})") << true;
    QTest::newRow("kid not a string") << QByteArray(R"({"alg":"ES256","kid":7})") << true;
    QTest::newRow("header an array") << QByteArray(R"(["ES256"])") << true;
    QTest::newRow("header not JSON") << QByteArray("alg=ES256") << true;
}

void TestJws::algorithmsRefused()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, withSignature);
    Result<SigningKey> key = SigningKey::fromJwk(rfc7515Key(true));
    QVERIFY(key);
    // The signature is genuine over exactly this header and payload: only the header's
    // content can be the reason for refusal.
    const QByteArray input = part(header) + '.' + part("{\"iss\":\"joe\"}");
    Result<QByteArray> signature = key->sign(input);
    QVERIFY(signature);
    const QByteArray token = input + '.' + (withSignature ? encodeBase64Url(*signature) : QByteArray());
    const Result<VerifiedJws> verified = Jws::verify(token, key->verifyingKey());
    QVERIFY(!verified);
    QCOMPARE(verified.error().code(), ErrorCode::SignatureInvalid);
    // An Ed25519 key is not talked into accepting it either.
    Result<VerifyingKey> ed = VerifyingKey::fromJwk(rfc8037Key(false));
    QVERIFY(ed);
    QVERIFY(!Jws::verify(token, *ed));
}

void TestJws::malformedTokensRefused_data()
{
    QTest::addColumn<QByteArray>("token");
    const QList<QByteArray> p = kRfc7515Token.split('.');
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("two parts") << p[0] + '.' + p[1];
    QTest::newRow("four parts") << kRfc7515Token + ".e30";
    QTest::newRow("padding on the signature") << kRfc7515Token + "==";
    QTest::newRow("standard base64 alphabet") << QByteArray(kRfc7515Token).replace('-', '+').replace('_', '/');
    QTest::newRow("white space") << p[0] + ". " + p[1] + '.' + p[2];
    QTest::newRow("JSON serialisation") << QByteArray(R"({"payload":"e30","signatures":[]})");
    QTest::newRow("non-canonical last character") << p[0] + '.' + p[1] + '.' + p[2].chopped(1) + 'R';
    QTest::newRow("signature of 63 bytes") << p[0] + '.' + p[1] + '.' + encodeBase64Url(QByteArray(63, 'x'));
}

void TestJws::malformedTokensRefused()
{
    QFETCH(QByteArray, token);
    Result<VerifyingKey> key = VerifyingKey::fromJwk(rfc7515Key(false));
    QVERIFY(key);
    const Result<VerifiedJws> verified = Jws::verify(token, *key);
    QVERIFY(!verified);
    QCOMPARE(verified.error().code(), ErrorCode::SignatureInvalid);
}

void TestJws::signatureEncodingsRefused()
{
    Result<SigningKey> key = SigningKey::fromJwk(rfc7515Key(true));
    QVERIFY(key);
    const QByteArray input = "eyJhbGciOiJFUzI1NiJ9.e30";
    Result<QByteArray> raw = key->sign(input);
    QVERIFY(raw);
    QCOMPARE(raw->size(), 64);
    QVERIFY(key->verifyingKey().verify(input, *raw));
    // The DER form OpenSSL itself produces is not JWS (RFC 7518 3.4 requires R || S).
    const QByteArray r = raw->left(32), s = raw->mid(32);
    QByteArray der = QByteArray::fromHex("3044") + QByteArray::fromHex("0220") + r + QByteArray::fromHex("0220") + s;
    QVERIFY(!key->verifyingKey().verify(input, der));
    QVERIFY(!Jws::verify(input + '.' + encodeBase64Url(der), key->verifyingKey()));
    // R and S swapped; zero; a 65-byte signature.
    QVERIFY(!key->verifyingKey().verify(input, s + r));
    QVERIFY(!key->verifyingKey().verify(input, QByteArray(64, '\0')));
    QVERIFY(!key->verifyingKey().verify(input, *raw + '\0'));
}

void TestJws::keysLoadAndRefuse()
{
    // A point that is not on P-256.
    QJsonObject offCurve = rfc7515Key(false);
    offCurve[u"y"_s] = u"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a1"_s;
    QCOMPARE(VerifyingKey::fromJwk(offCurve).error().code(), ErrorCode::KeyInvalid);
    QJsonObject otherCurve = rfc7515Key(false);
    otherCurve[u"crv"_s] = u"P-384"_s;
    QVERIFY(!VerifyingKey::fromJwk(otherCurve));
    QVERIFY(!VerifyingKey::fromJwk({{u"kty"_s, u"oct"_s}, {u"k"_s, u"c2VjcmV0"_s}}));
    QVERIFY(!VerifyingKey::fromJwk(
        {{u"kty"_s, u"OKP"_s}, {u"crv"_s, u"X25519"_s}, {u"x"_s, u"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"_s}}));
    QVERIFY(!VerifyingKey::fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
    QVERIFY(!SigningKey::fromPem("not a key"));
    QVERIFY(!VerifyingKey::fromSpkiDer(QByteArray(91, '\x30')));
    // An RSA key (what a TLS certificate often holds) and a P-384 key are not signing keys here.
    QTemporaryDir dir;
    const QString openssl = test::findTool(u"openssl"_s);
    QVERIFY2(!openssl.isEmpty(), "openssl (Debian package openssl) is required");
    for (const QStringList &args :
         {QStringList {u"-algorithm"_s, u"RSA"_s, u"-pkeyopt"_s, u"rsa_keygen_bits:2048"_s},
          QStringList {u"-algorithm"_s, u"EC"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-384"_s}}) {
        const test::ProcessResult r = test::run(openssl, QStringList {u"genpkey"_s} + args);
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        const Result<SigningKey> refused = SigningKey::fromPem(r.out);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::KeyInvalid);
    }
    // A key generated by the OpenSSL command line loads and signs.
    const test::ProcessResult ec =
        test::run(openssl, {u"genpkey"_s, u"-algorithm"_s, u"EC"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s});
    QVERIFY(ec.finished && ec.exitCode == 0);
    Result<SigningKey> loaded = SigningKey::fromPem(ec.out);
    QVERIFY(loaded);
    Result<QByteArray> token = Jws::sign("x", *loaded);
    QVERIFY(token && Jws::verify(*token, loaded->verifyingKey()));
}

void TestJws::spkiPinMatchesOpenSslCommandLine()
{
    const QString openssl = test::findTool(u"openssl"_s);
    QVERIFY2(!openssl.isEmpty(), "openssl (Debian package openssl) is required");
    QTemporaryDir dir;
    for (int algorithm : {int(SignatureAlgorithm::Es256), int(SignatureAlgorithm::EdDsa)}) {
        Result<SigningKey> key = SigningKey::generate(SignatureAlgorithm(algorithm));
        QVERIFY(key);
        const QString pem = dir.filePath(u"key%1.pem"_s.arg(algorithm));
        QFile file(pem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(key->verifyingKey().toPem());
        file.close();
        // openssl pkey -pubin -outform DER | openssl dgst -sha256
        const QString der = dir.filePath(u"key%1.der"_s.arg(algorithm));
        const test::ProcessResult toDer =
            test::run(openssl, {u"pkey"_s, u"-pubin"_s, u"-in"_s, pem, u"-outform"_s, u"DER"_s, u"-out"_s, der});
        QVERIFY2(toDer.finished && toDer.exitCode == 0, toDer.err.constData());
        const test::ProcessResult digest = test::run(openssl, {u"dgst"_s, u"-sha256"_s, u"-r"_s, der});
        QVERIFY(digest.finished && digest.exitCode == 0);
        const QByteArray expectedHex = digest.out.left(64);
        const SpkiPin pin = SpkiPin::of(key->verifyingKey());
        QCOMPARE(pin.toHex().toLatin1(), expectedHex);
        QVERIFY(pin.matches(key->verifyingKey()));
    }
}

void TestJws::pinnedVerification()
{
    Result<SigningKey> catalogKey = SigningKey::generate(SignatureAlgorithm::Es256);
    Result<SigningKey> attacker = SigningKey::generate(SignatureAlgorithm::Es256);
    QVERIFY(catalogKey && attacker);
    const SpkiPin pin = SpkiPin::of(catalogKey->verifyingKey());
    Result<QByteArray> genuine = Jws::sign("catalog", *catalogKey);
    Result<QByteArray> forged = Jws::sign("catalog with a rogue service", *attacker);
    QVERIFY(genuine && forged);
    QVERIFY(Jws::verifyPinned(*genuine, catalogKey->verifyingKey(), pin));
    // A document that verifies against its own (attacker-supplied) key is still refused.
    QVERIFY(Jws::verify(*forged, attacker->verifyingKey()));
    const Result<VerifiedJws> refused = Jws::verifyPinned(*forged, attacker->verifyingKey(), pin);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), ErrorCode::KeyPinMismatch);
    QVERIFY(!refused.error().message().isEmpty());
    QCOMPARE(Jws::verifyPinned(*genuine, catalogKey->verifyingKey(), SpkiPin()).error().code(),
             ErrorCode::KeyPinMismatch);
    QCOMPARE(Jws::verifyPinned(*forged, catalogKey->verifyingKey(), pin).error().code(), ErrorCode::SignatureInvalid);
}

void TestJws::pinSpellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    Result<VerifyingKey> key = VerifyingKey::fromJwk(rfc7515Key(false));
    const SpkiPin pin = SpkiPin::of(*key);
    QString colons;
    for (int i = 0; i < 64; i += 2)
        colons += pin.toHex().mid(i, 2).toUpper() + (i < 62 ? u":"_s : QString());
    QTest::newRow("hex") << pin.toHex() << true;
    QTest::newRow("upper-case hex with colons") << colons << true;
    QTest::newRow("sha256/base64") << pin.toBase64() << true;
    QTest::newRow("surrounding space") << u"  "_s + pin.toBase64() + u"\n"_s << true;
    QTest::newRow("63 hex digits") << pin.toHex().chopped(1) << false;
    QTest::newRow("not hex") << pin.toHex().chopped(1) + u"g"_s << false;
    QTest::newRow("sha1/") << u"sha1/"_s + pin.toBase64().mid(7) << false;
    QTest::newRow("base64 without prefix") << pin.toBase64().mid(7) << false;
    QTest::newRow("sha256/ of 31 bytes") << u"sha256/"_s + QString::fromLatin1(QByteArray(31, 'x').toBase64()) << false;
    QTest::newRow("empty") << QString() << false;
}

void TestJws::pinSpellings()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    Result<VerifyingKey> key = VerifyingKey::fromJwk(rfc7515Key(false));
    QVERIFY(key);
    const Result<SpkiPin> pin = SpkiPin::parse(text);
    QCOMPARE(pin.ok(), valid);
    if (valid) {
        QVERIFY(pin->matches(*key));
        QVERIFY(!pin->matches(*VerifyingKey::fromJwk(rfc8037Key(false))));
    } else {
        QCOMPARE(pin.error().code(), ErrorCode::InvalidArgument);
    }
}

QTEST_GUILESS_MAIN(TestJws)
#include "TestJws.moc"
