// Strict base64 for key and token text: standard base64 with padding (RFC 4648 section 4) for
// X25519 keys, base64url without padding (section 5, as JWS requires) for JWS parts. Strict
// means one canonical spelling: a wrong alphabet, missing or extra padding, or non-zero
// trailing bits are refused instead of being decoded to something else.
#pragma once

#include <QByteArray>
#include <QStringView>

#include <optional>

namespace haip::crypto {

// Surrounding white space is ignored.
std::optional<QByteArray> decodeStrictBase64(QStringView text);
std::optional<QByteArray> decodeStrictBase64Url(QByteArrayView text);
QByteArray encodeBase64Url(QByteArrayView bytes);

} // namespace haip::crypto
