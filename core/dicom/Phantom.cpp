// PhantomGenerator: samples an anatomy model (internal/ChestPhantom.cpp, HeadPhantom.cpp) on
// the slice grid, adds seeded Gaussian noise, and writes the slices in parallel through
// PhantomWriter, then ground-truth.json. Every slice draws its noise from its own stream
// (seed, slice index), so the bytes do not depend on thread scheduling.
#include "dicom/Phantom.h"

#include "dicom/internal/PhantomModel.h"
#include "dicom/internal/PhantomRandom.h"
#include "dicom/internal/PhantomWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent>

#include <array>
#include <cmath>
#include <numeric>
#include <optional>
#include <vector>

namespace haip::dicom {
namespace {

using namespace Qt::StringLiterals;
using namespace phantom;

constexpr double kRescaleIntercept = -1024.0;
constexpr int kMaxStored = 4095; // HU 3071: the top of the usual CT range

// The decimal form of a 128-bit big-endian number (for 2.25.<uuid> UIDs, PS3.5 B.2).
QString decimal128(const QByteArray &bytes)
{
    std::array<quint32, 4> limbs {};
    for (int i = 0; i < 16; ++i)
        limbs[size_t(i / 4)] = (limbs[size_t(i / 4)] << 8) | quint8(bytes[i]);
    QString digits;
    auto isZero = [&] {
        return limbs[0] == 0 && limbs[1] == 0 && limbs[2] == 0 && limbs[3] == 0;
    };
    do {
        quint64 remainder = 0;
        for (quint32 &limb : limbs) {
            const quint64 value = (remainder << 32) | limb;
            limb = quint32(value / 10);
            remainder = value % 10;
        }
        digits.prepend(QChar(u'0' + char16_t(remainder)));
    } while (!isZero());
    return digits;
}

// Deterministic UIDs: a name-based (version 5) UUID of kind, seed and role under 2.25.
QString phantomUid(const QString &kind, quint64 seed, const QString &role)
{
    static const QUuid ns = QUuid::fromString(u"{5b0d2f38-6a43-4f5e-9c1e-2f8a6b7d4c11}"_s);
    const QUuid uuid = QUuid::createUuidV5(ns, u"haip-phantom/%1/%2/%3"_s.arg(kind).arg(seed).arg(role));
    return u"2.25."_s + decimal128(uuid.toRfc4122());
}

QJsonArray jsonVec(const Vec3 &v)
{
    return {v.x, v.y, v.z};
}

Error invalid(const QString &what)
{
    return Error(ErrorCode::InvalidArgument, what);
}

} // namespace

Result<PhantomResult> PhantomGenerator::generate(const PhantomOptions &options)
{
    if (options.outputDir.isEmpty())
        return invalid(u"no output folder"_s);
    if (options.rows < 8 || options.rows > 4096 || options.columns < 8 || options.columns > 4096)
        return invalid(u"rows and columns must be 8…4096"_s);
    if (options.slices < 0 || options.slices > 5000)
        return invalid(u"slices must be 1…5000"_s);
    if (options.sliceSpacing < 0.0 || options.sliceSpacing > 50.0)
        return invalid(u"slice spacing must be 0…50 mm"_s);

    const std::unique_ptr<AnatomyModel> model =
        options.kind == PhantomKind::HeadCt ? makeHeadModel() : makeChestModel();
    if (!options.lesions)
        model->removeLesions();
    const StudyProfile &profile = model->profile();
    const QString kind = QString::fromLatin1(profile.kindName);
    const int slices = options.slices > 0 ? options.slices : model->defaultSlices();
    const double spacingZ = options.sliceSpacing > 0.0 ? options.sliceSpacing : model->defaultScanLength() / slices;
    const double firstZ = model->scanCentre() - 0.5 * (slices - 1) * spacingZ;

    PlaneGrid grid;
    grid.rows = options.rows;
    grid.columns = options.columns;
    grid.spacing = model->fieldOfView() / std::max(options.rows, options.columns);
    grid.x0 = -0.5 * (options.columns - 1) * grid.spacing;
    grid.y0 = -0.5 * (options.rows - 1) * grid.spacing;

    // One patient for every kind of the same seed, so the index shows two studies of one person.
    const quint64 seed = options.seed;
    const QString patientKey = QString::number(mixSeed(seed, 0x9A71E27ULL) % 100000000ULL).rightJustified(8, u'0');
    PhantomHeader header;
    header.profile = &profile;
    header.studyInstanceUid = phantomUid(kind, seed, u"study"_s);
    header.seriesInstanceUid = phantomUid(kind, seed, u"series"_s);
    header.frameOfReferenceUid = phantomUid(kind, seed, u"frame-of-reference"_s);
    header.patientName = encodeIso2022Jp(options.patientName.isEmpty() ? u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s
                                                                       : options.patientName);
    header.studyDescription =
        encodeIso2022Jp(QString::fromLatin1(profile.studyDescriptionAscii) + profile.studyDescriptionJapanese);
    header.institutionName = encodeIso2022Jp(u"HAIP Test Hospital 試験病院"_s);
    if (header.patientName.isEmpty() || header.studyDescription.isEmpty() || header.institutionName.isEmpty())
        return Error(ErrorCode::UnsupportedCharacterSet, u"ISO 2022 IR 87"_s, options.outputDir);
    header.patientId = u"PHANTOM-"_s + patientKey;
    header.patientBirthDate = u"19580412"_s;
    header.patientSex = u"M"_s;
    header.patientAge = u"066Y"_s;
    header.accessionNumber = u"PH"_s + QString::number(mixSeed(seed, quint64(options.kind) + 7) % 100000000ULL);
    header.studyDate = options.kind == PhantomKind::HeadCt ? u"20250302"_s : u"20250301"_s;
    header.studyTime = options.kind == PhantomKind::HeadCt ? u"091500"_s : u"103000"_s;
    header.rows = grid.rows;
    header.columns = grid.columns;
    header.pixelSpacing = grid.spacing;
    header.x0 = grid.x0;
    header.y0 = grid.y0;
    header.sliceThickness = spacingZ;
    header.rescaleIntercept = kRescaleIntercept;
    const PhantomWriter writer(header);

    const QDir dir(options.outputDir);
    if (!QDir().mkpath(dir.absolutePath()))
        return Error(ErrorCode::WriteFailed, u"cannot create the folder"_s, options.outputDir);

    PhantomResult result;
    result.studyInstanceUid = header.studyInstanceUid;
    result.seriesInstanceUid = header.seriesInstanceUid;
    for (int k = 0; k < slices; ++k)
        result.files.append(dir.absoluteFilePath(u"CT%1.dcm"_s.arg(k + 1, 6, 10, QChar(u'0'))));

    static const GaussianTable gaussian;
    const float noiseSd = float(model->noiseSd());
    const size_t pixelCount = size_t(grid.rows) * size_t(grid.columns);
    std::vector<std::optional<Error>> failures(static_cast<size_t>(slices));
    auto makeSlice = [&](int k) {
        const double z = firstZ + k * spacingZ;
        std::vector<float> hu(pixelCount);
        model->render(z, grid, hu.data());
        const PhantomSlice slice {k + 1, z, phantomUid(kind, seed, u"instance/%1"_s.arg(k + 1))};
        const Result<void> written = writer.write(
            slice,
            [&](quint16 *stored) {
                SplitMix64 rng(mixSeed(seed, quint64(k) + 1));
                quint64 bits = 0;
                int left = 0;
                for (size_t i = 0; i < pixelCount; ++i) {
                    if (left == 0) {
                        bits = rng.next();
                        left = 5; // five 12-bit draws per 64-bit word
                    }
                    const float noise = noiseSd * gaussian[quint32(bits)];
                    bits >>= GaussianTable::kBits;
                    --left;
                    const int value = int(std::floor(hu[i] + noise + 0.5f)) - int(kRescaleIntercept);
                    stored[i] = quint16(std::clamp(value, 0, kMaxStored));
                }
            },
            result.files[k]);
        if (!written)
            failures[size_t(k)] = written.error();
    };
    std::vector<int> indices(static_cast<size_t>(slices));
    std::iota(indices.begin(), indices.end(), 0);
    QThreadPool pool;
    pool.setMaxThreadCount(options.threads > 0 ? options.threads : QThread::idealThreadCount());
    QtConcurrent::blockingMap(&pool, indices, makeSlice);
    for (const std::optional<Error> &f : failures) {
        if (f)
            return *f;
    }

    // Ground truth: where each lesion is, in mm, in voxel indices, and which slices cut it.
    QJsonArray lesions;
    for (const Lesion &l : model->lesions()) {
        QJsonArray cut;
        for (int k = 0; k < slices; ++k) {
            if (std::abs(firstZ + k * spacingZ - l.centre.z) < l.diameter / 2.0)
                cut.append(k);
        }
        QJsonObject o {{u"id"_s, l.id},
                       {u"kind"_s, l.kind},
                       {u"location"_s, l.location},
                       {u"centre_mm"_s, jsonVec(l.centre)},
                       {u"diameter_mm"_s, l.diameter},
                       {u"mean_hu"_s, std::round(l.meanHu() * 10.0) / 10.0},
                       {u"centre_voxel"_s,
                        QJsonArray {(l.centre.x - grid.x0) / grid.spacing,
                                    (l.centre.y - grid.y0) / grid.spacing,
                                    (l.centre.z - firstZ) / spacingZ}},
                       {u"slices"_s, cut}};
        if (l.coreDiameter > 0.0) {
            o.insert(u"ground_glass_hu"_s, l.hu);
            o.insert(u"solid_core_diameter_mm"_s, l.coreDiameter);
            o.insert(u"solid_core_hu"_s, l.coreHu);
        }
        lesions.append(o);
    }
    QJsonArray files;
    for (const QString &f : std::as_const(result.files))
        files.append(QFileInfo(f).fileName());
    QJsonArray windows;
    for (const WindowPreset &w : profile.windows)
        windows.append(QJsonObject {
            {u"name"_s, QString::fromLatin1(w.explanation)}, {u"center"_s, w.centre}, {u"width"_s, w.width}});
    const QJsonObject truth {
        {u"kind"_s, kind},
        {u"seed"_s, QString::number(seed)},
        {u"study_instance_uid"_s, header.studyInstanceUid},
        {u"series_instance_uid"_s, header.seriesInstanceUid},
        {u"frame_of_reference_uid"_s, header.frameOfReferenceUid},
        {u"patient_id"_s, header.patientId},
        {u"patient_name"_s, u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s},
        {u"rows"_s, grid.rows},
        {u"columns"_s, grid.columns},
        {u"slices"_s, slices},
        {u"pixel_spacing_mm"_s, QJsonArray {grid.spacing, grid.spacing}},
        {u"slice_spacing_mm"_s, spacingZ},
        {u"slice_thickness_mm"_s, spacingZ},
        {u"first_image_position_mm"_s, QJsonArray {grid.x0, grid.y0, firstZ}},
        {u"image_orientation"_s, QJsonArray {1, 0, 0, 0, 1, 0}},
        {u"slice_order"_s, u"inferior to superior; slice index k is file k+1, z = first z + k × spacing"_s},
        {u"storage"_s, u"unsigned 16-bit; HU = stored + rescale_intercept (slope 1), clamped to -1024..3071"_s},
        {u"rescale_intercept"_s, kRescaleIntercept},
        {u"rescale_slope"_s, 1.0},
        {u"noise_sd_hu"_s, model->noiseSd()},
        {u"windows"_s, windows},
        {u"files"_s, files},
        {u"lesions"_s, lesions},
    };
    result.groundTruthPath = dir.absoluteFilePath(u"ground-truth.json"_s);
    QFile out(result.groundTruthPath);
    const QByteArray json = QJsonDocument(truth).toJson(QJsonDocument::Indented);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(json) != json.size() || !out.flush())
        return Error(ErrorCode::WriteFailed, out.errorString(), result.groundTruthPath);
    return result;
}

} // namespace haip::dicom
