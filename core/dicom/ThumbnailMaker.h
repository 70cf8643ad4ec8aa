// ThumbnailMaker: the small picture the study browser shows for a series — its middle image
// (middle instance by the index's order, middle frame of a multi-frame instance), rendered at
// the file's default window (WindowLevelRenderer::defaultSettings) and scaled to fit a square.
#pragma once

#include "common/Result.h"
#include "dicom/InstanceInfo.h"

#include <QImage>
#include <QList>

namespace haip::dicom {

struct ThumbnailSource
{
    int instance = -1; // index into the list given; -1 when no instance has pixel data
    int frame = 0;
};

class ThumbnailMaker
{
public:
    static constexpr int kDefaultSize = 128; // pixels, the longer side

    // The middle image of a series whose instances are in display order.
    static ThumbnailSource middle(const QList<InstanceInfo> &instances);
    // Decodes frame `frame` of the file at `path` and renders it to at most size×size pixels.
    static Result<QImage> make(const QString &path, int frame, int size = kDefaultSize);
    // make() on the middle image; if that one cannot be decoded, on its neighbours (a few at most).
    static Result<QImage> makeForSeries(const QList<InstanceInfo> &instances, int size = kDefaultSize);
};

} // namespace haip::dicom
