// AuthRoutes: the /v1/auth/* endpoints (docs/api/openapi.yaml, tag "auth") on an ApiServer.
//   POST /v1/auth/challenge  public   → 201 {challengeId, challenge, expiresAt}
//   POST /v1/auth/card       public   → 200 {loginId, clinician, next: "otp", expiresAt}
//   POST /v1/auth/otp        public   → 201 session certificate
//   GET  /v1/auth/session    session  → 200 who is signed in
//   POST /v1/auth/renew      session  → 200 a fresh session certificate (sliding expiry)
//   POST /v1/auth/logout     session  → 204, the session's certificates revoked
#pragma once

#include "common/Result.h"

namespace haip::server {

class ApiServer;
class AuthService;

Result<void> registerAuthRoutes(ApiServer &server, AuthService &auth);

} // namespace haip::server
