// Rendered slices for the current window, kept per slice index so scrolling back and cine
// cost a blit instead of a W/L pass; the overlay images of each slice likewise. Frames
// larger than 2048² render only the part a zoomed-in view shows (with a margin for panning).
#pragma once

#include "dicom/DecodedSlice.h"
#include "dicom/WindowLevelRenderer.h"
#include "viewer/OverlayImage.h"

#include <QCache>
#include <QHash>
#include <QRectF>

#include <memory>

namespace haip::ui {

struct RenderedSlice
{
    dicom::RenderSettings settings;
    QRect region; // the part of the frame `image` holds, in image pixels
    QImage image;
};

class SliceImageCache
{
public:
    SliceImageCache();

    // The slice rendered with `settings`, covering at least `visible` (image pixels).
    const RenderedSlice &
    rendered(int index, const dicom::DecodedSlice &slice, const dicom::RenderSettings &settings, const QRectF &visible);
    const QList<PlacedOverlay> &overlays(int index, const dicom::DecodedSlice &slice);

    void invalidate(int index); // that slice changed
    void clearRendered(); // the window changed
    void clear();

private:
    QCache<int, RenderedSlice> m_rendered;
    std::unique_ptr<RenderedSlice> m_tooLarge; // a render larger than the whole cache
    QHash<int, QList<PlacedOverlay>> m_overlays;
};

} // namespace haip::ui
