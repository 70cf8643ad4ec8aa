#include "dicom/internal/OpenJpegCodec.h"

#include "dicom/internal/OpenJpegDecoder.h"

#include <QByteArray>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcerror.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcstack.h>
#include <dcmtk/dcmdata/dcvrpobw.h>

#include <cstring>
#include <memory>

namespace haip::dicom::internal {

namespace {

// Our own OFCondition module number (DCMTK's are below 100), so callers can tell a damaged code
// stream (CorruptStream) from a stream that does not fit the data set (Mismatch).
constexpr unsigned short kModule = 1042;
constexpr unsigned short kCorruptStream = 1;
constexpr unsigned short kMismatch = 2;
constexpr unsigned short kNoFragments = 3;

OFCondition failure(unsigned short code, const QString &text)
{
    return OFCondition(kModule, code, OF_error, text.toLatin1().constData());
}

class J2kRepresentationParameter : public DcmRepresentationParameter
{
public:
    DcmRepresentationParameter *clone() const override { return new J2kRepresentationParameter(*this); }
    const char *className() const override { return "haip::J2kRepresentationParameter"; }
    OFBool operator==(const DcmRepresentationParameter &other) const override
    {
        return std::strcmp(other.className(), className()) == 0;
    }
};

class J2kCodecParameter : public DcmCodecParameter
{
public:
    DcmCodecParameter *clone() const override { return new J2kCodecParameter(*this); }
    const char *className() const override { return "haip::J2kCodecParameter"; }
};

// Registered objects live from registerCodec() to unregisterCodec() (DcmCodecList keeps pointers).
struct Registration
{
    OpenJpegCodec codec;
    J2kRepresentationParameter representation;
    J2kCodecParameter parameters;
};
std::unique_ptr<Registration> g_registration;

bool isJpeg2000(E_TransferSyntax ts)
{
    return ts == EXS_JPEG2000LosslessOnly || ts == EXS_JPEG2000;
}

struct ImageLayout
{
    Uint16 rows = 0;
    Uint16 columns = 0;
    Uint16 samplesPerPixel = 1;
    Uint16 bitsAllocated = 0;
    Uint16 planarConfiguration = 0;
    Sint32 numberOfFrames = 1;
    OFString photometric;

