#include "viewer/HeatmapColourMap.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace haip::ui {
namespace {

// viridis sampled at 0, 1/8, …, 1 (sRGB).
constexpr QRgb kAnchors[] = {
    0xFF440154, // 0.000 dark violet
    0xFF472D7B, // 0.125
    0xFF3B528B, // 0.250
    0xFF2C728E, // 0.375
    0xFF21918C, // 0.500 teal
    0xFF28AE80, // 0.625
    0xFF5EC962, // 0.750
    0xFFADDC30, // 0.875
    0xFFFDE725, // 1.000 yellow
};

int mix(int a, int b, double f)
{
    return int(std::lround(a + (b - a) * f));
}

} // namespace

QRgb HeatmapColourMap::colour(double t)
{
    constexpr int last = int(std::size(kAnchors)) - 1;
    const double x = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * last;
    const int i = std::min(int(x), last - 1);
    const double f = x - i;
    const QRgb a = kAnchors[i];
    const QRgb b = kAnchors[i + 1];
    return qRgb(mix(qRed(a), qRed(b), f), mix(qGreen(a), qGreen(b), f), mix(qBlue(a), qBlue(b), f));
}

} // namespace haip::ui
