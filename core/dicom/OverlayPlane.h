// A DICOM overlay plane (group 60xx, PS3.3 C.9.2): a 1-bit graphic or ROI drawn over frames.
#pragma once

#include <QByteArray>
#include <QString>

namespace haip::dicom {

struct OverlayPlane
{
    int group = 0x6000;
    int rows = 0;
    int columns = 0;
    int originRow = 1; // 1-based, relative to the image's top-left pixel
    int originColumn = 1;
    QString type; // "G" graphics or "R" ROI
    QString description;
    QString label;
    int frameCount = 1; // frames of overlay data
    int firstImageFrame = 1; // 1-based image frame the first overlay frame applies to
    QByteArray bits; // unpacked: one byte (0/1) per pixel, rows*columns*frameCount

    bool appliesToFrame(int imageFrame) const // imageFrame is 0-based
    {
        const int f = imageFrame + 1 - firstImageFrame;
        return f >= 0 && f < frameCount;
    }
};

} // namespace haip::dicom
