// JobRoutes: the catalog and job endpoints of the API (docs/api/openapi.yaml, tags catalog and
// jobs) on an ApiServer, all on session routes (mutual TLS with the session certificate); a job
// belongs to the clinician whose session created it — every other clinician gets 404.
//   GET  /v1/catalog                 → {jws, signingKey}
//   POST /v1/jobs                    → 201 Job (SCHEDULED) | 200 the same clientRequestId's job
//   GET  /v1/jobs                    → {jobs: [...]} newest first (?state=, ?limit=)
//   GET  /v1/jobs/{id}               → Job
//   PUT  /v1/jobs/{id}/payload       Content-Range chunk → UploadStatus + Upload-Offset
//   HEAD /v1/jobs/{id}/payload       → 204 Upload-Offset, Upload-Length
//   GET  /v1/jobs/{id}/payload       → UploadStatus
//   POST /v1/jobs/{id}/commit        → Job (committed)
//   POST /v1/jobs/{id}/cancel        → Job (CANCELED)
//   GET  /v1/jobs/{id}/result        → the sealed result (Range → 206)
#pragma once

#include "common/Result.h"

namespace haip::server {

class ApiServer;
class CatalogPublisher;
class JobStore;
class ServiceEntrySource;

Result<void> registerJobRoutes(ApiServer &server, JobStore &jobs, const ServiceEntrySource &services);
Result<void> registerCatalogRoutes(ApiServer &server, CatalogPublisher &catalog);

} // namespace haip::server
