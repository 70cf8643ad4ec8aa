// VolumeReader: header pass (validate before decoding anything), then a parallel decode pass
// that opens each instance once and writes its frames straight into the volume.
#include "VolumeReader.h"

#include "dicom/DicomFile.h"
#include "dicom/SeriesAssembler.h"

#include <QHash>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent>

#include <cmath>
#include <mutex>
#include <optional>

namespace haip::services {
namespace {

using namespace Qt::StringLiterals;

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel != nullptr && cancel->load();
}

Error invalid(const QString &detail)
{
    return Error(ErrorCode::InvalidArgument, detail);
}

// Stored sample i of a normalised frame (little-endian, sign-extended, see Frame.h).
double storedSample(const dicom::Frame &frame, qsizetype i)
{
    const char *d = frame.data.constData();
    switch (frame.format.bytesPerSample()) {
    case 1:
        return frame.format.isSigned ? double(qint8(d[i])) : double(quint8(d[i]));
    case 2: {
        const quint16 v = quint16(quint8(d[2 * i]) | (quint16(quint8(d[2 * i + 1])) << 8));
        return frame.format.isSigned ? double(qint16(v)) : double(v);
    }
    default: {
        quint32 v = 0;
        for (int b = 3; b >= 0; --b)
            v = (v << 8) | quint8(d[4 * i + b]);
        return frame.format.isSigned ? double(qint32(v)) : double(v);
    }
    }
}

// The header checks: one series with pixel data, an accepted modality, a usable stack.
Result<dicom::Stack> checkHeaders(const QList<dicom::InstanceInfo> &infos, const InputConstraints &c)
{
    QSet<QString> series;
    for (const dicom::InstanceInfo &info : infos) {
        series.insert(info.seriesInstanceUid);
        if (!info.hasPixelData)
            return Error(ErrorCode::NoPixelData, u"the input must be images"_s, info.path);
    }
    if (series.size() != 1)
        return invalid(u"the input holds %1 series; send the images of one series"_s.arg(series.size()));
    const QString modality = infos.front().modality;
    if (!c.modalities.isEmpty() && !c.modalities.contains(modality))
        return invalid(u"this service analyses %1 images, not %2"_s.arg(c.modalities.join(u", "_s),
                                                                        modality.isEmpty() ? u"(none)"_s : modality));
    const QList<dicom::Stack> stacks = dicom::SeriesAssembler::buildStacks(infos);
    if (stacks.isEmpty())
        return invalid(u"the series holds no images"_s);
    const dicom::Stack &stack = stacks.front();
    const int count = int(stack.slices.size());
    const dicom::InstanceInfo &first = infos[stack.slices.front().instance];
    if (count == 1 && c.acceptsSingleImages) {
        if (first.samplesPerPixel != 1)
            return Error(ErrorCode::UnsupportedPhotometric, u"only monochrome images are analysed"_s, first.path);
        return stack;
    }
    if (count < c.minSlices)
        return invalid(u"this service needs at least %1 slices; the series has %2"_s.arg(c.minSlices).arg(count));
    if (c.maxSlices > 0 && count > c.maxSlices)
        return invalid(u"this service accepts at most %1 slices; the series has %2"_s.arg(c.maxSlices).arg(count));
    if (!stack.sortedByGeometry || stack.spacing <= 0.0)
        return invalid(u"the slices have no usable position and orientation"_s);
    if (!stack.uniformSpacing)
        return invalid(u"the slices are unevenly spaced (gaps or overlaps)"_s);
    const dicom::ImagePlane &plane = first.planeOfFrame(stack.slices.front().frame);
    if (!plane.hasSpacing())
        return invalid(u"the images have no pixel spacing"_s);
    const double thickness = plane.sliceThickness > 0.0 ? plane.sliceThickness : stack.spacing;
    if (c.maxSliceThicknessMm > 0.0 && std::max(thickness, stack.spacing) > c.maxSliceThicknessMm + 1e-6)
        return invalid(u"slices of %1 mm are thicker than the %2 mm this service accepts"_s
                           .arg(std::max(thickness, stack.spacing), 0, 'f', 2)
                           .arg(c.maxSliceThicknessMm));
    if (first.samplesPerPixel != 1)
        return Error(ErrorCode::UnsupportedPhotometric, u"only monochrome images are analysed"_s, first.path);
    return stack;
}

VolumeGeometry geometryOf(const dicom::DicomFile &file, const dicom::InstanceInfo &first, const dicom::Stack &stack)
{
    const dicom::ImagePlane &plane = first.planeOfFrame(stack.slices.front().frame);
    VolumeGeometry g;
    g.columns = first.columns;
    g.rows = first.rows;
    g.slices = int(stack.slices.size());
    g.hasPatientGeometry = plane.hasPosition && plane.hasOrientation && stack.sortedByGeometry;
    g.rowDirection = plane.rowDirection;
    g.columnDirection = plane.columnDirection;
    g.normal = g.slices > 1 ? stack.normal : plane.normal();
    g.rowSpacing = plane.rowSpacing;
    g.columnSpacing = plane.columnSpacing;
    if (!plane.hasSpacing()) {
        // Projection radiographs give the detector spacing instead (PS3.3 C.8.11.4).
        const QList<double> imager = file.numbers(dicom::tags::ImagerPixelSpacing);
        const bool ok = imager.size() >= 2 && imager[0] > 0.0 && imager[1] > 0.0;
        g.rowSpacing = ok ? imager[0] : 1.0;
        g.columnSpacing = ok ? imager[1] : 1.0;
    }
    g.sliceThickness = plane.sliceThickness;
    g.sliceSpacing = g.slices > 1 ? stack.spacing : (plane.sliceThickness > 0.0 ? plane.sliceThickness : 1.0);
    return g;
}

} // namespace

