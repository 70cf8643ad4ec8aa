#include "SegmentationTestKit.h"

#include "dicom/DicomFile.h"
#include "dicom/SeriesAssembler.h"
#include "dicom/internal/FileFormatBytes.h"
#include "services/AnalysisResult.h"
#include "services/ImageVolume.h"
#include "services/ResultIdentity.h"
#include "services/SegmentationWriter.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace haip::test {

using namespace Qt::StringLiterals;

bool makeChestFixture(const QString &dir, const FixtureOptions &options, SegFixture &out, QString &error)
{
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.outputDir = dir;
    o.columns = options.columns;
    o.rows = options.rows;
    o.slices = options.slices;
    o.sliceSpacing = options.sliceSpacing;
    o.seed = options.seed;
    Result<dicom::PhantomResult> phantom = dicom::PhantomGenerator::generate(o);
    if (!phantom) {
        error = phantom.error().message() + u" "_s + phantom.error().detail();
        return false;
    }
    out.phantom = *phantom;
    QList<dicom::InstanceInfo> infos;
    for (const QString &file : out.phantom.files) {
        Result<dicom::DicomFile> f = dicom::DicomFile::open(file, dicom::DicomFile::Content::HeaderOnly);
        if (!f) {
            error = f.error().message();
            return false;
        }
        infos << f->info();
    }
    const QList<dicom::Series> series = dicom::SeriesAssembler::assemble(infos);
    if (series.size() != 1 || series[0].stacks.size() != 1) {
        error = u"the phantom did not assemble into one series of one stack"_s;
        return false;
    }
    out.series = series[0];
    QFile truth(out.phantom.groundTruthPath);
    if (!truth.open(QIODevice::ReadOnly)) {
        error = truth.errorString();
        return false;
    }
    const QJsonObject root = QJsonDocument::fromJson(truth.readAll()).object();
    for (const QJsonValue &v : root.value(u"lesions"_s).toArray()) {
        const QJsonObject l = v.toObject();
        const QJsonArray c = l.value(u"centre_mm"_s).toArray();
        out.lesions << PlantedLesion {l.value(u"id"_s).toString(),
                                      Vec3 {c[0].toDouble(), c[1].toDouble(), c[2].toDouble()},
                                      l.value(u"diameter_mm"_s).toDouble()};
    }
    if (out.lesions.isEmpty()) {
        error = u"ground truth lists no lesions"_s;
        return false;
    }
    return true;
}

QByteArray lesionFrame(const SegFixture &fixture, int segment, int slice, bool fractional)
{
    const PlantedLesion &l = fixture.lesions[segment - 1];
    const dicom::Series &series = fixture.series;
    const dicom::InstanceInfo &info = series.instances[series.stacks[0].slices[slice].instance];
    const dicom::ImagePlane &p = info.plane;
    const double radius = l.diameter / 2.0;
    const Vec3 d = l.centre - p.position;
    const double dz = d.dot(p.normal());
    if (std::abs(dz) >= radius)
        return {};
    const double cc = d.dot(p.rowDirection) / p.columnSpacing; // column of the centre
    const double cr = d.dot(p.columnDirection) / p.rowSpacing;
    QByteArray out(qsizetype(info.rows) * info.columns, '\0');
    bool any = false;
    for (int r = 0; r < info.rows; ++r) {
        for (int c = 0; c < info.columns; ++c) {
            const double x = (c - cc) * p.columnSpacing;
            const double y = (r - cr) * p.rowSpacing;
            const double distance = std::sqrt(x * x + y * y + dz * dz);
            if (distance >= radius)
                continue;
            const int v = fractional ? int(std::lround(255.0 * (1.0 - distance / radius))) : 1;
            out[r * info.columns + c] = char(v);
            any = any || v != 0;
        }
    }
    return any ? out : QByteArray();
}

