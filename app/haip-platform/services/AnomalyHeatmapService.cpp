#include "AnomalyHeatmapService.h"

#include "AnomalyMap.h"
#include "BundleBuilder.h"
#include "ResultIdentity.h"
#include "ServiceSupport.h"
#include "VolumeReader.h"

#include <cmath>
#include <numbers>

namespace haip::services {

using namespace Qt::StringLiterals;

AnomalyHeatmapService::AnomalyHeatmapService() : m_entry(QString::fromLatin1(kId)) { }

QString AnomalyHeatmapService::id() const
{
    return QString::fromLatin1(kId);
}

Result<ServiceBundle> AnomalyHeatmapService::analyse(const QStringList &dicomFiles,
                                                     const std::atomic<bool> *cancel,
                                                     const ProgressCallback &progress) const
{
    if (!m_entry.loaded())
        return m_entry.error;
    Result<ImageVolume> volume = VolumeReader::read(dicomFiles, m_entry.entry.input, cancel, progress, 30);
    if (!volume)
        return volume.error();
    support::report(progress, 40, u"computing the heat map"_s);
    auto map = std::make_shared<AnomalyMap>();
    if (!map->compute(*volume, cancel))
        return Error(ErrorCode::Cancelled);

    const bool twoD = volume->geometry.slices == 1;
    const bool ct = volume->series.modality == u"CT";
    AnalysisResult result;
    result.fractional = true;
    result.isTwoDimensional = twoD;
    result.algorithmName = u"HAIP reference local anomaly map"_s;
    result.algorithmVersion = QString::fromLatin1(kAlgorithmVersion);
    result.title = {u"局所異常ヒートマップ"_s, u"Local anomaly heat map"_s};
    if (ct && volume->series.bodyPartExamined.contains(u"HEAD"_s, Qt::CaseInsensitive))
        result.windowCentre = 40.0, result.windowWidth = 80.0;
    else if (ct)
        result.windowCentre = -300.0, result.windowWidth = 1600.0;
    result.method = {
        u"作業格子上で細かい平均（σ 4 mm）と広い平均（σ 16 mm）の差を頑健な広がりで割った局所 z スコアと、"
        u"CTでは正中矢状面の鏡像との差の z スコアを求め、同じ向きにずれている点で小さい方の絶対値を異常スコア"
        u"（単純X線では局所 z スコア）としました。ヒート値は中心 4・幅 0.75 のロジスティック関数で、ヒート 0.5 以上の"
        u"連結領域のうちスコア 8 以上（単一画像では 12 以上）を含むものを所見候補とします。"_s,
        u"On the working grid the difference between a fine (σ 4 mm) and a coarse (σ 16 mm) local mean, divided "
        u"by a robust spread, gives a local z-score; on CT a second z-score compares with the mirror image across "
        u"the mid-sagittal plane. Where both deviate the same way the smaller magnitude is the anomaly score "
        u"(radiographs: the local z-score). Heat is a logistic curve of the score (centre 4, width 0.75); connected "
        u"regions of heat 0.5 or more that reach a score of 8 (12 on a single image) are reported as candidate "
        u"findings."_s};
    result.scoreNote = {u"z スコアの正は周囲より高吸収（明るい）、負は低吸収（暗い）を表します。"_s,
                        u"A positive z-score is denser (brighter) than expected, a negative one less dense."_s};
    result.parameters = {{u"working_spacing_mm"_s, twoD ? anomaly::kWorkingSpacing2dMm : anomaly::kWorkingSpacingMm},
                         {u"fine_sigma_mm"_s, anomaly::kFineSigmaMm},
                         {u"coarse_sigma_mm"_s, anomaly::kCoarseSigmaMm},
                         {u"dense_limit_hu"_s, anomaly::kDenseLimit},
                         {u"score_centre"_s, anomaly::kScoreCentre},
                         {u"score_width"_s, anomaly::kScoreWidth},
                         {u"region_heat"_s, anomaly::kRegionHeat},
                         {u"min_region_peak_score"_s, twoD ? anomaly::kMinRegionPeak2d : anomaly::kMinRegionPeak},
                         {u"max_regions"_s, anomaly::kMaxRegions}};

    SegmentInfo heat;
    heat.number = 1;
    heat.label = u"Anomaly heat map"_s;
    heat.description = u"Local anomaly likelihood (reference algorithm)"_s;
    heat.category = codes::MorphologicallyAlteredStructure;
    heat.type = codes::Lesion;
    heat.colour = QColor(255, 64, 0);
    result.segments.append(heat);
    const QList<AnomalyRegion> &regions = map->regions();
    for (int i = 0; i < regions.size(); ++i) {
        const AnomalyRegion &r = regions[i];
        const int number = i + 2;
        Finding f;
        f.trackingId = u"anomaly %1"_s.arg(i + 1);
        f.trackingUid = ResultIdentity::newUid();
        f.segmentNumber = number;
        f.finding = codes::Lesion;
        f.centroidVoxel = r.centroidVoxel;
        f.centroid = volume->patientPosition(r.centroidVoxel.x, r.centroidVoxel.y, r.centroidVoxel.z);
        f.siteText = {r.peakScore >= 0.0 ? u"高吸収・高信号側"_s : u"低吸収・低信号側"_s,
                      r.peakScore >= 0.0 ? u"denser / brighter than expected"_s
                                         : u"less dense / darker than expected"_s};
        f.volumeMm3 = r.volumeMm3;
        f.equivalentDiameterMm =
            twoD ? 2.0 * std::sqrt(r.volumeMm3 / std::numbers::pi) : std::cbrt(6.0 * r.volumeMm3 / std::numbers::pi);
        f.meanValue = r.meanValue;
        f.peakScore = r.peakScore;
        result.findings.append(f);
        SegmentInfo s;
        s.number = number;
        s.label = u"Anomaly region %1"_s.arg(i + 1);
        s.description = u"Heat of region %1 (peak z %2)"_s.arg(i + 1).arg(r.peakScore, 0, 'f', 1);
        s.category = codes::MorphologicallyAlteredStructure;
        s.type = codes::Lesion;
        s.colour = segmentColour(i);
        s.trackingId = f.trackingId;
        s.trackingUid = f.trackingUid;
        result.segments.append(s);
    }
    const VolumeGeometry g = volume->geometry;
    result.frame = [map, g](int segment, int k, quint8 *pixels) {
        bool any = false;
        for (int r = 0; r < g.rows; ++r) {
            for (int c = 0; c < g.columns; ++c) {
                if (segment > 1 && !map->inRegion(segment - 2, c, r, k))
                    continue;
                const quint8 v = map->heatAt(c, r, k);
                pixels[std::size_t(r) * std::size_t(g.columns) + std::size_t(c)] = v;
                any = any || v > 0;
            }
        }
        return any;
    };
    return BundleBuilder::build(m_entry.entry, *volume, result, cancel, progress);
}

} // namespace haip::services
