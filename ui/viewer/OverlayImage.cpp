#include "viewer/OverlayImage.h"

namespace haip::ui {

PlacedOverlay OverlayImage::build(const dicom::OverlayPlane &overlay, int imageFrame, QColor colour)
{
    PlacedOverlay placed;
    if (overlay.rows <= 0 || overlay.columns <= 0 || !overlay.appliesToFrame(imageFrame))
        return placed;
    const qsizetype frameSize = qsizetype(overlay.rows) * overlay.columns;
    const qsizetype first = qsizetype(imageFrame + 1 - overlay.firstImageFrame) * frameSize;
    if (first < 0 || first + frameSize > overlay.bits.size())
        return placed;
    QImage image(overlay.columns, overlay.rows, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const QRgb set = colour.rgba();
    const char *bits = overlay.bits.constData() + first;
    for (int r = 0; r < overlay.rows; ++r) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(r));
        for (int c = 0; c < overlay.columns; ++c)
            if (bits[qsizetype(r) * overlay.columns + c])
                line[c] = set;
    }
    placed.image = image;
    placed.offset = QPoint(overlay.originColumn - 1, overlay.originRow - 1);
    return placed;
}

} // namespace haip::ui