Result<ImageVolume> VolumeReader::read(const QStringList &files,
                                       const InputConstraints &constraints,
                                       const std::atomic<bool> *cancel,
                                       const ProgressCallback &progress,
                                       int progressSpan)
{
    if (files.isEmpty())
        return invalid(u"no images were given"_s);
    auto report = [&](int done, int total, const QString &stage) {
        if (progress)
            progress(total > 0 ? done * progressSpan / total : 0, stage);
    };

    // Header pass.
    QList<dicom::InstanceInfo> infos;
    infos.reserve(files.size());
    for (const QString &path : files) {
        if (cancelled(cancel))
            return Error(ErrorCode::Cancelled);
        Result<dicom::DicomFile> file = dicom::DicomFile::open(path, dicom::DicomFile::Content::HeaderOnly);
        if (!file)
            return file.error();
        infos.append(file->info());
    }
    Result<dicom::Stack> checked = checkHeaders(infos, constraints);
    if (!checked)
        return checked.error();
    const dicom::Stack &stack = *checked;
    const dicom::InstanceInfo &first = infos[stack.slices.front().instance];

    Result<dicom::DicomFile> firstFile = dicom::DicomFile::open(first.path, dicom::DicomFile::Content::HeaderOnly);
    if (!firstFile)
        return firstFile.error();
    ImageVolume volume;
    volume.geometry = geometryOf(*firstFile, first, stack);
    volume.series = {first.studyInstanceUid,
                     first.seriesInstanceUid,
                     first.frameOfReferenceUid,
                     first.modality,
                     first.bodyPartExamined,
                     first.seriesDescription,
                     first.path};
    volume.monochrome1 = first.photometricInterpretation == u"MONOCHROME1";
    const VolumeGeometry &g = volume.geometry;
    for (const dicom::Slice &s : stack.slices) {
        const dicom::InstanceInfo &info = infos[s.instance];
        volume.sources.append({info.sopClassUid,
                               info.sopInstanceUid,
                               info.numberOfFrames > 1 ? s.frame + 1 : 0,
                               info.planeOfFrame(s.frame).position,
                               info.path});
    }

    // Decode pass: one task per instance, each writing the slices its frames make.
    QHash<int, QList<QPair<int, int>>> byInstance; // instance → (slice index, frame)
    for (int k = 0; k < stack.slices.size(); ++k)
        byInstance[stack.slices[k].instance].append({k, stack.slices[k].frame});
    const QList<int> instances = byInstance.keys();
    try {
        volume.values.assign(g.voxelCount(), 0.0f);
    } catch (const std::bad_alloc &) {
        return Error(ErrorCode::FileTooLarge, u"the series does not fit in memory"_s);
    }
    std::mutex failureMutex;
    std::optional<Error> failure;
    std::atomic<int> done {0};
    auto decodeInstance = [&](int instance) {
        if (cancelled(cancel) || failure)
            return;
        auto fail = [&](const Error &e) {
            const std::lock_guard lock(failureMutex);
            if (!failure)
                failure = e;
        };
        const Result<dicom::DicomFile> file = dicom::DicomFile::open(infos[instance].path);
        if (!file)
            return fail(file.error());
        for (const auto &[k, frameIndex] : byInstance.value(instance)) {
            const Result<dicom::Frame> frame = file->frame(frameIndex);
            if (!frame)
                return fail(frame.error());
            const dicom::PixelFormat &f = frame->format;
            if (f.rows != g.rows || f.columns != g.columns || f.samplesPerPixel != 1 || !frame->isValid())
                return fail(Error(
                    ErrorCode::InvalidAttribute, u"a frame differs from the series' matrix"_s, infos[instance].path));
            const dicom::ModalityLut lut = file->displayInfo(frameIndex).modality;
            float *out = volume.values.data() + std::size_t(k) * g.sliceSize();
            const qsizetype n = qsizetype(g.sliceSize());
            for (qsizetype i = 0; i < n; ++i)
                out[i] = float(lut.apply(storedSample(*frame, i)));
            report(done.fetch_add(1) + 1, int(stack.slices.size()), u"reading"_s);
        }
    };
    QThreadPool pool;
    QtConcurrent::blockingMap(&pool, instances, decodeInstance);
    if (cancelled(cancel))
        return Error(ErrorCode::Cancelled);
    if (failure)
        return *failure;
    if (volume.monochrome1) {
        // Bring MONOCHROME1 to the MONOCHROME2 sense (high = bright) so every algorithm sees one polarity.
        const auto [lo, hi] = std::minmax_element(volume.values.begin(), volume.values.end());
        const float sum = *lo + *hi;
        for (float &v : volume.values)
            v = sum - v;
    }
    return volume;
}

} // namespace haip::services
