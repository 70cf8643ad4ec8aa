// The fixed test keys of the fuzz targets and of the seed writer that seals and signs their
// seeds (FuzzSeeds.cpp): made up for fuzzing, never used anywhere else. A fuzzer cannot forge a
// signature or a tag, so seeds made with these keys are what lets it reach the code behind the
// checks (chunk parsing, the catalog payload) at all.
#pragma once

#include "crypto/PrivateKey.h"
#include "crypto/ResponseKey.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>

namespace haip::fuzz {

// X25519 recipient key of the request envelopes (any 32 bytes are a valid X25519 key).
inline crypto::PrivateKey envelopeKey()
{
    return *crypto::PrivateKey::fromRaw(QByteArray(32, '\x5a'));
}

// The HPKE info both sides agree on.
inline QByteArray envelopeInfo()
{
    return QByteArrayLiteral("haip fuzz envelope");
}

// What a requester keeps to open the reply (see ResponseKey.h): fixed enc and secret.
inline crypto::ResponseKey responseKey()
{
    return crypto::ResponseKey(
        crypto::AeadId::Aes256Gcm, QByteArray(32, '\x11'), crypto::SecureBuffer::fromBytes(QByteArray(32, '\x22')));
}

// ES256 catalog signing key (PKCS#8 PEM, P-256), generated with openssl for the fuzz seeds.
inline QByteArray catalogSigningKeyPem()
{
    return QByteArrayLiteral("-----BEGIN PRIVATE KEY-----\n"
                             "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgP1lImBPX/5k/iPx+\n"
                             "2ZnsKjL5LxDFeJx3LtrKgwyreAehRANCAAQ0m4ZGRYFPOTHPp7j+tW08FqxHqfuu\n"
                             "/jJNrmrVzQsj/czFMKsKueeJf4qjqc8TdMqd22tQBkDCF8v0ZAL09NQw\n"
                             "-----END PRIVATE KEY-----\n");
}

// The pin of policy for that key: SHA-256 of its SubjectPublicKeyInfo (64 hex digits).
inline const char *catalogKeyPin()
{
    return "d7a7a7a493db4f860b54fef92738afe8bc042f6dbfd5e4dea5e0088da063ca00";
}

// "Now" for the catalog's expiry check, inside the validity of the seeds (FuzzSeeds.cpp).
inline QDateTime catalogNow()
{
    return QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc());
}

} // namespace haip::fuzz
