#include "dicom/ThumbnailMaker.h"

#include "dicom/DicomFile.h"
#include "dicom/WindowLevelRenderer.h"

namespace haip::dicom {

namespace {
// How many images around the middle one are tried when it does not decode.
constexpr int kAttempts = 3;
} // namespace

ThumbnailSource ThumbnailMaker::middle(const QList<InstanceInfo> &instances)
{
    QList<int> images;
    for (int i = 0; i < instances.size(); ++i) {
        if (instances[i].hasPixelData && instances[i].numberOfFrames > 0)
            images.append(i);
    }
    if (images.isEmpty())
        return {};
    if (images.size() == 1) // one (possibly enhanced multi-frame) instance: its middle frame
        return {images.front(), instances[images.front()].numberOfFrames / 2};
    return {images[images.size() / 2], 0};
}

Result<QImage> ThumbnailMaker::make(const QString &path, int frame, int size)
{
    const Result<DicomFile> file = DicomFile::open(path, DicomFile::Content::Everything);
    if (!file)
        return file.error();
    const Result<Frame> decoded = file->frame(frame);
    if (!decoded)
        return decoded.error();
    const DisplayInfo display = file->displayInfo(frame);
    const QImage image =
        WindowLevelRenderer::render(*decoded, display, WindowLevelRenderer::defaultSettings(*decoded, display));
    if (image.isNull())
        return Error(ErrorCode::DecodeFailed, QStringLiteral("frame %1 could not be rendered").arg(frame), path);
    return image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

Result<QImage> ThumbnailMaker::makeForSeries(const QList<InstanceInfo> &instances, int size)
{
    const ThumbnailSource source = middle(instances);
    if (source.instance < 0)
        return Error(ErrorCode::NoPixelData, QStringLiteral("no instance of the series holds an image"));
    // The middle image, then its neighbours below and above, alternately.
    Error last;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const int offset = (attempt + 1) / 2 * (attempt % 2 == 1 ? -1 : 1);
        const int index = source.instance + offset;
        if (index < 0 || index >= instances.size() || !instances[index].hasPixelData)
            continue;
        const int frame = offset == 0 ? source.frame : 0;
        Result<QImage> image = make(instances[index].path, frame, size);
        if (image)
            return image;
        last = image.error();
    }
    return last;
}

} // namespace haip::dicom
