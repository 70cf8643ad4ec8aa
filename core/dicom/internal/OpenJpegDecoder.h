// A JPEG 2000 code stream (raw J2K or a JP2 file) decoded from memory by OpenJPEG, with RAII
// for every OpenJPEG handle and OpenJPEG's messages captured for the error detail.
#pragma once

#include <QByteArray>
#include <QString>

#include <openjpeg.h>

#include <memory>

namespace haip::dicom::internal {

struct OpjImageDeleter
{
    void operator()(opj_image_t *image) const { opj_image_destroy(image); }
};
using OpjImage = std::unique_ptr<opj_image_t, OpjImageDeleter>;

struct J2kDecodeResult
{
    OpjImage image; // null on failure
    QString error; // OpenJPEG's own words when decoding failed
};

J2kDecodeResult decodeJpeg2000(const QByteArray &codestream);

} // namespace haip::dicom::internal
