#include "ServiceSupport.h"

namespace haip::services {

LoadedEntry::LoadedEntry(const QString &serviceId)
{
    Result<CatalogEntry> loaded = CatalogEntry::fromResources(serviceId);
    if (loaded) {
        entry = *loaded;
        return;
    }
    entry.id = serviceId;
    error = Error(ErrorCode::Internal,
                  QStringLiteral("the catalog entry of %1 did not load: %2").arg(serviceId, loaded.error().detail()),
                  loaded.error().subject());
}

namespace support {

std::function<bool(int, int, quint8 *)> binaryFrames(const VolumeGeometry &geometry,
                                                     std::shared_ptr<const QList<std::vector<std::uint32_t>>> voxels)
{
    const std::size_t slice = geometry.sliceSize();
    return [voxels, slice](int segment, int k, quint8 *pixels) {
        if (segment < 1 || segment > voxels->size())
            return false;
        bool any = false;
        const std::size_t first = std::size_t(k) * slice, last = first + slice;
        for (const std::uint32_t i : (*voxels)[segment - 1]) {
            if (i >= first && i < last) {
                pixels[i - first] = 1;
                any = true;
            }
        }
        return any;
    };
}

LocalizedText sideText(double x, const LocalizedText &right, const LocalizedText &left)
{
    return x < 0.0 ? right : left;
}

} // namespace support
} // namespace haip::services
