// JobEnvironment: what every JobRunner of the workstation shares — the store, the signed-in
// platform connection (none while nobody is signed in: runners wait), the verified catalog's
// entries, the de-identification policy and secret, the re-identification map's place and key,
// and where audit events go. Owned by JobQueue; runners hold a reference.
#pragma once

#include "crypto/SecureBuffer.h"
#include "dicom/DeidOptions.h"
#include "platform/ApiClient.h"
#include "platform/Catalog.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace haip::audit {
class AuditEvent;
}
namespace haip::workflow {

class JobStore;

struct JobEnvironment
{
    const JobStore *store = nullptr;
    QPointer<platform::ApiClient> api; // null: not signed in
    QString clinicianId;
    std::optional<platform::Catalog> catalog; // verified; needed to prepare a payload
    dicom::DeidOptions deidOptions;
    QByteArray deidSecret;
    QString mapPath;
    crypto::SecureBuffer mapKey;
    std::function<void(const audit::AuditEvent &)> audit; // may be empty
    int pollIntervalMs = 1000;
    qint64 uploadChunkBytes = 0; // 0: PayloadUpload's default

    const platform::CatalogService *service(const QString &id) const { return catalog ? catalog->find(id) : nullptr; }
};

} // namespace haip::workflow
