// Small pieces every reference service shares: the cancellation check, progress reporting,
// the catalog entry loaded at construction, and frames drawn from per-segment voxel lists.
#pragma once

#include "AnalysisResult.h"
#include "CatalogEntry.h"
#include "ImageVolume.h"
#include "ReferenceService.h"

#include <QList>

#include <cstdint>
#include <memory>
#include <vector>

namespace haip::services {

// A service's catalog entry as loaded from the resources at construction, or why it did not load.
struct LoadedEntry
{
    explicit LoadedEntry(const QString &serviceId);
    bool loaded() const { return error.code() == ErrorCode::None; }
    CatalogEntry entry;
    Error error;
};

namespace support {

inline bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel != nullptr && cancel->load();
}

inline void report(const ProgressCallback &progress, int percent, const QString &stage)
{
    if (progress)
        progress(percent, stage);
}

// A BINARY frame function: segment s (1-based) is the voxel list voxels[s − 1].
std::function<bool(int, int, quint8 *)> binaryFrames(const VolumeGeometry &geometry,
                                                     std::shared_ptr<const QList<std::vector<std::uint32_t>>> voxels);

// The site text of a lung or cerebral finding by side (patient x < 0 is the patient's right).
LocalizedText sideText(double x, const LocalizedText &right, const LocalizedText &left);

} // namespace support
} // namespace haip::services
