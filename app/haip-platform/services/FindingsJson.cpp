#include "FindingsJson.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace haip::services {
namespace {

using namespace Qt::StringLiterals;

QJsonObject code(const CodedConcept &c)
{
    if (*c.value == '\0')
        return {};
    return {{u"code"_s, c.codeValue()}, {u"scheme"_s, c.schemeDesignator()}, {u"meaning"_s, c.codeMeaning()}};
}

QJsonArray vec(const Vec3 &v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return {std::round(v.x * f) / f, std::round(v.y * f) / f, std::round(v.z * f) / f};
}

double rounded(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

} // namespace

int FindingsJson::nearestSlice(const ImageVolume &volume, const Finding &finding)
{
    return std::clamp(int(std::lround(finding.centroidVoxel.z)), 0, std::max(0, volume.geometry.slices - 1));
}

LocalizedText FindingsJson::notice()
{
    // Both languages always travel together: the bundle reads the same wherever it is opened.
    return {u"研究用途限定の参照アルゴリズムです。診断には使用できません。結果は必ず医師が画像で確認してください。"_s,
            u"Research use only — reference algorithm. Not for diagnostic use; a physician must confirm every "
            u"result on the images."_s};
}

LocalizedText FindingsJson::summary(const AnalysisResult &analysis)
{
    const int n = int(analysis.findings.size());
    if (n == 0)
        return {u"所見候補は検出されませんでした。"_s, u"No candidate findings were detected."_s};
    return {u"%1 件の所見候補を検出しました。"_s.arg(n),
            n == 1 ? u"1 candidate finding was detected."_s : u"%1 candidate findings were detected."_s.arg(n)};
}

QJsonObject FindingsJson::build(const CatalogEntry &entry,
                                const ImageVolume &volume,
                                const AnalysisResult &analysis,
                                const ResultIdentity &identity,
                                const Objects &objects)
{
    const VolumeGeometry &g = volume.geometry;
    const bool ct = volume.series.modality == u"CT";
    QJsonArray findings;
    for (const Finding &f : analysis.findings) {
        const int k = nearestSlice(volume, f);
        QJsonObject o {{u"tracking_id"_s, f.trackingId},
                       {u"tracking_uid"_s, f.trackingUid},
                       {u"segment_number"_s, objects.segmentation ? QJsonValue(f.segmentNumber) : QJsonValue()},
                       {u"finding"_s, code(f.finding)},
                       {u"site"_s, code(f.site)},
                       {u"site_text"_s, f.siteText.toJson()},
                       {u"centroid_mm"_s, vec(f.centroid, 2)},
                       {u"centroid_voxel"_s, vec(f.centroidVoxel, 2)},
                       {u"slice_index"_s, k},
                       {u"slice_sop_instance_uid"_s, volume.sources.value(k).sopInstanceUid},
                       {u"equivalent_diameter_mm"_s, rounded(f.equivalentDiameterMm, 2)}};
        if (analysis.isTwoDimensional) {
            o.insert(u"area_mm2"_s, rounded(f.volumeMm3, 1));
        } else {
            o.insert(u"volume_mm3"_s, rounded(f.volumeMm3, 1));
            o.insert(u"volume_ml"_s, rounded(f.volumeMm3 / 1000.0, 3));
        }
        o.insert(ct ? u"mean_hu"_s : u"mean_value"_s, rounded(f.meanValue, 1));
        if (f.peakScore)
            o.insert(u"peak_z_score"_s, rounded(*f.peakScore, 2));
        findings.append(o);
    }
    QJsonArray segments;
    for (const SegmentInfo &s : analysis.segments) {
        segments.append(QJsonObject {{u"number"_s, s.number},
                                     {u"label"_s, s.label},
                                     {u"description"_s, s.description},
                                     {u"category"_s, code(s.category)},
                                     {u"type"_s, code(s.type)},
                                     {u"display_colour"_s, s.colour.name()}});
    }
    const QJsonObject segmentation = objects.segmentation
        ? QJsonObject {{u"sop_class_uid"_s, u"1.2.840.10008.5.1.4.1.1.66.4"_s},
                       {u"sop_instance_uid"_s, identity.segmentationInstanceUid},
                       {u"series_instance_uid"_s, identity.segmentationSeriesUid},
                       {u"segmentation_type"_s, analysis.fractional ? u"FRACTIONAL"_s : u"BINARY"_s},
                       {u"fractional_type"_s, analysis.fractional ? QJsonValue(u"PROBABILITY"_s) : QJsonValue()},
                       {u"frames"_s, objects.segmentationFrames}}
        : QJsonObject {};
    const QJsonObject report {{u"sop_class_uid"_s, u"1.2.840.10008.5.1.4.1.1.88.22"_s},
                              {u"sop_instance_uid"_s, identity.reportInstanceUid},
                              {u"series_instance_uid"_s, identity.reportSeriesUid},
                              {u"template"_s, u"TID 1500"_s}};
    const QJsonObject source {
        {u"study_instance_uid"_s, volume.series.studyInstanceUid},
        {u"series_instance_uid"_s, volume.series.seriesInstanceUid},
        {u"frame_of_reference_uid"_s, volume.series.frameOfReferenceUid},
        {u"modality"_s, volume.series.modality},
        {u"slices"_s, g.slices},
        {u"rows"_s, g.rows},
        {u"columns"_s, g.columns},
        {u"pixel_spacing_mm"_s, QJsonArray {rounded(g.rowSpacing, 4), rounded(g.columnSpacing, 4)}},
        {u"slice_spacing_mm"_s, g.slices > 1 ? QJsonValue(rounded(g.sliceSpacing, 4)) : QJsonValue()},
    };
    return {
        {u"schema"_s, QString::fromLatin1(kSchema)},
        {u"service"_s,
         QJsonObject {{u"id"_s, entry.id},
                      {u"name"_s, entry.name.toJson()},
                      {u"vendor"_s, entry.vendor},
                      {u"version"_s, entry.version},
                      {u"regulatory_status"_s, entry.regulatoryStatus}}},
        {u"algorithm"_s,
         QJsonObject {{u"name"_s, analysis.algorithmName},
                      {u"version"_s, analysis.algorithmVersion},
                      {u"parameters"_s, analysis.parameters}}},
        {u"created"_s, identity.created.toString(Qt::ISODate)},
        {u"source"_s, source},
        {u"objects"_s,
         QJsonObject {{u"segmentation"_s, objects.segmentation ? QJsonValue(segmentation) : QJsonValue()},
                      {u"structured_report"_s, report}}},
        {u"segments"_s, segments},
        {u"findings"_s, findings},
        {u"summary"_s, summary(analysis).toJson()},
        {u"notice"_s, notice().toJson()},
    };
}

} // namespace haip::services
