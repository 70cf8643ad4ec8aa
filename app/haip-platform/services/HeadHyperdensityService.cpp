#include "HeadHyperdensityService.h"

#include "BundleBuilder.h"
#include "HyperdensityDetector.h"
#include "ResultIdentity.h"
#include "ServiceSupport.h"
#include "VolumeReader.h"

#include <QJsonArray>

#include <cmath>
#include <numbers>

namespace haip::services {

using namespace Qt::StringLiterals;

HeadHyperdensityService::HeadHyperdensityService() : m_entry(QString::fromLatin1(kId)) { }

QString HeadHyperdensityService::id() const
{
    return QString::fromLatin1(kId);
}

Result<ServiceBundle> HeadHyperdensityService::analyse(const QStringList &dicomFiles,
                                                       const std::atomic<bool> *cancel,
                                                       const ProgressCallback &progress) const
{
    if (!m_entry.loaded())
        return m_entry.error;
    Result<ImageVolume> volume = VolumeReader::read(dicomFiles, m_entry.entry.input, cancel, progress, 30);
    if (!volume)
        return volume.error();
    support::report(progress, 35, u"segmenting the brain"_s);
    const Mask brain = HyperdensityDetector::brainMask(*volume);
    if (support::cancelled(cancel))
        return Error(ErrorCode::Cancelled);
    support::report(progress, 55, u"detecting hyperdensities"_s);
    const QList<HyperdensityCluster> clusters = HyperdensityDetector::detect(*volume, brain, cancel);
    if (support::cancelled(cancel))
        return Error(ErrorCode::Cancelled);

    AnalysisResult result;
    result.algorithmName = u"HAIP reference intracranial hyperdensity"_s;
    result.algorithmVersion = QString::fromLatin1(kAlgorithmVersion);
    result.title = {u"頭部CT 頭蓋内高吸収域"_s, u"Head CT intracranial hyperdensity"_s};
    result.windowCentre = 40.0;
    result.windowWidth = 80.0;
    result.method = {
        u"頭蓋骨（300 HU 超）がスライスごとに囲む最大の領域を骨から 2 mm 内側に縮めた脳マスク内で、"
        u"50〜90 HU の画素を半径 1.5 mm の球でオープニングし（大脳鎌などの薄い構造と雑音を除去）、"
        u"1 ボクセル分だけ血液濃度域内で戻した連結領域のうち 0.1 mL 以上を報告します。"_s,
        u"Inside the brain mask (the largest region the skull, above 300 HU, encloses slice by slice, 2 mm away "
        u"from the bone) voxels of 50–90 HU were opened with a 1.5 mm ball (removing thin sheets such as the falx "
        u"and noise) and regrown by one voxel within the blood range; connected clusters of 0.1 mL or more are "
        u"reported."_s};
    result.parameters = {{u"bone_threshold_hu"_s, hyperdensity::kBoneThreshold},
                         {u"blood_hu_range"_s, QJsonArray {hyperdensity::kBloodLow, hyperdensity::kBloodHigh}},
                         {u"brain_erosion_mm"_s, hyperdensity::kBrainErosionMm},
                         {u"opening_radius_mm"_s, hyperdensity::kOpeningRadiusMm},
                         {u"min_volume_ml"_s, hyperdensity::kMinVolumeMm3 / 1000.0}};

    auto voxels = std::make_shared<QList<std::vector<std::uint32_t>>>();
    for (int i = 0; i < clusters.size(); ++i) {
        const HyperdensityCluster &c = clusters[i];
        const int number = i + 1;
        Finding f;
        f.trackingId = u"hyperdensity %1"_s.arg(number);
        f.trackingUid = ResultIdentity::newUid();
        f.segmentNumber = number;
        f.finding = codes::Hemorrhage;
        f.site = codes::Brain;
        f.centroidVoxel = c.centroidVoxel;
        f.centroid = volume->patientPosition(c.centroidVoxel.x, c.centroidVoxel.y, c.centroidVoxel.z);
        f.siteText =
            support::sideText(f.centroid.x, {u"脳（右）"_s, u"brain, right"_s}, {u"脳（左）"_s, u"brain, left"_s});
        f.volumeMm3 = c.volumeMm3;
        f.equivalentDiameterMm = std::cbrt(6.0 * c.volumeMm3 / std::numbers::pi);
        f.meanValue = c.meanHu;
        result.findings.append(f);
        SegmentInfo s;
        s.number = number;
        s.label = u"Hyperdensity %1"_s.arg(number);
        s.description = u"Blood-range cluster, %1 mL"_s.arg(c.volumeMm3 / 1000.0, 0, 'f', 2);
        s.category = codes::MorphologicallyAlteredStructure;
        s.type = codes::Hemorrhage;
        s.anatomy = codes::Brain;
        s.colour = segmentColour(i + 2); // pink first: blood
        s.trackingId = f.trackingId;
        s.trackingUid = f.trackingUid;
        result.segments.append(s);
        voxels->append(c.voxels);
    }
    result.frame = support::binaryFrames(volume->geometry, voxels);
    return BundleBuilder::build(m_entry.entry, *volume, result, cancel, progress);
}

} // namespace haip::services
