// PayloadBuilder: the part of sending that happens on this machine, run off the UI thread —
// every image of the series de-identified (dicom::Deidentifier under the installation secret
// and the policy's options; each mapping back recorded in the re-identification map before its
// copy exists), re-encoded losslessly in the best syntax the service takes
// (dicom::LosslessTranscoder), then sealed to the service's key (platform::PayloadSealer) into
// one file. The de-identified copies live in a private folder only until they are sealed.
// Nothing with the patient's identity leaves this function except the sealed payload's key.
#pragma once

#include "common/Result.h"
#include "dicom/DeidOptions.h"
#include "dicom/Deidentifier.h"
#include "platform/Catalog.h"
#include "platform/PayloadSealer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace haip::dicom {
class ReidentificationStore;
}

namespace haip::workflow {

struct PayloadRequest
{
    QStringList inputFiles;
    dicom::DeidOptions options;
    QByteArray deidSecret; // the installation's (≥ 16 bytes)
    platform::CatalogService service;
    QString workFolder; // the job's private folder: the payload is written there
};

struct BuiltPayload
{
    platform::SealedPayload sealed;
    QString payloadSha256; // of the sealed file, lowercase hex
    QString pseudonymousStudyUid;
    QString transferSyntaxUid; // the parts were sent in
    int images = 0;
};

// What leaves the machine, for the confirmation the clinician sees before anything is sent.
struct PayloadPreview
{
    dicom::DeidReport firstImage; // which attributes the profile removes or replaces
    int images = 0;
    qint64 originalBytes = 0;
    QString transferSyntaxUid;
};

class PayloadBuilder
{
public:
    using Progress = std::function<void(int done, int total)>;

    // Preparing for `map` (null: record nothing — conformance runs with a throwaway secret).
    static Result<BuiltPayload> build(const PayloadRequest &request,
                                      dicom::ReidentificationStore *map,
                                      const std::atomic<bool> *cancel,
                                      const Progress &progress);

    // De-identifies the first file in memory (nothing written) and sums the series' size.
    static Result<PayloadPreview> preview(const PayloadRequest &request);
};

} // namespace haip::workflow
