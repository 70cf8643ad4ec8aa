// The signature forms of the PKCS#11 backend, for core/card's .cpp files: the SHA-256
// DigestInfo that CKM_RSA_PKCS signs, the DER Ecdsa-Sig-Value made from CKM_ECDSA's r || s,
// and how well a certificate's key suits sign-in. OpenSSL does the ASN.1.
#pragma once

#include "common/Result.h"

#include <QByteArray>

#include <array>

namespace haip::card::internal {

constexpr qsizetype Sha256Size = 32;

// DER prefix of the DigestInfo for SHA-256 (RFC 8017 section 9.2, note 1): SEQUENCE {
// SEQUENCE { OID 2.16.840.1.101.3.4.2.1, NULL }, OCTET STRING (32 bytes) }. CKM_RSA_PKCS pads
// and signs exactly the bytes it is given, so the DigestInfo is ours to build.
constexpr std::array<unsigned char, 19> sha256DigestInfoPrefix = {
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};

// How well a certificate's key suits sign-in: 2 for what the platform asks (RSA-2048, P-256),
// 1 for other RSA or EC keys (the module can still sign with them), 0 for anything else.
int keyPreference(const QByteArray &certificateDer);
// CKM_ECDSA's r || s (any curve) as the DER Ecdsa-Sig-Value of RFC 3279.
Result<QByteArray> ecdsaSignatureDer(const QByteArray &rs);

} // namespace haip::card::internal
