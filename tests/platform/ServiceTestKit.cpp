#include "ServiceTestKit.h"

#include "TestSupport.h"
#include "dicom/DicomFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <cmath>
#include <numbers>

namespace haip::test {
namespace {

using namespace Qt::StringLiterals;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size() && f.flush();
}

// The first item of `sequence` in `item`, or nullptr.
DcmItem *firstItem(DcmItem *item, const DcmTagKey &sequence, int index = 0)
{
    DcmItem *out = nullptr;
    if (item == nullptr || item->findAndGetSequenceItem(sequence, out, index).bad())
        return nullptr;
    return out;
}

Vec3 fromJson(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
}

double findingVolume(const QJsonObject &f)
{
    return f.contains(u"volume_mm3"_s) ? f.value(u"volume_mm3"_s).toDouble() : f.value(u"area_mm2"_s).toDouble();
}

Vec3 vec3(DcmItem *item, const DcmTagKey &tag, int first = 0)
{
    Float64 x = 0, y = 0, z = 0;
    if (item != nullptr) {
        item->findAndGetFloat64(tag, x, first);
        item->findAndGetFloat64(tag, y, first + 1);
        item->findAndGetFloat64(tag, z, first + 2);
    }
    return {x, y, z};
}

} // namespace

bool makePhantom(const dicom::PhantomOptions &options, dicom::PhantomResult &result, QString &error)
{
    const Result<dicom::PhantomResult> made = dicom::PhantomGenerator::generate(options);
    if (!made) {
        error = made.error().message() + u": "_s + made.error().detail();
        return false;
    }
    result = *made;
    return true;
}

QList<TruthLesion> readGroundTruth(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<TruthLesion> out;
    const QJsonArray lesions = QJsonDocument::fromJson(f.readAll()).object().value(u"lesions"_s).toArray();
    for (const QJsonValue &v : lesions) {
        const QJsonObject o = v.toObject();
        const QJsonArray c = o.value(u"centre_mm"_s).toArray();
        // A part-solid nodule's solid core is what a solid-nodule algorithm measures.
        const double d = o.contains(u"solid_core_diameter_mm"_s) ? o.value(u"solid_core_diameter_mm"_s).toDouble()
                                                                 : o.value(u"diameter_mm"_s).toDouble();
        out.append({o.value(u"id"_s).toString(),
                    o.value(u"kind"_s).toString(),
                    {c[0].toDouble(), c[1].toDouble(), c[2].toDouble()},
                    std::numbers::pi / 6.0 * d * d * d});
    }
    return out;
}

bool writeBundle(const services::ServiceBundle &bundle, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return false;
    const QDir d(dir);
    bool ok = true;
    if (!bundle.segmentation.isEmpty())
        ok = writeFile(d.filePath(u"seg.dcm"_s), bundle.segmentation);
    ok = ok && writeFile(d.filePath(u"sr.dcm"_s), bundle.structuredReport);
    if (!bundle.presentationState.isEmpty())
        ok = ok && writeFile(d.filePath(u"gsps.dcm"_s), bundle.presentationState);
    ok = ok && writeFile(d.filePath(u"report.html"_s), bundle.htmlReport.toUtf8());
    return ok && writeFile(d.filePath(u"findings.json"_s), QJsonDocument(bundle.findings).toJson());
}

QStringList dciodvfyErrors(const QString &path, bool &ran)
{
    const QString tool = findTool(u"dciodvfy"_s);
    ran = false;
    if (tool.isEmpty())
        return {};
    const ProcessResult r = run(tool, {path}, 60000);
    ran = r.finished;
    QStringList errors;
    // dciodvfy reports on stderr, one message per line: "Error - …", "Warning - …".
    for (const QByteArray &line : (r.err + r.out).split('\n')) {
        if (line.startsWith("Error"))
            errors.append(QString::fromUtf8(line));
    }
    return errors;
}

