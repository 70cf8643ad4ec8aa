#include "ChestNoduleService.h"

#include "BundleBuilder.h"
#include "LungSegmentation.h"
#include "NoduleDetector.h"
#include "ResultIdentity.h"
#include "ServiceSupport.h"
#include "VolumeReader.h"

#include <QJsonArray>

namespace haip::services {

using namespace Qt::StringLiterals;

ChestNoduleService::ChestNoduleService() : m_entry(QString::fromLatin1(kId)) { }

QString ChestNoduleService::id() const
{
    return QString::fromLatin1(kId);
}

Result<ServiceBundle> ChestNoduleService::analyse(const QStringList &dicomFiles,
                                                  const std::atomic<bool> *cancel,
                                                  const ProgressCallback &progress) const
{
    if (!m_entry.loaded())
        return m_entry.error;
    Result<ImageVolume> volume = VolumeReader::read(dicomFiles, m_entry.entry.input, cancel, progress, 30);
    if (!volume)
        return volume.error();
    support::report(progress, 35, u"segmenting lungs"_s);
    const Mask lung = LungSegmentation::segment(*volume);
    if (support::cancelled(cancel))
        return Error(ErrorCode::Cancelled);
    support::report(progress, 55, u"detecting nodules"_s);
    const QList<NoduleCandidate> candidates = NoduleDetector::detect(*volume, lung, cancel);
    if (support::cancelled(cancel))
        return Error(ErrorCode::Cancelled);

    AnalysisResult result;
    result.algorithmName = u"HAIP reference lung nodule candidates"_s;
    result.algorithmVersion = QString::fromLatin1(kAlgorithmVersion);
    result.title = {u"胸部CT 充実性結節候補"_s, u"Chest CT solid-nodule candidates"_s};
    result.windowCentre = -600.0;
    result.windowWidth = 1500.0;
    result.method = {
        u"肺野（体内の −980〜−400 HU の大きな連結領域）の周囲で −300 HU を超える充実部を調べ、最大内接球の中心"
        u"（半径 R）のうち、半径 1.5R の球の 75 % 以下が充実部で残りが肺野であり、ヘッセ行列の固有値比（球状度）が "
        u"0.6 以上の球状の構造を結節候補としました（血管のような管状構造は除外）。候補は中心から 1.15R＋1ボクセル以内の"
        u"連結した充実部として計測し、等価径 4 mm 以上かつ平均 −100〜200 HU のものを報告します。"_s,
        u"Around the lung fields (large connected −980…−400 HU regions inside the body) solid voxels above −300 HU "
        u"were examined at the centres of their largest inscribed balls (radius R). A centre is a candidate when at "
        u"most 75 % of the ball of radius 1.5·R is solid, the rest is lung, and the Hessian eigenvalue ratio of the "
        u"solid mask (blobness) is 0.6 or more — round, not a tube such as a vessel. Each candidate is measured as "
        u"the connected solid voxels within 1.15·R plus one voxel of its centre; those with an equivalent diameter "
        u"of 4 mm or more and a mean of −100…200 HU are reported."_s};
    result.parameters = {{u"lung_hu_range"_s, QJsonArray {lungs::kLungLow, lungs::kLungHigh}},
                         {u"solid_threshold_hu"_s, nodules::kSolidThreshold},
                         {u"min_equivalent_diameter_mm"_s, nodules::kMinDiameterMm},
                         {u"diameter_tolerance"_s, nodules::kDiameterTolerance},
                         {u"max_fill_fraction"_s, nodules::kMaxFillFraction},
                         {u"min_lung_share"_s, nodules::kMinLungShare},
                         {u"blob_sigma_factor"_s, nodules::kBlobSigmaFactor},
                         {u"min_blobness"_s, nodules::kMinBlobness},
                         {u"shape_ball_factor"_s, nodules::kShapeBallFactor},
                         {u"grow_factor"_s, nodules::kGrowFactor},
                         {u"mean_hu_range"_s, QJsonArray {nodules::kMinMeanHu, nodules::kMaxMeanHu}}};

    auto voxels = std::make_shared<QList<std::vector<std::uint32_t>>>();
    for (int i = 0; i < candidates.size(); ++i) {
        const NoduleCandidate &c = candidates[i];
        const int number = i + 1;
        Finding f;
        f.trackingId = u"nodule %1"_s.arg(number);
        f.trackingUid = ResultIdentity::newUid();
        f.segmentNumber = number;
        f.finding = codes::Nodule;
        f.centroidVoxel = c.centroidVoxel;
        f.centroid = volume->patientPosition(c.centroidVoxel.x, c.centroidVoxel.y, c.centroidVoxel.z);
        f.site = f.centroid.x < 0.0 ? codes::RightLung : codes::LeftLung;
        f.siteText = support::sideText(f.centroid.x, {u"右肺"_s, u"right lung"_s}, {u"左肺"_s, u"left lung"_s});
        f.volumeMm3 = c.volumeMm3;
        f.equivalentDiameterMm = c.equivalentDiameterMm;
        f.meanValue = c.meanHu;
        result.findings.append(f);
        SegmentInfo s;
        s.number = number;
        s.label = u"Nodule %1"_s.arg(number);
        s.description = u"Solid nodule candidate, %1 mm"_s.arg(c.equivalentDiameterMm, 0, 'f', 1);
        s.category = codes::MorphologicallyAlteredStructure;
        s.type = codes::Nodule;
        s.anatomy = f.site;
        s.colour = segmentColour(i);
        s.trackingId = f.trackingId;
        s.trackingUid = f.trackingUid;
        result.segments.append(s);
        voxels->append(c.voxels);
    }
    result.frame = support::binaryFrames(volume->geometry, voxels);
    return BundleBuilder::build(m_entry.entry, *volume, result, cancel, progress);
}

} // namespace haip::services
