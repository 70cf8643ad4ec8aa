// An X25519 public key (the KEM public key of DHKEM(X25519, HKDF-SHA256)): 32 raw bytes, and
// in text form standard base64 with padding (44 characters), the form the catalog, the CLI and
// vendors exchange. An AI service's envelope key is one of these.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace haip::crypto {

class PublicKey
{
public:
    static constexpr qsizetype Size = 32;
    static constexpr qsizetype KeyIdSize = 8;

    PublicKey() = default; // null
    // KeyInvalid unless exactly 32 bytes.
    static Result<PublicKey> fromRaw(QByteArrayView raw);
    // Standard base64 (RFC 4648 section 4) of the 32 bytes; surrounding white space ignored.
    static Result<PublicKey> fromBase64(QStringView text);

    bool isNull() const { return m_raw.isEmpty(); }
    const QByteArray &raw() const { return m_raw; }
    QString toBase64() const;
    // The first 8 bytes of SHA-256(raw): names the key in envelope headers so a recipient can
    // say "not for this key" before trying to decrypt.
    QByteArray keyId() const;

    bool operator==(const PublicKey &other) const { return m_raw == other.m_raw; }
    bool operator!=(const PublicKey &other) const { return !(*this == other); }

private:
    explicit PublicKey(QByteArray raw) : m_raw(std::move(raw)) { }
    QByteArray m_raw;
};

} // namespace haip::crypto