SegReadBack readSegmentation(const QString &path)
{
    SegReadBack out;
    DcmFileFormat file;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        out.error = u"cannot open "_s + path;
        return out;
    }
    f.close();
    if (file.loadFile(OFFilename(QFile::encodeName(path).constData())).bad()) {
        out.error = u"DCMTK cannot parse "_s + path;
        return out;
    }
    DcmDataset *ds = file.getDataset();
    OFString type;
    ds->findAndGetOFString(DCM_SegmentationType, type);
    out.segmentationType = QString::fromLatin1(type.c_str());
    Uint16 rows = 0, columns = 0, bitsAllocated = 0;
    Sint32 frames = 0;
    ds->findAndGetUint16(DCM_Rows, rows);
    ds->findAndGetUint16(DCM_Columns, columns);
    ds->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    ds->findAndGetSint32(DCM_NumberOfFrames, frames);
    out.frames = int(frames);

    DcmItem *shared = firstItem(ds, DCM_SharedFunctionalGroupsSequence);
    DcmItem *measures = firstItem(shared, DCM_PixelMeasuresSequence);
    Float64 rowSpacing = 0, columnSpacing = 0, sliceSpacing = 0;
    if (measures != nullptr) {
        measures->findAndGetFloat64(DCM_PixelSpacing, rowSpacing, 0);
        measures->findAndGetFloat64(DCM_PixelSpacing, columnSpacing, 1);
        measures->findAndGetFloat64(DCM_SpacingBetweenSlices, sliceSpacing);
    }
    out.pixelArea = rowSpacing * columnSpacing;
    out.sliceSpacing = sliceSpacing;
    DcmItem *orientation = firstItem(shared, DCM_PlaneOrientationSequence);
    const Vec3 rowDir = vec3(orientation, DCM_ImageOrientationPatient, 0);
    const Vec3 colDir = vec3(orientation, DCM_ImageOrientationPatient, 3);

    const Uint8 *pixels = nullptr;
    unsigned long length = 0;
    DcmElement *pixelData = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, pixelData).bad() || pixelData == nullptr ||
        pixelData->getUint8Array(const_cast<Uint8 *&>(pixels)).bad() || pixels == nullptr) {
        out.error = u"no pixel data"_s;
        return out;
    }
    length = pixelData->getLength();
    const std::size_t frameSize = std::size_t(rows) * std::size_t(columns);
    const std::size_t needed =
        bitsAllocated == 1 ? (frameSize * std::size_t(frames) + 7) / 8 : frameSize * std::size_t(frames);
    if (length < needed) {
        out.error = u"pixel data too short"_s;
        return out;
    }

    QMap<int, Vec3> weighted;
    for (int i = 0; i < frames; ++i) {
        DcmItem *perFrame = firstItem(ds, DCM_PerFrameFunctionalGroupsSequence, i);
        Uint16 segment = 0;
        if (DcmItem *id = firstItem(perFrame, DCM_SegmentIdentificationSequence))
            id->findAndGetUint16(DCM_ReferencedSegmentNumber, segment);
        const Vec3 position = vec3(firstItem(perFrame, DCM_PlanePositionSequence), DCM_ImagePositionPatient);
        if (DcmItem *source = firstItem(firstItem(perFrame, DCM_DerivationImageSequence), DCM_SourceImageSequence)) {
            OFString uid;
            source->findAndGetOFString(DCM_ReferencedSOPInstanceUID, uid);
            out.referencedInstances.append(QString::fromLatin1(uid.c_str()));
        }
        SegSegment &s = out.segments[int(segment)];
        for (std::size_t p = 0; p < frameSize; ++p) {
            const std::size_t bit = std::size_t(i) * frameSize + p;
            // BINARY frames are one bit per pixel, least significant bit first, frames back to back.
            const double v = bitsAllocated == 1 ? double((pixels[bit / 8] >> (bit % 8)) & 1) : double(pixels[bit]);
            if (v == 0.0)
                continue;
            const double r = double(p / columns), c = double(p % columns);
            const Vec3 at = position + rowDir * (c * columnSpacing) + colDir * (r * rowSpacing);
            ++s.voxels;
            s.valueSum += v;
            weighted[int(segment)] = weighted[int(segment)] + at * v;
        }
    }
    for (auto it = out.segments.begin(); it != out.segments.end(); ++it) {
        if (it->valueSum > 0.0)
            it->centroid = weighted[it.key()] * (1.0 / it->valueSum);
    }
    return out;
}

QString compareWithTruth(const QJsonObject &findings,
                         const QList<TruthLesion> &truth,
                         double maxDistanceMm,
                         double maxVolumeError,
                         bool allowExtra)
{
    const QJsonArray list = findings.value(u"findings"_s).toArray();
    QList<bool> matched(list.size(), false);
    QStringList problems;
    for (const TruthLesion &lesion : truth) {
        int best = -1;
        double bestDistance = 1e30;
        for (int i = 0; i < list.size(); ++i) {
            const double d = (fromJson(list[i].toObject().value(u"centroid_mm"_s)) - lesion.centre).length();
            if (d < bestDistance)
                best = i, bestDistance = d;
        }
        if (best < 0 || bestDistance > maxDistanceMm) {
            problems.append(u"%1 not found (nearest finding %2 mm away)"_s.arg(lesion.id).arg(bestDistance, 0, 'f', 2));
            continue;
        }
        matched[best] = true;
        const double volume = findingVolume(list[best].toObject());
        const double error = std::abs(volume - lesion.volumeMm3) / lesion.volumeMm3;
        if (error > maxVolumeError)
            problems.append(u"%1: volume %2 mm³, truth %3 mm³ (%4 %)"_s.arg(lesion.id)
                                .arg(volume, 0, 'f', 1)
                                .arg(lesion.volumeMm3, 0, 'f', 1)
                                .arg(error * 100.0, 0, 'f', 1));
    }
    for (int i = 0; i < list.size() && !allowExtra; ++i) {
        if (!matched[i])
            problems.append(u"false positive %1 at %2"_s.arg(
                list[i].toObject().value(u"tracking_id"_s).toString(),
                QString::fromUtf8(QJsonDocument(list[i].toObject().value(u"centroid_mm"_s).toArray())
                                      .toJson(QJsonDocument::Compact))));
    }
    return problems.join(u"; "_s);
}

