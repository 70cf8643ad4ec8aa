// Reads the DICOM files of one series into an ImageVolume for the reference services: checks
// them against the service's InputConstraints first (one series, modality, slice count,
// thickness, even spacing), then decodes every slice on a thread pool and maps stored values
// through the modality LUT (HU for CT). A radiograph (one single-frame MONOCHROME image) is
// read as a volume of one slice when the constraints accept single images.
#pragma once

#include "CatalogEntry.h"
#include "ImageVolume.h"
#include "ReferenceService.h"
#include "common/Result.h"

#include <QStringList>

#include <atomic>

namespace haip::services {

class VolumeReader
{
public:
    // Progress is reported from 0 to `progressSpan` percent. Errors: see ReferenceService::analyse.
    static Result<ImageVolume> read(const QStringList &files,
                                    const InputConstraints &constraints,
                                    const std::atomic<bool> *cancel,
                                    const ProgressCallback &progress,
                                    int progressSpan = 30);
};

} // namespace haip::services
