#include "dicom/RoiStatistics.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace haip::dicom {

namespace {

// Sample `i` (0-based, over all samples) of a normalised little-endian frame.
qint64 sample(const Frame &frame, qsizetype i)
{
    const char *p = frame.data.constData();
    const bool isSigned = frame.format.isSigned;
    switch (frame.format.bytesPerSample()) {
    case 1:
        return isSigned ? qint64(qFromLittleEndian<qint8>(p + i)) : qint64(qFromLittleEndian<quint8>(p + i));
    case 2:
        return isSigned ? qint64(qFromLittleEndian<qint16>(p + 2 * i)) : qint64(qFromLittleEndian<quint16>(p + 2 * i));
    default:
        return isSigned ? qint64(qFromLittleEndian<qint32>(p + 4 * i)) : qint64(qFromLittleEndian<quint32>(p + 4 * i));
    }
}

double modalityOf(qint64 stored, const ModalityLut &lut)
{
    if (lut.table.isEmpty())
        return double(stored) * lut.slope + lut.intercept;
    return lut.table.lookup(
        int(std::clamp<qint64>(stored, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())));
}

bool isGrey(const Frame &frame)
{
    return frame.isValid() && frame.format.samplesPerPixel == 1 && frame.format.photometric != Photometric::Rgb;
}

} // namespace

std::optional<double> RoiStatistics::lengthMm(const ImagePlane &plane, QPointF a, QPointF b)
{
    if (!plane.hasSpacing())
        return std::nullopt;
    const double dx = (b.x() - a.x()) * plane.columnSpacing;
    const double dy = (b.y() - a.y()) * plane.rowSpacing;
    return std::hypot(dx, dy);
}

double RoiStatistics::lengthPixels(QPointF a, QPointF b)
{
    return std::hypot(b.x() - a.x(), b.y() - a.y());
}

RegionStatistics
RoiStatistics::ellipse(const Frame &frame, const DisplayInfo &display, const ImagePlane &plane, const QRectF &bounds)
{
    RegionStatistics stats;
    const QRectF box = bounds.normalized();
    if (!isGrey(frame) || box.width() <= 0.0 || box.height() <= 0.0)
        return stats;
    const double a = box.width() / 2.0;
    const double b = box.height() / 2.0;
    const QPointF centre = box.center();
    stats.areaPixels = std::numbers::pi * a * b;
    if (plane.hasSpacing())
        stats.areaMm2 = stats.areaPixels * plane.rowSpacing * plane.columnSpacing;

    // Only rows and columns whose centres can fall inside the box, clipped to the frame.
    const int columns = frame.format.columns;
    const int firstRow = std::max(0, int(std::floor(box.top() - 0.5)));
    const int lastRow = std::min(frame.format.rows - 1, int(std::ceil(box.bottom() - 0.5)));
    const int firstColumn = std::max(0, int(std::floor(box.left() - 0.5)));
    const int lastColumn = std::min(columns - 1, int(std::ceil(box.right() - 0.5)));

    // Two passes (mean, then squared deviations) for a numerically sound SD.
    QList<double> values;
    for (int r = firstRow; r <= lastRow; ++r) {
        const double dy = (r + 0.5 - centre.y()) / b;
        for (int c = firstColumn; c <= lastColumn; ++c) {
            const double dx = (c + 0.5 - centre.x()) / a;
            if (dx * dx + dy * dy <= 1.0)
                values.append(modalityOf(sample(frame, qsizetype(r) * columns + c), display.modality));
        }
    }
    if (values.isEmpty())
        return stats;
    stats.pixelCount = int(values.size());
    double sum = 0.0;
    stats.min = values.front();
    stats.max = values.front();
    for (double v : values) {
        sum += v;
        stats.min = std::min(stats.min, v);
        stats.max = std::max(stats.max, v);
    }
    stats.mean = sum / double(values.size());
    if (values.size() > 1) {
        double squares = 0.0;
        for (double v : values)
            squares += (v - stats.mean) * (v - stats.mean);
        stats.standardDeviation = std::sqrt(squares / double(values.size() - 1));
    }
    return stats;
}

std::optional<double> RoiStatistics::valueAt(const Frame &frame, const DisplayInfo &display, int column, int row)
{
    if (!isGrey(frame) || column < 0 || row < 0 || column >= frame.format.columns || row >= frame.format.rows)
        return std::nullopt;
    return modalityOf(sample(frame, qsizetype(row) * frame.format.columns + column), display.modality);
}

QList<qint64> RoiStatistics::samplesAt(const Frame &frame, int column, int row)
{
    if (!frame.isValid() || column < 0 || row < 0 || column >= frame.format.columns || row >= frame.format.rows)
        return {};
    const int n = frame.format.samplesPerPixel;
    QList<qint64> out;
    for (int s = 0; s < n; ++s)
        out.append(sample(frame, (qsizetype(row) * frame.format.columns + column) * n + s));
    return out;
}

QString RoiStatistics::units(const DisplayInfo &display)
{
    return display.modality.type.trimmed();
}

} // namespace haip::dicom
