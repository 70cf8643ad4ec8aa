#include "dicom/internal/OpenJpegDecoder.h"

#include <algorithm>
#include <cstring>

namespace haip::dicom::internal {

namespace {

struct OpjStreamDeleter
{
    void operator()(opj_stream_t *stream) const { opj_stream_destroy(stream); }
};
struct OpjCodecDeleter
{
    void operator()(opj_codec_t *codec) const { opj_destroy_codec(codec); }
};

// The code stream in memory, read by OpenJPEG through the callbacks below.
struct MemorySource
{
    const char *data = nullptr;
    OPJ_UINT64 size = 0;
    OPJ_UINT64 position = 0;
};

OPJ_SIZE_T readMemory(void *buffer, OPJ_SIZE_T count, void *user)
{
    auto *source = static_cast<MemorySource *>(user);
    if (source->position >= source->size)
        return OPJ_SIZE_T(-1); // OpenJPEG's end-of-stream marker
    const OPJ_SIZE_T n = OPJ_SIZE_T(std::min<OPJ_UINT64>(count, source->size - source->position));
    std::memcpy(buffer, source->data + source->position, n);
    source->position += n;
    return n;
}

OPJ_OFF_T skipMemory(OPJ_OFF_T count, void *user)
{
    auto *source = static_cast<MemorySource *>(user);
    const OPJ_OFF_T target = std::clamp<OPJ_OFF_T>(OPJ_OFF_T(source->position) + count, 0, OPJ_OFF_T(source->size));
    const OPJ_OFF_T skipped = target - OPJ_OFF_T(source->position);
    source->position = OPJ_UINT64(target);
    return skipped;
}

OPJ_BOOL seekMemory(OPJ_OFF_T offset, void *user)
{
    auto *source = static_cast<MemorySource *>(user);
    if (offset < 0 || OPJ_UINT64(offset) > source->size)
        return OPJ_FALSE;
    source->position = OPJ_UINT64(offset);
    return OPJ_TRUE;
}

void collectMessage(const char *message, void *user)
{
    auto *text = static_cast<QString *>(user);
    if (!text->isEmpty())
        text->append(QLatin1String("; "));
    text->append(QString::fromLatin1(message).trimmed());
}

void ignoreMessage(const char *, void *) { }

// A JP2 file starts with its signature box; a raw code stream with SOC + SIZ (FF4F FF51).
bool isJp2File(const QByteArray &bytes)
{
    static const char signature[] = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '};
    return bytes.size() >= 8 && std::memcmp(bytes.constData(), signature, 8) == 0;
}

} // namespace

J2kDecodeResult decodeJpeg2000(const QByteArray &codestream, const J2kExpected &expected)
{
    J2kDecodeResult result;
    MemorySource source {codestream.constData(), OPJ_UINT64(codestream.size()), 0};

    std::unique_ptr<opj_stream_t, OpjStreamDeleter> stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE));
    std::unique_ptr<opj_codec_t, OpjCodecDeleter> codec(
        opj_create_decompress(isJp2File(codestream) ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
    if (!stream || !codec) {
        result.error = QStringLiteral("OpenJPEG could not create its decoder");
        return result;
    }
    opj_stream_set_user_data(stream.get(), &source, nullptr);
    opj_stream_set_user_data_length(stream.get(), source.size);
    opj_stream_set_read_function(stream.get(), readMemory);
    opj_stream_set_skip_function(stream.get(), skipMemory);
    opj_stream_set_seek_function(stream.get(), seekMemory);

    opj_set_error_handler(codec.get(), collectMessage, &result.error);
    opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
    opj_set_info_handler(codec.get(), ignoreMessage, nullptr);

    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters)) {
        result.error = QStringLiteral("OpenJPEG rejected the decoder set-up");
        return result;
    }
    opj_image_t *header = nullptr;
    const bool headerRead = opj_read_header(stream.get(), codec.get(), &header);
    OpjImage image(header);
    if (!headerRead || !image) {
        if (result.error.isEmpty())
            result.error = QStringLiteral("unreadable JPEG 2000 header");
        return result;
    }
    if (image->x1 - image->x0 != expected.columns || image->y1 - image->y0 != expected.rows ||
        image->numcomps != expected.components) {
        result.mismatch = true;
        result.error = QStringLiteral("code stream is %1 x %2 with %3 components; the data set says %4 x %5 with %6")
                           .arg(image->x1 - image->x0)
                           .arg(image->y1 - image->y0)
                           .arg(image->numcomps)
                           .arg(expected.columns)
                           .arg(expected.rows)
                           .arg(expected.components);
        return result;
    }
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get())) {
        if (result.error.isEmpty())
            result.error = QStringLiteral("JPEG 2000 decoding failed");
        return result;
    }
    result.image = std::move(image);
    result.error.clear();
    return result;
}

} // namespace haip::dicom::internal