Result<QByteArray> writeLesionSegmentation(const SegFixture &fixture, bool fractional)
{
    const dicom::Series &series = fixture.series;
    const dicom::Stack &stack = series.stacks[0];
    const dicom::InstanceInfo &first = series.instances[stack.slices[0].instance];
    services::ImageVolume volume;
    services::VolumeGeometry &g = volume.geometry;
    g.columns = first.columns;
    g.rows = first.rows;
    g.slices = stack.slices.size();
    g.columnSpacing = first.plane.columnSpacing;
    g.rowSpacing = first.plane.rowSpacing;
    g.sliceSpacing = stack.spacing;
    g.sliceThickness = first.plane.sliceThickness;
    g.hasPatientGeometry = true;
    g.rowDirection = first.plane.rowDirection;
    g.columnDirection = first.plane.columnDirection;
    g.normal = stack.normal;
    for (const dicom::Slice &s : stack.slices) {
        const dicom::InstanceInfo &info = series.instances[s.instance];
        volume.sources << services::SourceSlice {
            info.sopClassUid, info.sopInstanceUid, 0, info.plane.position, info.path};
    }
    volume.series.studyInstanceUid = series.studyInstanceUid;
    volume.series.seriesInstanceUid = series.seriesInstanceUid;
    volume.series.frameOfReferenceUid = first.frameOfReferenceUid;
    volume.series.modality = series.modality;
    volume.series.headerPath = first.path;

    services::AnalysisResult analysis;
    analysis.fractional = fractional;
    analysis.algorithmName = u"test spheres"_s;
    analysis.algorithmVersion = u"1"_s;
    const QList<PlantedLesion> &lesions = fixture.lesions;
    for (int i = 0; i < lesions.size(); ++i) {
        services::SegmentInfo s;
        s.number = i + 1;
        s.label = lesions[i].id;
        s.description = u"planted %1"_s.arg(lesions[i].id);
        s.category = services::codes::MorphologicallyAlteredStructure;
        s.type = services::codes::Nodule;
        s.colour = services::segmentColour(i);
        analysis.segments << s;
    }
    analysis.frame = [&fixture, fractional](int segment, int slice, quint8 *pixels) {
        const QByteArray frame = lesionFrame(fixture, segment, slice, fractional);
        if (frame.isEmpty())
            return false;
        std::copy(frame.cbegin(), frame.cend(), reinterpret_cast<char *>(pixels));
        return true;
    };
    const services::ResultIdentity identity =
        services::ResultIdentity::create(u"test-seg"_s, u"Test segmentation"_s, u"1.0"_s);
    Result<services::SegmentationWriter::Output> written =
        services::SegmentationWriter::write(volume, analysis, identity);
    if (!written)
        return written.error();
    // Frames of odd bit counts (125 × 123 pixels) included: the writer packs them back to back
    // as PS3.5 says, which TestSegmentationReader checks against pydicom.
    return written->bytes;
}

QByteArray editDataset(const QByteArray &bytes, const std::function<void(DcmDataset &)> &edit)
{
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(bytes.size()));
    stream.setEos();
    DcmFileFormat file;
    file.transferInit();
    if (file.read(stream, EXS_Unknown).bad())
        return {};
    file.transferEnd();
    edit(*file.getDataset());
    Result<QByteArray> out = dicom::internal::fileFormatBytes(file, EXS_LittleEndianExplicit);
    return out ? *out : QByteArray();
}

void setInFunctionalGroups(DcmDataset &set,
                           bool perFrame,
                           quint16 macroGroup,
                           quint16 macroElement,
                           quint16 group,
                           quint16 element,
                           const QString &value,
                           int onlyFrame)
{
    const DcmTagKey sequence = perFrame ? DCM_PerFrameFunctionalGroupsSequence : DCM_SharedFunctionalGroupsSequence;
    for (long i = 0;; ++i) {
        DcmItem *frame = nullptr;
        if (set.findAndGetSequenceItem(sequence, frame, i).bad() || frame == nullptr)
            break;
        if (onlyFrame >= 0 && i != onlyFrame)
            continue;
        DcmItem *macro = nullptr;
        if (frame->findAndGetSequenceItem(DcmTagKey(macroGroup, macroElement), macro, 0).good() && macro != nullptr)
            macro->putAndInsertString(DcmTagKey(group, element), value.toLatin1().constData());
    }
}

} // namespace haip::test