    int bytesPerSample() const { return bitsAllocated <= 8 ? 1 : (bitsAllocated <= 16 ? 2 : 4); }
    Uint32 frameBytes() const { return Uint32(rows) * columns * samplesPerPixel * Uint32(bytesPerSample()); }
};

OFCondition readLayout(DcmItem *dataset, ImageLayout &layout)
{
    if (dataset == nullptr)
        return EC_IllegalCall;
    OFCondition cond = dataset->findAndGetUint16(DCM_Rows, layout.rows);
    if (cond.good())
        cond = dataset->findAndGetUint16(DCM_Columns, layout.columns);
    if (cond.good())
        cond = dataset->findAndGetUint16(DCM_BitsAllocated, layout.bitsAllocated);
    if (cond.bad())
        return cond;
    dataset->findAndGetUint16(DCM_SamplesPerPixel, layout.samplesPerPixel); // optional: default 1
    dataset->findAndGetUint16(DCM_PlanarConfiguration, layout.planarConfiguration); // optional: default 0
    dataset->findAndGetOFString(DCM_PhotometricInterpretation, layout.photometric); // optional
    if (dataset->findAndGetSint32(DCM_NumberOfFrames, layout.numberOfFrames).bad() || layout.numberOfFrames < 1)
        layout.numberOfFrames = 1;
    return EC_Normal;
}

// YBR_ICT and YBR_RCT name the component transform inside the code stream, which OpenJPEG
// undoes while decoding: what comes out is RGB. Any other model is delivered unchanged.
OFString decodedColorModel(const OFString &stored)
{
    if (stored == "YBR_ICT" || stored == "YBR_RCT")
        return "RGB";
    return stored;
}

bool endsWithEoc(const Uint8 *bytes, Uint32 length)
{
    // EOC (FFD9), possibly followed by one pad byte to reach an even fragment length.
    return (length >= 2 && bytes[length - 2] == 0xFF && bytes[length - 1] == 0xD9) ||
        (length >= 3 && bytes[length - 3] == 0xFF && bytes[length - 2] == 0xD9 && bytes[length - 1] == 0x00);
}

// Concatenates the fragments of one frame: all of them for a single frame, one per frame when
// counts match, else fragments up to the one ending with the EOC marker.
OFCondition gatherFrame(DcmPixelSequence *sequence, Sint32 frames, Uint32 &fragment, QByteArray &out)
{
    const unsigned long count = sequence->card();
    const bool onePerFrame = frames > 1 && count == static_cast<unsigned long>(frames) + 1;
    while (fragment < count) {
        DcmPixelItem *item = nullptr;
        Uint8 *bytes = nullptr;
        if (sequence->getItem(item, fragment).bad() || item == nullptr)
            return failure(kNoFragments, QStringLiteral("missing pixel data fragment %1").arg(fragment));
        const Uint32 length = item->getLength();
        if (length > 0 && (item->getUint8Array(bytes).bad() || bytes == nullptr))
            return failure(kNoFragments, QStringLiteral("unreadable pixel data fragment %1").arg(fragment));
        out.append(reinterpret_cast<const char *>(bytes), qsizetype(length));
        ++fragment;
        if (onePerFrame || (frames > 1 && endsWithEoc(bytes, length)))
            break;
    }
    // Two returns, not ?: — clang 14's analyser loses the OFCondition temporary's ownership of its
    // text through the conditional operator and reports a leak that is not there.
    if (out.isEmpty())
        return failure(kNoFragments, QStringLiteral("no code stream for the frame"));
    return EC_Normal;
}

template <typename T>
void writeSamples(const opj_image_t &image, const ImageLayout &layout, void *buffer)
{
    auto *out = static_cast<T *>(buffer);
    const size_t pixels = size_t(layout.rows) * layout.columns;
    const size_t spp = layout.samplesPerPixel;
    for (size_t c = 0; c < spp; ++c) {
        const OPJ_INT32 *data = image.comps[c].data;
        if (layout.planarConfiguration == 1) {
            for (size_t p = 0; p < pixels; ++p)
                out[c * pixels + p] = T(data[p]); // two's complement kept for signed samples
        } else {
            for (size_t p = 0; p < pixels; ++p)
                out[p * spp + c] = T(data[p]);
        }
    }
}

} // namespace

void OpenJpegCodec::registerCodec()
{
    if (g_registration)
        return;
    g_registration = std::make_unique<Registration>();
    const OFCondition cond = DcmCodecList::registerCodec(
        &g_registration->codec, &g_registration->representation, &g_registration->parameters);
    if (cond.bad())
        g_registration.reset();
}

void OpenJpegCodec::unregisterCodec()
{
    if (!g_registration)
        return;
    (void)DcmCodecList::deregisterCodec(&g_registration->codec); // failure only if never registered
    g_registration.reset();
}

bool OpenJpegCodec::isCorruptStream(const OFCondition &condition)
{
    return condition.module() == kModule && condition.code() == kCorruptStream;
}

OFBool OpenJpegCodec::canChangeCoding(const E_TransferSyntax oldRepType, const E_TransferSyntax newRepType) const
{
    return isJpeg2000(oldRepType) && !DcmXfer(newRepType).isEncapsulated();
}

OFCondition OpenJpegCodec::determineDecompressedColorModel(const DcmRepresentationParameter *,
                                                           DcmPixelSequence *,
                                                           const DcmCodecParameter *,
                                                           DcmItem *dataset,
                                                           OFString &decompressedColorModel) const
{
    if (dataset == nullptr)
        return EC_IllegalParameter;
    OFString stored;
    const OFCondition cond = dataset->findAndGetOFString(DCM_PhotometricInterpretation, stored);
    if (cond.bad())
        return cond;
    decompressedColorModel = decodedColorModel(stored);
    return EC_Normal;
}

OFCondition OpenJpegCodec::decodeFrame(const DcmRepresentationParameter *,
                                       DcmPixelSequence *fromPixSeq,
                                       const DcmCodecParameter *,
                                       DcmItem *dataset,
                                       Uint32 frameNo,
                                       Uint32 &startFragment,
                                       void *buffer,
                                       Uint32 bufSize,
                                       OFString &decompressedColorModel) const
{
    ImageLayout layout;
    OFCondition cond = readLayout(dataset, layout);
    if (cond.bad())
        return cond;
    if (fromPixSeq == nullptr || buffer == nullptr || bufSize < layout.frameBytes() ||
        frameNo >= Uint32(layout.numberOfFrames))
        return EC_IllegalCall;
    if (startFragment == 0) {
        cond = determineStartFragment(frameNo, layout.numberOfFrames, fromPixSeq, startFragment);
        if (cond.bad())
            return cond;
    }
    QByteArray codestream;
    cond = gatherFrame(fromPixSeq, layout.numberOfFrames, startFragment, codestream);
    if (cond.bad())
        return cond;

    const J2kDecodeResult decoded =
        decodeJpeg2000(codestream, J2kExpected {layout.columns, layout.rows, layout.samplesPerPixel});
    if (!decoded.image)
        return failure(decoded.mismatch ? kMismatch : kCorruptStream, decoded.error);
    const opj_image_t &image = *decoded.image;
    if (image.numcomps != layout.samplesPerPixel)
        return failure(kMismatch,
                       QStringLiteral("code stream has %1 components, data set %2 samples per pixel")
                           .arg(image.numcomps)
                           .arg(layout.samplesPerPixel));
    for (OPJ_UINT32 c = 0; c < image.numcomps; ++c) {
        const opj_image_comp_t &comp = image.comps[c];
        if (comp.w != layout.columns || comp.h != layout.rows || comp.dx != 1 || comp.dy != 1 || comp.data == nullptr)
            return failure(kMismatch,
                           QStringLiteral("component %1 is %2 x %3 (step %4/%5); data set says %6 x %7")
                               .arg(c)
                               .arg(comp.w)
                               .arg(comp.h)
                               .arg(comp.dx)
                               .arg(comp.dy)
                               .arg(layout.columns)
                               .arg(layout.rows));
    }
    switch (layout.bytesPerSample()) {
    case 1:
        writeSamples<Uint8>(image, layout, buffer);
        break;
    case 2:
        writeSamples<Uint16>(image, layout, buffer);
        break;
    default:
        writeSamples<Uint32>(image, layout, buffer);
        break;
    }
    decompressedColorModel = decodedColorModel(layout.photometric);
    return EC_Normal;
}

OFCondition OpenJpegCodec::decode(const DcmRepresentationParameter *fromRepParam,
                                  DcmPixelSequence *pixSeq,
                                  DcmPolymorphOBOW &uncompressedPixelData,
                                  const DcmCodecParameter *cp,
                                  const DcmStack &objStack,
                                  OFBool &removeOldRep) const
{
    // Whole-object decoding (chooseRepresentation): every frame in turn into one OW value.
    DcmStack stack(objStack);
    (void)stack.pop(); // the pixel data element itself
    DcmObject *parent = stack.top();
    if (parent == nullptr || (parent->ident() != EVR_dataset && parent->ident() != EVR_item))
        return EC_IllegalCall;
    auto *dataset = static_cast<DcmItem *>(parent);
    ImageLayout layout;
    OFCondition cond = readLayout(dataset, layout);
    if (cond.bad())
        return cond;
    const Uint32 frameBytes = layout.frameBytes();
    const unsigned long long total = static_cast<unsigned long long>(frameBytes) * Uint32(layout.numberOfFrames);
    if (total > 0xFFFFFFF0ULL)
        return EC_TooManyBytesRequested;
    const Uint32 totalBytes = Uint32(total + (total & 1));
    Uint16 *words = nullptr;
    cond = uncompressedPixelData.createUint16Array(totalBytes / 2, words);
    if (cond.bad())
        return cond;
    OFString colorModel;
    Uint32 fragment = 0;
    for (Sint32 frame = 0; frame < layout.numberOfFrames && cond.good(); ++frame) {
        cond = decodeFrame(fromRepParam,
                           pixSeq,
                           cp,
                           dataset,
                           Uint32(frame),
                           fragment,
                           reinterpret_cast<Uint8 *>(words) + size_t(frameBytes) * size_t(frame),
                           frameBytes + (frameBytes & 1),
                           colorModel);
    }
    if (cond.bad())
        return cond;
    if (colorModel != layout.photometric) {
        cond = dataset->putAndInsertString(DCM_PhotometricInterpretation, colorModel.c_str());
        removeOldRep = OFTrue; // the compressed data no longer matches the data set
    }
    return cond;
}

OFCondition OpenJpegCodec::encode(const Uint16 *,
                                  const Uint32,
                                  const DcmRepresentationParameter *,
                                  DcmPixelSequence *&,
                                  const DcmCodecParameter *,
                                  DcmStack &,
                                  OFBool &) const
{
    return EC_IllegalCall; // decoder only
}

OFCondition OpenJpegCodec::encode(const E_TransferSyntax,
                                  const DcmRepresentationParameter *,
                                  DcmPixelSequence *,
                                  const DcmRepresentationParameter *,
                                  DcmPixelSequence *&,
                                  const DcmCodecParameter *,
                                  DcmStack &,
                                  OFBool &) const
{
    return EC_IllegalCall; // decoder only
}

} // namespace haip::dicom::internal
