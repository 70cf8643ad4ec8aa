// The interface every reference AI service implements: an id, its catalog entry, and
// analyse() — de-identified DICOM files of one series in, the IHE AI Results bundle out
// (ServiceBundle). analyse() is synchronous and CPU-bound: the platform's worker processes
// call it off any event loop, may cancel it through `cancel`, and see progress through the
// callback (called on the analysing thread).
#pragma once

#include "CatalogEntry.h"
#include "ServiceBundle.h"
#include "common/Result.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace haip::services {

// percent 0…100 and a short untranslated stage name ("reading", "segmenting", "writing").
using ProgressCallback = std::function<void(int percent, const QString &stage)>;

class ReferenceService
{
public:
    virtual ~ReferenceService() = default;

    virtual QString id() const = 0;
    virtual const CatalogEntry &catalogEntry() const = 0;
    // Errors: InvalidArgument (no files, several series, wrong modality, too few/many slices,
    // slices too thick or unevenly spaced), the file errors of DicomFile (NotDicom,
    // TruncatedFile, …, naming the file), Cancelled.
    virtual Result<ServiceBundle>
    analyse(const QStringList &dicomFiles, const std::atomic<bool> *cancel, const ProgressCallback &progress) const = 0;
};

} // namespace haip::services
