#include "crypto/Jws.h"

#include "crypto/Base64.h"

#include <QJsonDocument>

namespace haip::crypto {

namespace {

constexpr qsizetype kMaxHeaderSize = 8192;

Error refused(const QString &detail)
{
    return Error(ErrorCode::SignatureInvalid, detail);
}

} // namespace

Result<QByteArray> Jws::sign(QByteArrayView payload, const SigningKey &key, const JwsSignOptions &options)
{
    if (key.isNull())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no signing key"));
    QJsonObject header {{QStringLiteral("alg"), jwsAlgorithmName(key.algorithm())}};
    if (!options.keyId.isEmpty())
        header.insert(QStringLiteral("kid"), options.keyId);
    if (!options.type.isEmpty())
        header.insert(QStringLiteral("typ"), options.type);
    const QByteArray encodedHeader = encodeBase64Url(QJsonDocument(header).toJson(QJsonDocument::Compact));
    const QByteArray encodedPayload = encodeBase64Url(payload);
    const QByteArray signingInput = encodedHeader + '.' + encodedPayload;
    Result<QByteArray> signature = key.sign(signingInput);
    if (!signature)
        return signature.error();
    return encodedHeader + '.' + (options.detached ? QByteArray() : encodedPayload) + '.' + encodeBase64Url(*signature);
}

Result<VerifiedJws>
Jws::verify(QByteArrayView token, const VerifyingKey &key, std::optional<QByteArrayView> detachedPayload)
{
    if (key.isNull())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no verifying key"));
    if (token.size() > MaxTokenSize)
        return refused(QStringLiteral("token of %1 bytes").arg(token.size()));
    const qsizetype first = token.indexOf('.');
    const qsizetype second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0)
        return refused(QStringLiteral("not a compact JWS (three parts separated by dots)"));
    const QByteArrayView encodedHeader = token.first(first);
    const QByteArrayView encodedPayload = token.sliced(first + 1, second - first - 1);
    const QByteArrayView encodedSignature = token.sliced(second + 1);

    // Header: canonical base64url of a JSON object whose "alg" is the trusted key's.
    if (encodedHeader.size() > kMaxHeaderSize)
        return refused(QStringLiteral("header too large"));
    const std::optional<QByteArray> headerBytes = decodeStrictBase64Url(encodedHeader);
    if (!headerBytes)
        return refused(QStringLiteral("header is not base64url without padding"));
    QJsonParseError parseError;
    const QJsonDocument headerJson = QJsonDocument::fromJson(*headerBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !headerJson.isObject())
        return refused(QStringLiteral("header is not a JSON object"));
    const QJsonObject header = headerJson.object();
    const QJsonValue alg = header.value(QStringLiteral("alg"));
    const QString expected = jwsAlgorithmName(key.algorithm());
    if (!alg.isString() || alg.toString() != expected)
        return refused(
            QStringLiteral("header alg %1 refused: this key verifies %2 only")
                .arg(alg.isString() ? QStringLiteral("\"%1\"").arg(alg.toString()) : QStringLiteral("(none)"),
                     expected));
    if (header.contains(QStringLiteral("crit")) || header.contains(QStringLiteral("b64")))
        return refused(QStringLiteral("header extensions (crit, b64) are not supported"));
    const QJsonValue kid = header.value(QStringLiteral("kid"));
    if (!kid.isUndefined() && !kid.isString())
        return refused(QStringLiteral("header kid is not a string"));

    // Payload: in the token, or detached (empty payload part, RFC 7515 Appendix F).
    QByteArray payload;
    QByteArray signedPayloadPart = encodedPayload.toByteArray();
    if (detachedPayload) {
        if (!encodedPayload.isEmpty())
            return refused(QStringLiteral("a detached payload was given but the token carries one"));
        payload = detachedPayload->toByteArray();
        signedPayloadPart = encodeBase64Url(payload);
    } else {
        const std::optional<QByteArray> decoded =
            encodedPayload.isEmpty() ? std::optional<QByteArray>(QByteArray()) : decodeStrictBase64Url(encodedPayload);
        if (!decoded)
            return refused(QStringLiteral("payload is not base64url without padding"));
        payload = *decoded;
    }

    const std::optional<QByteArray> signature = decodeStrictBase64Url(encodedSignature);
    if (!signature)
        return refused(QStringLiteral("signature is not base64url without padding"));
    const QByteArray signingInput = encodedHeader.toByteArray() + '.' + signedPayloadPart;
    if (Result<void> ok = key.verify(signingInput, *signature); !ok)
        return ok.error();
    VerifiedJws verified;
    verified.payload = std::move(payload);
    verified.header = header;
    verified.keyId = kid.toString();
    verified.algorithm = key.algorithm();
    return verified;
}

Result<VerifiedJws> Jws::verifyPinned(QByteArrayView token,
                                      const VerifyingKey &key,
                                      const SpkiPin &pin,
                                      std::optional<QByteArrayView> detachedPayload)
{
    if (!pin.matches(key))
        return Error(ErrorCode::KeyPinMismatch,
                     QStringLiteral("key %1, pinned %2").arg(SpkiPin::of(key).toBase64(), pin.toBase64()));
    return verify(token, key, detachedPayload);
}

} // namespace haip::crypto
