// Fuzz target "dicom_file": DICOM bytes → frames, the path every opened or imported file takes
// (DicomFile::fromBytes, as DicomFile::open does after reading the file; then the header, the
// display and overlay modules and the pixel decoders of every transfer syntax).
#include "FuzzSupport.h"
#include "dicom/DicomFile.h"

using namespace haip;

namespace {

// Frames decoded per input: enough to reach every codec and frame offset table, bounded so that
// a thousand-frame header does not make one input take seconds.
constexpr int MaxFramesDecoded = 3;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Result<dicom::DicomFile> file = dicom::DicomFile::fromBytes(fuzz::bytes(data, size), QStringLiteral("fuzz.dcm"));
    if (!file)
        return 0;
    (void)file->info();
    (void)file->text(dicom::tags::PatientName);
    (void)file->numbers(dicom::tags::ImageType);
    (void)file->pixelFormat();
    (void)file->overlays();
    const int frames = file->frameCount();
    for (int i = 0; i < frames && i < MaxFramesDecoded; ++i) {
        (void)file->plane(i);
        (void)file->displayInfo(i);
        Result<dicom::Frame> frame = file->frame(i);
        (void)frame;
    }
    if (frames > MaxFramesDecoded)
        (void)file->frame(frames - 1); // the last frame: offset tables and fragment counts
    return 0;
}
