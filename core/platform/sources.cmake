# core/platform sources (API client, catalog, jobs, upload), one block per area.

# API model shared by client and reference platform (problem documents, job states, catalog)
target_sources(haip_core PRIVATE
    platform/Problem.cpp
    platform/Problem.h
)

# Client: API over TLS with the pinned CA, login, multipart bodies, catalog, jobs (platform-jobs)
target_sources(haip_core PRIVATE
    platform/ApiClient.cpp
    platform/ApiClient.h
    platform/ApiReply.cpp
    platform/ApiReply.h
    platform/AnswerError.cpp
    platform/AnswerError.h
    platform/BulkUploader.cpp
    platform/BulkUploader.h
    platform/CardSigner.h
    platform/Catalog.cpp
    platform/Catalog.h
    platform/JobClient.cpp
    platform/JobClient.h
    platform/JobStatus.cpp
    platform/JobStatus.h
    platform/LoginSession.cpp
    platform/LoginSession.h
    platform/MultipartReader.cpp
    platform/MultipartReader.h
    platform/MultipartRelated.cpp
    platform/MultipartRelated.h
    platform/MultipartWriter.cpp
    platform/MultipartWriter.h
    platform/PayloadSealer.cpp
    platform/PayloadSealer.h
    platform/PayloadUpload.cpp
    platform/PayloadUpload.h
    platform/SessionFile.cpp
    platform/SessionFile.h
    platform/SessionInfo.cpp
    platform/SessionInfo.h
    platform/SessionKey.cpp
    platform/SessionKey.h
    platform/SoftwareCardSigner.cpp
    platform/SoftwareCardSigner.h
    platform/StrictJson.cpp
    platform/StrictJson.h
    platform/TlsAnchorProbe.cpp
    platform/TlsAnchorProbe.h
)

# Catalog cache and service eligibility (web6: catalog panel)
target_sources(haip_core PRIVATE
    platform/CatalogCache.cpp
    platform/CatalogCache.h
    platform/ServiceEligibility.cpp
    platform/ServiceEligibility.h
)
