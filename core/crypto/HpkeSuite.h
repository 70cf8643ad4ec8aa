// The HPKE (RFC 9180) algorithm identifiers this library implements, with their sizes: the
// KEM DHKEM(X25519, HKDF-SHA256), the KDF HKDF-SHA256, three AEADs and the export-only AEAD.
// Identifier values are the IANA "HPKE" registry's; they appear on the wire in envelopes.
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace haip::crypto {

enum class HpkeMode : quint8
{
    Base = 0x00,
    Psk = 0x01,
    Auth = 0x02,
    AuthPsk = 0x03,
};

enum class KemId : quint16
{
    X25519HkdfSha256 = 0x0020, // Nsecret 32, Nenc 32, Npk 32, Nsk 32
};

enum class KdfId : quint16
{
    HkdfSha256 = 0x0001, // Nh 32
};

enum class AeadId : quint16
{
    Aes128Gcm = 0x0001, // Nk 16, Nn 12, Nt 16
    Aes256Gcm = 0x0002, // Nk 32, Nn 12, Nt 16
    ChaCha20Poly1305 = 0x0003, // Nk 32, Nn 12, Nt 16
    ExportOnly = 0xFFFF, // no encryption: the context only exports secrets
};

struct AeadInfo
{
    AeadId id;
    int keyLength; // Nk
    int nonceLength; // Nn
    int tagLength; // Nt
    const char *name; // our command-line and JSON name, e.g. "aes-256-gcm"
};

namespace hpke {
constexpr int X25519KeyLength = 32; // Nsk = Npk = Nenc = Ndh
constexpr int SharedSecretLength = 32; // Nsecret of DHKEM(X25519, HKDF-SHA256)
constexpr int HashLength = 32; // Nh of HKDF-SHA256
} // namespace hpke

// Sizes of an AEAD this library implements, or nothing for an unknown identifier.
std::optional<AeadInfo> aeadInfo(quint16 id);
inline std::optional<AeadInfo> aeadInfo(AeadId id)
{
    return aeadInfo(quint16(id));
}
// "aes-128-gcm", "aes-256-gcm", "chacha20-poly1305" (case-insensitive); export-only is not
// selectable by name because it cannot seal.
std::optional<AeadId> aeadFromName(const QString &name);
QString aeadName(AeadId id);

} // namespace haip::crypto
