// Registers the DICOM codecs once per process (Orthanc-style single initialise/finalise pair):
// DCMTK's JPEG (IJG 8/12/16-bit), JPEG-LS (CharLS) and RLE decoders, the JPEG-LS encoder and our OpenJPEG-based JPEG
// 2000 decoder; silences DCMTK's logger (parse problems reach callers as haip::Error instead);
// and checks that the data dictionary is loaded, without which implicit-VR files cannot be read.
#include "common/Library.h"

#include "dicom/internal/OpenJpegCodec.h"

#include <QtGlobal>

#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcvr.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/oflog/oflog.h>

namespace haip {

LibraryScope::LibraryScope()
{
    OFLog::configure(OFLogger::OFF_LOG_LEVEL);
    // Attributes a writer stored as UN although the dictionary knows them (gdcmconv does this to
    // whole data sets, e.g. pydicom's rtdose_rle.dcm) are read with their real VR (PS3.5 6.2.2).
    dcmEnableUnknownVRConversion.set(OFTrue);

    // JPEG: convert YCbCr to RGB only when the Photometric Interpretation says YBR_* — the
    // codec then reports "RGB" and the normaliser leaves the samples alone. Images labelled RGB
    // whose JPEG stream carries no colour transform (pydicom SC_jpeg_no_color_transform*) stay
    // as they are, which is what the label promises.
    DJDecoderRegistration::registerCodecs(EDC_photometricInterpretation);
    DJLSDecoderRegistration::registerCodecs();
    // JPEG-LS lossless is how payloads travel to AI services that take it (LosslessTranscoder).
    DJLSEncoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();
    dicom::internal::OpenJpegCodec::registerCodec();

    if (!dcmDataDict.isDictionaryLoaded())
        qCritical("haip: the DICOM data dictionary is not loaded (set DCMDICTPATH); implicit-VR files will fail");
}

LibraryScope::~LibraryScope()
{
    dicom::internal::OpenJpegCodec::unregisterCodec();
    DcmRLEDecoderRegistration::cleanup();
    DJLSEncoderRegistration::cleanup();
    DJLSDecoderRegistration::cleanup();
    DJDecoderRegistration::cleanup();
}

} // namespace haip
