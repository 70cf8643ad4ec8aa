// A key pin: SHA-256 of a public key's DER SubjectPublicKeyInfo, the value IT sets in policy
// for the catalog signing key (and usable for the platform CA's key). Written as 64 hex digits
// (colons allowed, any case) or as "sha256/<standard base64>" (the HPKP / curl
// --pinnedpubkey spelling). Comparison is constant-time.
#pragma once

#include "common/Result.h"
#include "crypto/VerifyingKey.h"

#include <QByteArray>
#include <QString>

namespace haip::crypto {

class SpkiPin
{
public:
    SpkiPin() = default; // null: matches nothing
    static Result<SpkiPin> parse(QStringView text);
    static SpkiPin ofSpkiDer(QByteArrayView der);
    static SpkiPin of(const VerifyingKey &key);

    bool isNull() const { return m_digest.isEmpty(); }
    const QByteArray &digest() const { return m_digest; }
    QString toHex() const; // 64 lower-case hex digits
    QString toBase64() const; // "sha256/…"

    bool matches(const VerifyingKey &key) const;
    bool matchesSpki(QByteArrayView der) const;

private:
    explicit SpkiPin(QByteArray digest) : m_digest(std::move(digest)) { }
    QByteArray m_digest;
};

} // namespace haip::crypto
