// The colour map of fractional (heat) maps: viridis, a perceptual map — lightness rises
// steadily from dark violet (0) to yellow (1), so equal steps in value look like equal steps,
// the order survives greyscale printing and red–green colour blindness, and no false edges
// appear (a rainbow map would add them). Stored as nine anchors, interpolated linearly.
#pragma once

#include <QColor>
#include <QString>

namespace haip::ui {

class HeatmapColourMap
{
public:
    // Colour of `t` in 0…1 (clamped), opaque.
    static QRgb colour(double t);
    static QString name() { return QStringLiteral("viridis"); }
};

} // namespace haip::ui
