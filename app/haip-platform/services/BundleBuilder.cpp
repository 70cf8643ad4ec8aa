#include "BundleBuilder.h"

#include "FindingsJson.h"
#include "HtmlReportWriter.h"
#include "MeasurementReportWriter.h"
#include "PresentationStateWriter.h"
#include "ResultIdentity.h"
#include "SegmentationWriter.h"

namespace haip::services {

using namespace Qt::StringLiterals;

Result<ServiceBundle> BundleBuilder::build(const CatalogEntry &entry,
                                           const ImageVolume &volume,
                                           const AnalysisResult &analysis,
                                           const std::atomic<bool> *cancel,
                                           const ProgressCallback &progress)
{
    auto cancelled = [&] {
        return cancel != nullptr && cancel->load();
    };
    auto report = [&](int percent, const QString &stage) {
        if (progress)
            progress(percent, stage);
    };
    const ResultIdentity identity = ResultIdentity::create(entry.id, entry.name.en, entry.version);
    ServiceBundle bundle;

    report(80, u"writing segmentation"_s);
    const Result<SegmentationWriter::Output> seg = SegmentationWriter::write(volume, analysis, identity);
    if (!seg)
        return seg.error();
    bundle.segmentation = seg->bytes;
    const bool hasSeg = !bundle.segmentation.isEmpty();
    if (cancelled())
        return Error(ErrorCode::Cancelled);

    report(90, u"writing report"_s);
    const Result<QByteArray> sr = MeasurementReportWriter::write(volume, analysis, identity, hasSeg);
    if (!sr)
        return sr.error();
    bundle.structuredReport = *sr;
    if (cancelled())
        return Error(ErrorCode::Cancelled);
    const Result<QByteArray> gsps = PresentationStateWriter::write(volume, analysis, identity);
    if (!gsps)
        return gsps.error();
    bundle.presentationState = *gsps;

    report(95, u"writing HTML"_s);
    bundle.htmlReport = HtmlReportWriter::write(entry, volume, analysis, identity, hasSeg);
    bundle.findings = FindingsJson::build(entry, volume, analysis, identity, {hasSeg, seg->frames});
    report(100, u"done"_s);
    return bundle;
}

} // namespace haip::services
