// How the image index stores an instance's geometry: the plane of frame 0 and the per-frame
// planes of an enhanced multi-frame instance as one JSON text column. Doubles are written in
// their shortest round-trip form, so what comes back equals what went in.
#pragma once

#include "dicom/ImagePlane.h"

#include <QByteArray>
#include <QList>

namespace haip::dicom {

struct InstanceGeometry
{
    ImagePlane plane;
    QList<ImagePlane> framePlanes;
};

class IndexGeometry
{
public:
    static QByteArray toJson(const InstanceGeometry &geometry);
    // False when `json` is not what toJson() writes.
    static bool fromJson(const QByteArray &json, InstanceGeometry &geometry);
};

} // namespace haip::dicom