QString checkDciodvfy(const QString &path)
{
    bool ran = false;
    const QStringList errors = dciodvfyErrors(path, ran);
    if (!ran)
        return u"dciodvfy did not run: install the Debian package dicom3tools"_s;
    return errors.join(u"\n"_s);
}

QString checkSegmentation(const QString &path,
                          const QJsonObject &findings,
                          const QStringList &sourceUids,
                          bool exactVolume,
                          double maxDistanceMm)
{
    const SegReadBack seg = readSegmentation(path);
    if (!seg.error.isEmpty())
        return seg.error;
    const QJsonObject object = findings.value(u"objects"_s).toObject().value(u"segmentation"_s).toObject();
    if (object.value(u"frames"_s).toInt() != seg.frames)
        return u"findings JSON says %1 frames, the SEG has %2"_s.arg(object.value(u"frames"_s).toInt()).arg(seg.frames);
    if (object.value(u"segmentation_type"_s).toString() != seg.segmentationType)
        return u"segmentation type %1 in the SEG"_s.arg(seg.segmentationType);
    for (const QString &uid : seg.referencedInstances) {
        if (!sourceUids.contains(uid))
            return u"a frame derives from %1, not one of the source images"_s.arg(uid);
    }
    const bool twoD = findings.value(u"source"_s).toObject().value(u"slices"_s).toInt() == 1;
    const double voxel = twoD ? seg.pixelArea : seg.pixelArea * seg.sliceSpacing;
    QStringList problems;
    for (const QJsonValue &v : findings.value(u"findings"_s).toArray()) {
        const QJsonObject f = v.toObject();
        const int number = f.value(u"segment_number"_s).toInt();
        const SegSegment s = seg.segments.value(number);
        const QString id = f.value(u"tracking_id"_s).toString();
        if (s.voxels == 0) {
            problems.append(u"%1: segment %2 is empty"_s.arg(id).arg(number));
            continue;
        }
        const double volume = double(s.voxels) * voxel;
        // The JSON rounds volumes to 0.1 mm³.
        if (exactVolume && std::abs(volume - findingVolume(f)) > 0.1 + 1e-6 * volume)
            problems.append(
                u"%1: the SEG holds %2 mm³, the finding says %3"_s.arg(id).arg(volume).arg(findingVolume(f)));
        const double d = (s.centroid - fromJson(f.value(u"centroid_mm"_s))).length();
        if (d > maxDistanceMm)
            problems.append(u"%1: SEG centroid %2 mm from the finding's"_s.arg(id).arg(d, 0, 'f', 2));
    }
    return problems.join(u"; "_s);
}

QString checkReport(const QString &path, const QJsonObject &findings)
{
    const QString tool = findTool(u"dsrdump"_s);
    if (tool.isEmpty())
        return u"dsrdump not found: install the Debian package dcmtk"_s;
    const ProcessResult r = run(tool, {path}, 60000);
    if (!r.finished || r.exitCode != 0)
        return u"dsrdump failed on "_s + path;
    const QString dump = QString::fromUtf8(r.out);
    const QJsonArray list = findings.value(u"findings"_s).toArray();
    if (list.isEmpty())
        return dump.contains(u"\"No abnormality detected\""_s) ? QString() : u"no qualitative evaluation"_s;
    // Measurement groups, in order, as text.
    QStringList groups = dump.split(u"\"Measurement Group\""_s);
    groups.removeFirst();
    if (groups.size() != list.size())
        return u"%1 measurement groups for %2 findings"_s.arg(groups.size()).arg(list.size());
    const QRegularExpression trackingId(u"\"Tracking Identifier\"\\)=\"([^\"]*)\""_s);
    const QRegularExpression segment(u"\"Referenced Segment\"\\)=\\(SG image,,(\\d+)\\)"_s);
    const QRegularExpression size(u"NUM:\\(,,\"(?:Volume|Area)\"\\)=\"([0-9.]+)\""_s);
    QStringList problems;
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject f = list[i].toObject();
        const QString id = f.value(u"tracking_id"_s).toString();
        const QString group = groups[i];
        if (trackingId.match(group).captured(1) != id)
            problems.append(u"group %1 is not %2"_s.arg(i + 1).arg(id));
        if (segment.match(group).captured(1).toInt() != f.value(u"segment_number"_s).toInt())
            problems.append(u"%1: referenced segment differs"_s.arg(id));
        const QRegularExpressionMatch m = size.match(group);
        if (!m.hasMatch() || std::abs(m.captured(1).toDouble() - findingVolume(f)) > 0.051)
            problems.append(u"%1: SR size %2, JSON %3"_s.arg(id, m.captured(1)).arg(findingVolume(f)));
    }
    return problems.join(u"; "_s);
}

QStringList sopInstanceUids(const QStringList &files)
{
    QStringList out;
    for (const QString &path : files) {
        const Result<dicom::DicomFile> file = dicom::DicomFile::open(path, dicom::DicomFile::Content::HeaderOnly);
        if (file)
            out.append(file->info().sopInstanceUid);
    }
    return out;
}

} // namespace haip::test
