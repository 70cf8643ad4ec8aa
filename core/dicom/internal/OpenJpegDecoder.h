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
    bool mismatch = false; // the header disagrees with `expected`: nothing was decoded
};

// What the data set says the image is; a header that disagrees is refused before decoding, so a
// damaged or hostile code stream cannot make OpenJPEG allocate for a different image.
struct J2kExpected
{
    quint32 columns = 0;
    quint32 rows = 0;
    quint32 components = 0;
};

J2kDecodeResult decodeJpeg2000(const QByteArray &codestream, const J2kExpected &expected);

} // namespace haip::dicom::internal
