#include "dicom/internal/FrameNormaliser.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace haip::dicom::internal {

namespace {

// Photometric Interpretations (PS3.3 C.7.6.3.1.2) and what callers see after normalisation.
struct PhotometricEntry
{
    const char *stored;
    Photometric normalised;
};
constexpr PhotometricEntry kPhotometrics[] = {
    {"MONOCHROME1", Photometric::Monochrome1},
    {"MONOCHROME2", Photometric::Monochrome2},
    {"PALETTE COLOR", Photometric::PaletteColor},
    {"RGB", Photometric::Rgb},
    {"YBR_FULL", Photometric::Rgb},
    {"YBR_FULL_422", Photometric::Rgb},
    {"YBR_PARTIAL_422", Photometric::Rgb},
    {"YBR_PARTIAL_420", Photometric::Rgb},
    {"YBR_ICT", Photometric::Rgb},
    {"YBR_RCT", Photometric::Rgb},
};

template <typename T>
T *samples(QByteArray &data)
{
    return reinterpret_cast<T *>(data.data());
}

// Y Y Cb Cr for each pair of pixels → Y Cb Cr per pixel.
QByteArray expand422(const QByteArray &in, qint64 pixels, int bytesPerSample)
{
    QByteArray out(qsizetype(pixels * 3 * bytesPerSample), Qt::Uninitialized);
    const char *src = in.constData();
    char *dst = out.data();
    const qsizetype b = bytesPerSample; // pointer offsets in 64 bits
    for (qint64 p = 0; p + 1 < pixels; p += 2) {
        const char *y0 = src, *y1 = src + b, *cb = src + 2 * b, *cr = src + 3 * b;
        std::memcpy(dst, y0, size_t(b));
        std::memcpy(dst + b, cb, size_t(b));
        std::memcpy(dst + 2 * b, cr, size_t(b));
        std::memcpy(dst + 3 * b, y1, size_t(b));
        std::memcpy(dst + 4 * b, cb, size_t(b));
        std::memcpy(dst + 5 * b, cr, size_t(b));
        src += 4 * b;
        dst += 6 * b;
    }
    return out;
}

// R…R G…G B…B → RGB RGB …
QByteArray interleave(const QByteArray &in, qint64 pixels, int samplesPerPixel, int bytesPerSample)
{
    QByteArray out(in.size(), Qt::Uninitialized);
    const qint64 plane = pixels * bytesPerSample;
    for (qint64 p = 0; p < pixels; ++p) {
        for (int s = 0; s < samplesPerPixel; ++s)
            std::memcpy(out.data() + (p * samplesPerPixel + s) * bytesPerSample,
                        in.constData() + s * plane + p * bytesPerSample,
                        size_t(bytesPerSample));
    }
    return out;
}

// Moves the stored bits down to bit 0, masks the rest away and sign-extends signed values.
template <typename U, typename S>
void maskSamples(QByteArray &data, int bitsStored, int highBit, bool isSigned)
{
    constexpr int width = int(sizeof(U) * 8);
    const int shift = highBit + 1 - bitsStored;
    if (shift == 0 && bitsStored == width)
        return;
    const U mask = bitsStored >= width ? U(~U(0)) : U((U(1) << bitsStored) - 1);
    U *p = samples<U>(data);
    const qsizetype n = data.size() / qsizetype(sizeof(U));
    const int up = width - bitsStored;
    for (qsizetype i = 0; i < n; ++i) {
        U v = U(U(p[i] >> shift) & mask);
        if (isSigned && up > 0)
            v = U(S(U(v << up)) >> up); // arithmetic shift of a two's complement value
        p[i] = v;
    }
}

// YBR → RGB by PS3.3 C.7.6.3.1.2; `partial` for the limited-range (PARTIAL) variants.
template <typename T>
void ybrToRgb(QByteArray &data, int bitsStored, bool partial)
{
    const double maxValue = double((qint64(1) << bitsStored) - 1);
    const double half = double(qint64(1) << (bitsStored - 1));
    const double scale = maxValue / 255.0;
    T *p = samples<T>(data);
    const qsizetype pixels = data.size() / qsizetype(3 * sizeof(T));
    const auto clampRound = [maxValue](double v) {
        return T(std::lround(std::clamp(v, 0.0, maxValue)));
    };
    for (qsizetype i = 0; i < pixels; ++i) {
        double y = double(p[3 * i]);
        const double cb = double(p[3 * i + 1]) - half;
        const double cr = double(p[3 * i + 2]) - half;
        double r = 0.0, g = 0.0, b = 0.0;
        if (partial) {
            y = 1.1644 * (y - 16.0 * scale);
            r = y + 1.5960 * cr;
            g = y - 0.3918 * cb - 0.8130 * cr;
            b = y + 2.0172 * cb;
        } else {
            r = y + 1.402 * cr;
            g = y - 0.344136 * cb - 0.714136 * cr;
            b = y + 1.772 * cb;
        }
        p[3 * i] = clampRound(r);
        p[3 * i + 1] = clampRound(g);
        p[3 * i + 2] = clampRound(b);
    }
}

// Reversible colour transform of JPEG 2000 (ISO 15444-1 G.2), should a codec leave it applied.
template <typename T>
void rctToRgb(QByteArray &data, int bitsStored)
{
    const qint64 maxValue = (qint64(1) << bitsStored) - 1;
    const qint64 half = qint64(1) << (bitsStored - 1);
    T *p = samples<T>(data);
    const qsizetype pixels = data.size() / qsizetype(3 * sizeof(T));
    for (qsizetype i = 0; i < pixels; ++i) {
        const qint64 y = p[3 * i];
        const qint64 cb = qint64(p[3 * i + 1]) - half;
        const qint64 cr = qint64(p[3 * i + 2]) - half;
        const qint64 g = y - ((cb + cr) >> 2);
        p[3 * i] = T(std::clamp<qint64>(cr + g, 0, maxValue));
        p[3 * i + 1] = T(std::clamp<qint64>(g, 0, maxValue));
        p[3 * i + 2] = T(std::clamp<qint64>(cb + g, 0, maxValue));
    }
}

template <typename T>
void convertColour(QByteArray &data, const QString &model, int bitsStored)
{
    if (model == QLatin1String("YBR_FULL") || model == QLatin1String("YBR_FULL_422") ||
        model == QLatin1String("YBR_ICT"))
        ybrToRgb<T>(data, bitsStored, false);
    else if (model == QLatin1String("YBR_PARTIAL_422") || model == QLatin1String("YBR_PARTIAL_420"))
        ybrToRgb<T>(data, bitsStored, true);
    else if (model == QLatin1String("YBR_RCT"))
        rctToRgb<T>(data, bitsStored);
}

} // namespace

