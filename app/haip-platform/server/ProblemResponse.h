// ProblemResponse: the one place where an haip::Error becomes an HTTP answer — an RFC 9457
// problem document with the status from platform::Problem, plus Retry-After where the error
// says when to come back. Also renders a complete raw HTTP/1.1 response for ConnectionGuard,
// which answers below Qt HttpServer (oversized, slow or malformed requests).
#pragma once

#include "ApiResponse.h"
#include "common/Error.h"
#include "platform/Problem.h"

namespace haip::server {

class ProblemResponse
{
public:
    // retryAfterSeconds > 0 adds "Retry-After" and the "retryAfterSeconds" extension member.
    static ApiResponse from(const Error &error, int retryAfterSeconds = 0);
    static ApiResponse from(const platform::Problem &problem, int retryAfterSeconds = 0);
    // "HTTP/1.1 <status> <reason>" + headers + body, with "Connection: close".
    static QByteArray rawHttp(const platform::Problem &problem);
    static QByteArray reasonPhrase(int status);
};

} // namespace haip::server
