target_sources(haip_platform_server PRIVATE server/README.md)

# Server core: HTTPS API server, routing, limits, problem documents (platform-auth)
target_sources(haip_platform_server PRIVATE
    server/ApiRequest.cpp
    server/ApiRequest.h
    server/ApiResponse.cpp
    server/ApiResponse.h
    server/ApiServer.cpp
    server/ApiServer.h
    server/ClientIdentity.h
    server/ConnectionGuard.cpp
    server/ConnectionGuard.h
    server/GuardedSslServer.cpp
    server/GuardedSslServer.h
    server/HttpServerShim.cpp
    server/HttpServerShim.h
    server/ProblemResponse.cpp
    server/ProblemResponse.h
    server/RateLimiter.cpp
    server/RateLimiter.h
    server/Router.cpp
    server/Router.h
    server/ServerLimits.h
)

# Authentication, init, state: CA, cards, TOTP, session certificates, commands (platform-auth)

# Catalog, jobs, upload, workers (platform-jobs)
