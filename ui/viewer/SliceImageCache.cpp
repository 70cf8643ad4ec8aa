#include "viewer/SliceImageCache.h"

namespace haip::ui {

namespace {

constexpr qint64 LargeFramePixels = qint64(2048) * 2048;
constexpr int CacheKiB = 192 * 1024; // ~700 CT slices of 512² at 8 bits
const QColor OverlayColour(0x66, 0xFF, 0x66); // DICOM overlay planes: the classic green

} // namespace

SliceImageCache::SliceImageCache() : m_rendered(CacheKiB) { }

const RenderedSlice &SliceImageCache::rendered(int index,
                                               const dicom::DecodedSlice &slice,
                                               const dicom::RenderSettings &settings,
                                               const QRectF &visible)
{
    const QRect whole(0, 0, slice.frame.format.columns, slice.frame.format.rows);
    QRect needed = whole;
    if (qint64(whole.width()) * whole.height() > LargeFramePixels) {
        const QRect seen = visible.toAlignedRect().adjusted(-2, -2, 2, 2) & whole;
        if (!seen.isEmpty() && qint64(seen.width()) * seen.height() * 2 < qint64(whole.width()) * whole.height())
            needed = seen;
    }
    if (const RenderedSlice *hit = m_rendered.object(index);
        hit && hit->settings == settings && hit->region.contains(needed))
        return *hit;
    if (m_tooLarge && m_tooLarge->settings == settings && m_tooLarge->region.contains(needed))
        return *m_tooLarge;

    // A quarter of the visible size as margin on each side, so small pans stay cached.
    QRect region = needed;
    if (region != whole)
        region =
            region.adjusted(-region.width() / 4, -region.height() / 4, region.width() / 4, region.height() / 4) & whole;
    auto entry = std::make_unique<RenderedSlice>();
    entry->settings = settings;
    entry->region = region;
    // Held as RGB32: the painter's scaling fast paths (SIMD bilinear) take 32-bit images;
    // a grey image would be converted on every paint.
    entry->image = dicom::WindowLevelRenderer::render(slice.frame, slice.display, settings, region)
                       .convertToFormat(QImage::Format_RGB32);
    const int cost = int(std::max<qsizetype>(1, entry->image.sizeInBytes() / 1024));
    if (cost > m_rendered.maxCost()) {
        m_tooLarge = std::move(entry);
        return *m_tooLarge;
    }
    RenderedSlice *raw = entry.release();
    m_rendered.insert(index, raw, cost);
    return *raw;
}

const QList<PlacedOverlay> &SliceImageCache::overlays(int index, const dicom::DecodedSlice &slice)
{
    auto it = m_overlays.find(index);
    if (it == m_overlays.end()) {
        QList<PlacedOverlay> placed;
        for (const dicom::OverlayPlane &overlay : slice.overlays) {
            PlacedOverlay p = OverlayImage::build(overlay, slice.frame.index, OverlayColour);
            if (!p.image.isNull())
                placed.append(p);
        }
        it = m_overlays.insert(index, placed);
    }
    return *it;
}

void SliceImageCache::invalidate(int index)
{
    m_rendered.remove(index);
    m_overlays.remove(index);
}

void SliceImageCache::clearRendered()
{
    m_rendered.clear();
    m_tooLarge.reset();
}

void SliceImageCache::clear()
{
    clearRendered();
    m_overlays.clear();
}

} // namespace haip::ui
