// A PIV client (NIST SP 800-73-4 Part 2) over any APDU transport: SELECT the PIV application,
// VERIFY the PIN (tries left from 63Cx, 6983 = blocked), GET DATA for the slot 9A certificate
// with response chaining (61xx / GET RESPONSE) and gzip-compressed certificates, and GENERAL
// AUTHENTICATE with slot 9A — RSA-2048 (algorithm 07) with the client-side PKCS#1 v1.5
// padding, ECC P-256 (algorithm 11) — with command chaining for long inputs. Works with any
// PIV card: a YubiKey, a hospital card, or haip-vcard.
#pragma once

#include "card/ApduTransport.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCryptographicHash>

namespace haip::card {

struct ResponseApdu;

class PivClient
{
public:
    explicit PivClient(ApduTransport &transport);

    Result<void> select();
    // Tries left before the PIN blocks, without using one (VERIFY with no data); 0 = blocked.
    Result<int> pinTriesLeft();
    // PinIncorrect (detail: tries left) or PinBlocked on failure. The PIN is 6–8 digits.
    Result<void> verifyPin(const QByteArray &pin);
    // The PIV Authentication certificate (slot 9A), DER.
    Result<QByteArray> readAuthenticationCertificate();
    // Signs a SHA-256 digest with the slot 9A key; `pivAlgorithm` 0x07 (RSA-2048: PKCS#1 v1.5
    // signature) or 0x11 (ECC P-256: DER ECDSA-Sig-Value). Needs the PIN verified.
    Result<QByteArray> signSha256(int pivAlgorithm, const QByteArray &digest);

private:
    // Sends a command (chained when longer than 255 bytes) and collects a chained answer.
    Result<ResponseApdu> exchange(quint8 ins, quint8 p1, quint8 p2, const QByteArray &data, bool expectData);
    Result<QByteArray> getData(quint32 tag);
    ApduTransport &m_transport;
};

} // namespace haip::card
