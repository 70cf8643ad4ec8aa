// ServerLimits: the request size limits, timeouts and rate limits of the platform API, in one
// place. The defaults are the documented ones (docs/api/README.md, "Limits"); `serve` can lower
// them for tests (--header-timeout-ms, --rate-limit …) so limit behaviour is tested in seconds.
#pragma once

#include <QtGlobal>

namespace haip::server {

struct ServerLimits
{
    // Request line + header fields, bytes. Larger → 431.
    qint64 maxHeaderBytes = 16 * 1024;
    // Default body limit per request, bytes (a route may set its own, smaller or larger up to
    // maxBodyBytesAnyRoute). Larger Content-Length → 413 before the body is read.
    qint64 maxBodyBytes = 64 * 1024;
    // Upload routes (resumable chunks) may accept up to this, bytes.
    qint64 maxBodyBytesAnyRoute = 16 * 1024 * 1024;

    // From the first byte of a request to the end of its header section (slow-header clients).
    int headerTimeoutMs = 10'000;
    // No byte received for this long while a request body is incomplete → 408, connection closed.
    int bodyIdleTimeoutMs = 30'000;
    // An idle keep-alive connection is closed after this long.
    int keepAliveTimeoutMs = 120'000;
    // After a refusal (413/408/431) the server drains what the client still sends for this long
    // before closing, so the client can read the answer instead of a reset.
    int lingerMs = 2'000;

    // Token buckets per client: clinician (session routes) or address (public routes).
    double apiRatePerSecond = 50.0;
    double apiBurst = 200.0;
    double publicRatePerSecond = 5.0;
    double publicBurst = 20.0;

    // Concurrent connections per client address.
    int maxConnectionsPerAddress = 64;
};

} // namespace haip::server
