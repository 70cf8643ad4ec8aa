// Grey pipeline of PS3.3 C.11 (Figure C.11-1): stored value → modality LUT (rescale or table)
// → VOI (window by C.11.2.1.2.1 / C.11.2.1.3, or a VOI LUT table) → presentation (MONOCHROME1
// inversion, then the user's inversion). Every possible stored value is run through the
// formulas once per call into an 8-bit table; the pixels then cost one lookup each.
#include "dicom/WindowLevelRenderer.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentMap>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace haip::dicom {

namespace {

// Tables larger than this (32-bit data spanning a huge range) are not worth building: such
// frames are computed pixel by pixel instead.
constexpr qint64 MaxTableEntries = qint64(1) << 22;

// Regions from this many pixels up are rendered by several threads.
constexpr qint64 ParallelPixels = qint64(1) << 20;

// The sigmoid's output rounds to 0 or 255 once |4(x - c)/w| exceeds ln(509) ≈ 6.23.
constexpr double SigmoidSaturation = 6.5;

struct StoredRange
{
    qint64 lo = 0;
    qint64 hi = 0;
};

// The values a sample can take given bits stored and signedness (Frame.h: masked and
// sign-extended), limited to what the sample's container can hold.
StoredRange possibleRange(const PixelFormat &format)
{
    const int bits = std::clamp(format.bitsStored, 1, format.bytesPerSample() * 8);
    if (format.isSigned)
        return {-(qint64(1) << (bits - 1)), (qint64(1) << (bits - 1)) - 1};
    return {0, (qint64(1) << bits) - 1};
}

double modalityValue(qint64 stored, const ModalityLut &lut)
{
    if (lut.table.isEmpty())
        return double(stored) * lut.slope + lut.intercept;
    const qint64 clamped = std::clamp<qint64>(stored, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    return lut.table.lookup(int(clamped));
}

quint8 toByte(double y)
{
    return quint8(std::clamp(std::floor(y + 0.5), 0.0, 255.0));
}

// Loads sample i of a little-endian buffer as T (Frame.h: always little-endian).
template <typename T>
T sampleAt(const char *data, qsizetype i)
{
    return qFromLittleEndian<T>(data + i * qsizetype(sizeof(T)));
}

QRect clippedRegion(const Frame &frame, const QRect &region)
{
    const QRect whole(0, 0, frame.format.columns, frame.format.rows);
    return region.isEmpty() ? whole : region.intersected(whole);
}

// Grey output (after VOI and both inversions) of one stored value.
quint8 greyOf(qint64 stored, const DisplayInfo &display, const RenderSettings &settings, bool flip)
{
    const int y = WindowLevelRenderer::voiOutput(modalityValue(stored, display.modality), display, settings);
    return quint8(flip ? 255 - y : y);
}

// Runs rows(begin, end) over bands of `rowCount` rows: in parallel on the global thread pool
// for large regions (a 4096² re-render is memory-bound; two cores halve it), inline otherwise.
template <typename F>
void forRowBands(int rowCount, qint64 pixels, F &&rows)
{
    const int bands = pixels >= ParallelPixels ? std::min(QThread::idealThreadCount(), rowCount) : 1;
    if (bands <= 1) {
        rows(0, rowCount);
        return;
    }
    QList<std::pair<int, int>> list;
    for (int i = 0; i < bands; ++i)
        list.append({int(qint64(rowCount) * i / bands), int(qint64(rowCount) * (i + 1) / bands)});
    QtConcurrent::blockingMap(list, [&rows](const std::pair<int, int> &band) { rows(band.first, band.second); });
}

// `FullRange`: every value of T is in the table, so no clamping is needed. Writes rows
// [rowBegin, rowEnd) of the region into `bits` (the output image's first row, `stride` apart).
template <typename T, bool FullRange>
void lookupRows(const Frame &frame,
                const QRect &region,
                const quint8 *table,
                StoredRange range,
                uchar *bits,
                qsizetype stride,
                int rowBegin,
                int rowEnd)
{
    const char *data = frame.data.constData();
    const int columns = frame.format.columns;
    for (int r = rowBegin; r < rowEnd; ++r) {
        const qsizetype rowStart = qsizetype(region.y() + r) * columns + region.x();
        uchar *dst = bits + r * stride;
        if constexpr (FullRange) {
            for (int c = 0; c < region.width(); ++c)
                dst[c] = table[qint64(sampleAt<T>(data, rowStart + c)) - range.lo];
        } else {
            for (int c = 0; c < region.width(); ++c) {
                const qint64 v = std::clamp<qint64>(sampleAt<T>(data, rowStart + c), range.lo, range.hi);
                dst[c] = table[v - range.lo];
            }
        }
    }
}

// Fills table[v - lo] for every stored v in range. Rescale + LINEAR / LINEAR_EXACT, the common
// case, runs the standard's formula without branches: clamped to [0, 255] it equals the
// piecewise definition, since it reaches exactly 0 and 255 at the window's bounds. The same
// expressions as voiOutput() keep the results identical bit for bit.
void buildGreyTable(
    quint8 *table, StoredRange range, const DisplayInfo &display, const RenderSettings &settings, bool flip)
{
    const bool voiLut = settings.voiLutIndex >= 0 && settings.voiLutIndex < display.voiLuts.size() &&
        !display.voiLuts[settings.voiLutIndex].isEmpty();
    const double c = settings.center;
    const double w = settings.width;
    const bool linear = display.voiFunction == VoiFunction::Linear && w > 1.0;
    const bool exact = display.voiFunction == VoiFunction::LinearExact && w > 0.0;
    if (!display.modality.table.isEmpty() || voiLut || !(linear || exact)) {
        for (qint64 v = range.lo; v <= range.hi; ++v)
            table[v - range.lo] = greyOf(v, display, settings, flip);
        return;
    }
    const double slope = display.modality.slope;
    const double intercept = display.modality.intercept;
    const int flipMask = flip ? 0xFF : 0;
    for (qint64 v = range.lo; v <= range.hi; ++v) {
        const double x = double(v) * slope + intercept;
        const double y = linear ? ((x - (c - 0.5)) / (w - 1.0) + 0.5) * 255.0 : ((x - c) / w + 0.5) * 255.0;
        table[v - range.lo] = quint8(int(std::clamp(std::floor(y + 0.5), 0.0, 255.0)) ^ flipMask);
    }
}

template <typename T>
StoredRange actualRange(const Frame &frame)
{
    const char *data = frame.data.constData();
    const qsizetype n = qsizetype(frame.format.rows) * frame.format.columns;
    StoredRange range {std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()};
    for (qsizetype i = 0; i < n; ++i) {
        // 8-bit signed pixels (qint8) widen by their sign: intended.
        const qint64 v = sampleAt<T>(data, i); // NOLINT(bugprone-signed-char-misuse)
        range.lo = std::min(range.lo, v);
        range.hi = std::max(range.hi, v);
    }
    return range;
}

template <typename T>
void renderGrey(
    const Frame &frame, const DisplayInfo &display, const RenderSettings &settings, const QRect &region, QImage &out)
{
    const bool flip = (frame.format.photometric == Photometric::Monochrome1) != settings.invert;
    // bits() once, before any worker runs: scanLine() from several threads could detach.
    uchar *bits = out.bits();
    const qsizetype stride = out.bytesPerLine();
    const qint64 pixels = qint64(region.width()) * region.height();
    StoredRange range = possibleRange(frame.format);
    if (range.hi - range.lo >= MaxTableEntries)
        range = actualRange<T>(frame);
    if (range.hi - range.lo < MaxTableEntries) {
        std::vector<quint8> table(size_t(range.hi - range.lo + 1));
        buildGreyTable(table.data(), range, display, settings, flip);
        const bool fullRange =
            sizeof(T) <= 2 && range.lo == std::numeric_limits<T>::min() && range.hi == std::numeric_limits<T>::max();
        const quint8 *lut = table.data();
        forRowBands(region.height(), pixels, [&](int begin, int end) {
            if (fullRange)
                lookupRows<T, true>(frame, region, lut, range, bits, stride, begin, end);
            else
                lookupRows<T, false>(frame, region, lut, range, bits, stride, begin, end);
        });
        return;
    }
    // 32-bit data over a range too wide for a table: compute each pixel.
    const char *data = frame.data.constData();
    forRowBands(region.height(), pixels, [&](int begin, int end) {
        for (int r = begin; r < end; ++r) {
            const qsizetype rowStart = qsizetype(region.y() + r) * frame.format.columns + region.x();
            uchar *dst = bits + r * stride;
            for (int c = 0; c < region.width(); ++c)
                dst[c] = greyOf(sampleAt<T>(data, rowStart + c), display, settings, flip);
        }
    });
}

quint8 paletteChannel(const LutTable &lut, qint64 index)
{
    const qint64 clamped = std::clamp<qint64>(index, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    const quint16 entry = lut.lookup(int(clamped));
    return quint8(lut.bitsPerEntry > 8 ? entry >> (lut.bitsPerEntry - 8) : entry);
}

template <typename T>
void renderPalette(const Frame &frame, const PaletteLut &palette, bool invert, const QRect &region, QImage &out)
{
    const StoredRange range = possibleRange(frame.format); // at most 16 bits for palette indices
    std::vector<QRgb> table(size_t(range.hi - range.lo + 1));
    for (qint64 v = range.lo; v <= range.hi; ++v) {
        int red = paletteChannel(palette.red, v);
        int green = paletteChannel(palette.green, v);
        int blue = paletteChannel(palette.blue, v);
        if (invert) {
            red = 255 - red;
            green = 255 - green;
            blue = 255 - blue;
        }
        table[size_t(v - range.lo)] = qRgb(red, green, blue);
    }
    const char *data = frame.data.constData();
    for (int r = 0; r < region.height(); ++r) {
        const qsizetype rowStart = qsizetype(region.y() + r) * frame.format.columns + region.x();
        auto *dst = reinterpret_cast<QRgb *>(out.scanLine(r));
        for (int c = 0; c < region.width(); ++c) {
            const qint64 v = std::clamp<qint64>(sampleAt<T>(data, rowStart + c), range.lo, range.hi);
            dst[c] = table[size_t(v - range.lo)];
        }
    }
}

template <typename T>
void renderRgb(const Frame &frame, bool invert, const QRect &region, QImage &out)
{
    // 16-bit RGB keeps its top 8 stored bits.
    const int shift = std::max(0, std::min(frame.format.bitsStored, int(sizeof(T)) * 8) - 8);
    const char *data = frame.data.constData();
    const auto channel = [&](qsizetype i) {
        const int v = int(sampleAt<T>(data, i) >> shift) & 0xFF;
        return invert ? 255 - v : v;
    };
    for (int r = 0; r < region.height(); ++r) {
        const qsizetype rowStart = (qsizetype(region.y() + r) * frame.format.columns + region.x()) * 3;
        auto *dst = reinterpret_cast<QRgb *>(out.scanLine(r));
        for (int c = 0; c < region.width(); ++c) {
            const qsizetype i = rowStart + qsizetype(c) * 3;
            dst[c] = qRgb(channel(i), channel(i + 1), channel(i + 2));
        }
    }
}

template <typename T>
ValueRange greyModalityRange(const Frame &frame, const ModalityLut &lut)
{
    const StoredRange stored = actualRange<T>(frame);
    ValueRange range;
    if (stored.lo > stored.hi)
        return range;
    if (lut.table.isEmpty()) {
        const double a = modalityValue(stored.lo, lut);
        const double b = modalityValue(stored.hi, lut);
        return {std::min(a, b), std::max(a, b), true};
    }
    // A table need not be monotonic: look at every entry the frame can reach (lookup()
    // clamps values outside the table to its first or last entry).
    range = {std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(), true};
    const qint64 first = lut.table.firstMapped;
    const qint64 last = first + lut.table.entries.size() - 1;
    for (qint64 v = std::clamp(stored.lo, first, last); v <= std::clamp(stored.hi, first, last); ++v) {
        const double m = modalityValue(v, lut);
        range.min = std::min(range.min, m);
        range.max = std::max(range.max, m);
    }
    return range;
}

} // namespace

int WindowLevelRenderer::voiOutput(double x, const DisplayInfo &display, const RenderSettings &settings)
{
    constexpr double yMin = 0.0;
    constexpr double yMax = 255.0;
    if (settings.voiLutIndex >= 0 && settings.voiLutIndex < display.voiLuts.size()) {
        const LutTable &lut = display.voiLuts[settings.voiLutIndex];
        if (!lut.isEmpty()) {
            const double input = std::clamp(std::round(x), -2147483648.0, 2147483647.0);
            const double entryMax = std::ldexp(1.0, std::clamp(lut.bitsPerEntry, 1, 16)) - 1.0;
            return toByte(double(lut.lookup(int(input))) * yMax / entryMax);
        }
    }
    const double c = settings.center;
    const double w = settings.width;
    switch (display.voiFunction) {
    case VoiFunction::Linear: {
        // C.11.2.1.2.1: the width must be >= 1.
        const double wl = std::max(w, 1.0);
        if (x <= c - 0.5 - (wl - 1.0) / 2.0)
            return int(yMin);
        if (x > c - 0.5 + (wl - 1.0) / 2.0)
            return int(yMax);
        return toByte(((x - (c - 0.5)) / (wl - 1.0) + 0.5) * (yMax - yMin) + yMin);
    }
    case VoiFunction::LinearExact:
        // C.11.2.1.3.2: the width must be > 0.
        if (w <= 0.0)
            return x <= c ? int(yMin) : int(yMax);
        if (x <= c - w / 2.0)
            return int(yMin);
        if (x > c + w / 2.0)
            return int(yMax);
        return toByte(((x - c) / w + 0.5) * (yMax - yMin) + yMin);
    case VoiFunction::Sigmoid: {
        // C.11.2.1.3.1: y = (ymax - ymin) / (1 + exp(-4 (x - c) / w)) + ymin, width > 0.
        if (w <= 0.0)
            return x <= c ? int(yMin) : int(yMax);
        const double t = 4.0 * (x - c) / w;
        if (t > SigmoidSaturation)
            return int(yMax);
        if (t < -SigmoidSaturation)
            return int(yMin);
        return toByte((yMax - yMin) / (1.0 + std::exp(-t)) + yMin);
    }
    }
    return int(yMin);
}

QImage WindowLevelRenderer::render(const Frame &frame, const DisplayInfo &display, const RenderSettings &settings)
{
    return render(frame, display, settings, QRect());
}

QImage WindowLevelRenderer::render(const Frame &frame,
                                   const DisplayInfo &display,
                                   const RenderSettings &settings,
                                   const QRect &requested)
{
    const PixelFormat &format = frame.format;
    if (!frame.isValid() || format.columns <= 0)
        return {};
    const QRect region = clippedRegion(frame, requested);
    if (region.isEmpty())
        return {};
    const int bytes = format.bytesPerSample();

    if (format.photometric == Photometric::Rgb) {
        if (format.samplesPerPixel != 3)
            return {};
        QImage out(region.size(), QImage::Format_RGB32);
        if (bytes == 1)
            renderRgb<quint8>(frame, settings.invert, region, out);
        else if (bytes == 2)
            renderRgb<quint16>(frame, settings.invert, region, out);
        else
            renderRgb<quint32>(frame, settings.invert, region, out);
        return out;
    }
    if (format.samplesPerPixel != 1)
        return {};

    if (format.photometric == Photometric::PaletteColor && !display.palette.isEmpty() && bytes <= 2) {
        QImage out(region.size(), QImage::Format_RGB32);
        if (bytes == 1)
            format.isSigned ? renderPalette<qint8>(frame, display.palette, settings.invert, region, out)
                            : renderPalette<quint8>(frame, display.palette, settings.invert, region, out);
        else
            format.isSigned ? renderPalette<qint16>(frame, display.palette, settings.invert, region, out)
                            : renderPalette<quint16>(frame, display.palette, settings.invert, region, out);
        return out;
    }

    // Monochrome (and a palette frame without a palette, shown as grey indices).
    QImage out(region.size(), QImage::Format_Grayscale8);
    if (bytes == 1)
        format.isSigned ? renderGrey<qint8>(frame, display, settings, region, out)
                        : renderGrey<quint8>(frame, display, settings, region, out);
    else if (bytes == 2)
        format.isSigned ? renderGrey<qint16>(frame, display, settings, region, out)
                        : renderGrey<quint16>(frame, display, settings, region, out);
    else
        format.isSigned ? renderGrey<qint32>(frame, display, settings, region, out)
                        : renderGrey<quint32>(frame, display, settings, region, out);
    return out;
}

ValueRange WindowLevelRenderer::modalityRange(const Frame &frame, const DisplayInfo &display)
{
    const PixelFormat &format = frame.format;
    if (!frame.isValid() || format.samplesPerPixel != 1 || format.photometric == Photometric::Rgb)
        return {};
    switch (format.bytesPerSample()) {
    case 1:
        return format.isSigned ? greyModalityRange<qint8>(frame, display.modality)
                               : greyModalityRange<quint8>(frame, display.modality);
    case 2:
        return format.isSigned ? greyModalityRange<qint16>(frame, display.modality)
                               : greyModalityRange<quint16>(frame, display.modality);
    default:
        return format.isSigned ? greyModalityRange<qint32>(frame, display.modality)
                               : greyModalityRange<quint32>(frame, display.modality);
    }
}

RenderSettings WindowLevelRenderer::defaultSettings(const Frame &frame, const DisplayInfo &display)
{
    RenderSettings settings;
    if (frame.format.photometric == Photometric::Rgb ||
        (frame.format.photometric == Photometric::PaletteColor && !display.palette.isEmpty())) {
        settings.center = 128.0; // the identity window of 8-bit samples
        settings.width = 256.0;
        return settings;
    }
    for (const VoiWindow &window : display.windows) {
        if (window.width > 0.0) {
            settings.center = window.center;
            settings.width = window.width;
            return settings;
        }
    }
    if (!display.voiLuts.isEmpty() && !display.voiLuts.front().isEmpty()) {
        // The table's input range doubles as the window a later drag starts from.
        const LutTable &lut = display.voiLuts.front();
        settings.voiLutIndex = 0;
        settings.center = lut.firstMapped + (lut.entries.size() - 1) / 2.0;
        settings.width = std::max<double>(1.0, double(lut.entries.size()));
        return settings;
    }
    const ValueRange range = modalityRange(frame, display);
    if (range.valid) {
        settings.center = (range.min + range.max) / 2.0;
        settings.width = std::max(1.0, range.max - range.min);
    }
    return settings;
}

} // namespace haip::dicom
