// AuthService: the login protocol of the platform (docs/api/README.md, "Login"):
//   1. challenge  — 32 random bytes, one use, valid `challengeSeconds`
//   2. card       — card certificate (chain, validity, CRL), its signature over
//                   kLoginLabel ‖ 0x00 ‖ challenge ‖ session public key (SPKI DER), SHA-256
//                   → a pending login bound to the clinician and the session key
//   3. otp        — RFC 6238 code → the session client certificate (SessionCertificates)
// or, when the platform allows it, emergency access without a card: user id + RFC 6238 code + a
// one-time emergency code from IT (EmergencyCodes) → a short session marked as emergency.
// then, over mutual TLS with that certificate: renew (sliding expiry) and logout.
#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"
#include "CardVerifier.h"
#include "ClinicianDirectory.h"
#include "EmergencyCodes.h"
#include "SessionCertificates.h"
#include "TotpVerifier.h"

#include <QDateTime>
#include <QHash>

#include <functional>

namespace haip::server {

class AuthService
{
public:
    using Clock = std::function<QDateTime()>;

    // The purpose label that starts every signed login message (ASCII, then one 0x00 byte).
    static constexpr const char *kLoginLabel = "HAIP-CARD-LOGIN-V1";

    struct Options
    {
        int challengeSeconds = 60;
        int pendingLoginSeconds = 300; // time to type the OTP after the card step
        int maxOutstanding = 10'000; // challenges or pending logins kept at once
        bool emergencyAccess = false; // off unless the operator enables it (serve --emergency-access)
        int emergencySessionSeconds = 30 * 60;
    };

    AuthService(const ClinicianDirectory &directory,
                CardVerifier cards,
                TotpVerifier &otp,
                SessionCertificates &sessions,
                Options options,
                Clock clock = {});

    // The exact bytes the card signs (hashed with SHA-256 by the signature scheme).
    static QByteArray loginMessage(const QByteArray &challenge, const QByteArray &sessionPublicKeyDer);

    Result<ApiResponse> challenge();
    Result<ApiResponse> card(const ApiRequest &request);
    Result<ApiResponse> otp(const ApiRequest &request);
    Result<ApiResponse> emergency(const ApiRequest &request);
    // Where IT's emergency codes are kept (required for emergency access).
    void setEmergencyCodes(EmergencyCodes *codes) { m_emergencyCodes = codes; }
    Result<ApiResponse> renew(const ApiRequest &request);
    Result<ApiResponse> logout(const ApiRequest &request);
    Result<ApiResponse> session(const ApiRequest &request) const;

private:
    struct Challenge
    {
        QByteArray bytes;
        QDateTime expires;
    };
    struct PendingLogin
    {
        QString clinicianId;
        QByteArray sessionPublicKeyDer;
        QDateTime expires;
    };
    void prune();

    const ClinicianDirectory &m_directory;
    CardVerifier m_cards;
    TotpVerifier &m_otp;
    SessionCertificates &m_sessions;
    Options m_options;
    Clock m_clock;
    QHash<QString, Challenge> m_challenges;
    QHash<QString, PendingLogin> m_pending;
    EmergencyCodes *m_emergencyCodes = nullptr;
};

} // namespace haip::server