std::optional<Photometric> normalisedPhotometric(const QString &stored)
{
    for (const PhotometricEntry &e : kPhotometrics) {
        if (stored == QLatin1String(e.stored))
            return e.normalised;
    }
    return std::nullopt;
}

Result<PixelFormat> normalisedFormat(const PixelModule &module, const QString &name)
{
    const std::optional<Photometric> photometric = normalisedPhotometric(module.photometric);
    if (!photometric)
        return Error(ErrorCode::UnsupportedPhotometric, module.photometric, name);
    if ((*photometric == Photometric::Rgb) != (module.samplesPerPixel == 3))
        return Error(ErrorCode::InvalidAttribute,
                     QStringLiteral("Photometric Interpretation %1 with %2 samples per pixel")
                         .arg(module.photometric)
                         .arg(module.samplesPerPixel),
                     name);
    PixelFormat format;
    format.rows = module.rows;
    format.columns = module.columns;
    format.samplesPerPixel = module.samplesPerPixel;
    format.bitsAllocated = module.bytesPerSample() * 8; // 1-bit data is unpacked to bytes
    format.bitsStored = module.bitsStored;
    format.highBit = module.bitsStored - 1; // stored bits are moved down to bit 0
    format.isSigned = module.pixelRepresentation == 1;
    format.photometric = *photometric;
    format.storedPhotometric = module.photometric;
    return format;
}

Result<Frame> normaliseFrame(RawFrame raw, const PixelModule &module, int index, const QString &name)
{
    Result<PixelFormat> format = normalisedFormat(module, name);
    if (!format)
        return format.error();

    const qint64 pixels = module.pixelsPerFrame();
    const int b = raw.bytesPerSample;
    if (raw.subsampled422) {
        if (raw.data.size() < pixels * 2 * b)
            return Error(ErrorCode::CorruptPixelData, QStringLiteral("short 4:2:2 frame %1").arg(index), name);
        raw.data = expand422(raw.data, pixels, b);
    }
    const qint64 expected = pixels * module.samplesPerPixel * b;
    if (raw.data.size() != expected)
        return Error(
            ErrorCode::CorruptPixelData,
            QStringLiteral("frame %1 decoded to %2 bytes, expected %3").arg(index).arg(raw.data.size()).arg(expected),
            name);
    if (raw.planar)
        raw.data = interleave(raw.data, pixels, module.samplesPerPixel, b);

    // 1-bit data arrives unpacked; its single stored bit is already at bit 0.
    const bool isSigned = module.pixelRepresentation == 1;
    const int highBit = module.bitsAllocated == 1 ? 0 : module.highBit;
    if (b == 1)
        maskSamples<quint8, qint8>(raw.data, module.bitsStored, highBit, isSigned);
    else if (b == 2)
        maskSamples<quint16, qint16>(raw.data, module.bitsStored, highBit, isSigned);
    else
        maskSamples<quint32, qint32>(raw.data, module.bitsStored, highBit, isSigned);

    if (module.samplesPerPixel == 3 && !isSigned) {
        if (b == 1)
            convertColour<quint8>(raw.data, raw.colorModel, module.bitsStored);
        else if (b == 2)
            convertColour<quint16>(raw.data, raw.colorModel, module.bitsStored);
    }

    Frame frame;
    frame.index = index;
    frame.format = std::move(*format);
    frame.data = std::move(raw.data);
    return frame;
}

} // namespace haip::dicom::internal
