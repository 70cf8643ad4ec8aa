target_sources(haip_platform_server PRIVATE server/README.md)

# Server core: HTTPS API server, routing, limits, problem documents (platform-auth)
target_sources(haip_platform_server PRIVATE
    server/ApiRequest.cpp
    server/ApiRequest.h
    server/ApiResponse.cpp
    server/ApiResponse.h
    server/ApiServer.cpp
    server/ApiServer.h
    server/FaultPlan.cpp
    server/FaultPlan.h
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
target_sources(haip_platform_server PRIVATE
    server/AuthRoutes.cpp
    server/AuthRoutes.h
    server/EmergencyCodeCommand.cpp
    server/EmergencyCodes.cpp
    server/EmergencyCodes.h
    server/AuthService.cpp
    server/AuthService.h
    server/CardProfile.cpp
    server/CardProfile.h
    server/CardVerifier.cpp
    server/CardVerifier.h
    server/CertificateAuthority.cpp
    server/CertificateAuthority.h
    server/ClinicianDirectory.cpp
    server/ClinicianDirectory.h
    server/CommandOutput.cpp
    server/CommandOutput.h
    server/Commands.h
    server/InitCommand.cpp
    server/OtpCommand.cpp
    server/PlatformInit.cpp
    server/PlatformInit.h
    server/PlatformServer.cpp
    server/PlatformServer.h
    server/PlatformState.cpp
    server/PlatformState.h
    server/ServeCommand.cpp
    server/SessionCertificates.cpp
    server/SessionCertificates.h
    server/TlsServerConfig.cpp
    server/TlsServerConfig.h
    server/TotpVerifier.cpp
    server/TotpVerifier.h
)

# Catalog, jobs, upload, workers (platform-jobs)
target_sources(haip_platform_server PRIVATE
    server/AuditRoutes.cpp
    server/AuditRoutes.h
    server/CatalogPublisher.cpp
    server/ConformanceEchoAnalysis.cpp
    server/ConformanceEchoAnalysis.h
    server/CatalogPublisher.h
    server/JobRecord.cpp
    server/JobRecord.h
    server/JobRoutes.cpp
    server/JobRoutes.h
    server/JobStore.cpp
    server/JobStore.h
    server/JobWorker.cpp
    server/JobWorker.h
    server/ServiceEntrySource.cpp
    server/ReferenceServiceAnalysis.cpp
    server/ReferenceServiceAnalysis.h
    server/ServiceAnalysis.h
    server/ServiceEntrySource.h
    server/WorkerCommand.cpp
    server/WorkerSupervisor.cpp
    server/WorkerSupervisor.h
)
