#include "platform/ServiceEligibility.h"

#include "dicom/Series.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace haip::platform {

namespace {

QString millimetres(double value)
{
    // One decimal is what a CT protocol names (0.6, 1.25 → 1.3 would mislead): up to two.
    return QLocale().toString(value, 'g', 3);
}

// "CT", "CT or MR", "CT, CR or DX".
QString alternatives(const QStringList &items)
{
    if (items.size() < 2)
        return items.value(0);
    return QCoreApplication::translate("ServiceEligibility", "%1 or %2")
        .arg(items.first(items.size() - 1).join(QStringLiteral(", ")), items.last());
}

} // namespace

SeriesFacts SeriesFacts::of(const dicom::Series &series, int stack)
{
    SeriesFacts f;
    if (stack < 0 || stack >= series.stacks.size() || series.stacks[stack].slices.isEmpty())
        return f;
    const dicom::Stack &s = series.stacks[stack];
    const dicom::Slice &first = s.slices.front();
    const dicom::InstanceInfo &info = series.instances[first.instance];
    f.seriesInstanceUid = series.seriesInstanceUid;
    f.modality = series.modality;
    f.bodyPart = info.bodyPartExamined;
    f.sliceCount = int(s.slices.size());
    f.sliceThicknessMm = info.planeOfFrame(first.frame).sliceThickness;
    f.sliceSpacingMm = s.slices.size() > 1 ? s.spacing : 0.0;
    f.singleImage = s.slices.size() == 1;
    return f;
}

Eligibility ServiceEligibility::check(const CatalogService &service, const SeriesFacts &series)
{
    Eligibility e;
    const QStringList &accepted = service.inputModalities.isEmpty() ? service.modalities : service.inputModalities;
    if (!accepted.isEmpty() && !accepted.contains(series.modality)) {
        const QString actual = series.modality.isEmpty()
            ? QCoreApplication::translate("ServiceEligibility", "of no known modality")
            : series.modality;
        e.reasons.append(
            QCoreApplication::translate("ServiceEligibility", "wrong modality: needs %1, this series is %2")
                .arg(alternatives(accepted), actual));
    }

    const bool single = series.singleImage || series.sliceCount == 1;
    if (single && service.acceptsSingleImages) {
        // A radiograph: slice count and thickness do not apply (the platform checks the same).
    } else if (single) {
        e.reasons.append(QCoreApplication::translate(
                             "ServiceEligibility", "a single image: this service needs a volume of at least %1 slices")
                             .arg(std::max(service.minSlices, 2)));
    } else {
        if (series.sliceCount < service.minSlices)
            e.reasons.append(
                QCoreApplication::translate("ServiceEligibility", "too few slices: needs ≥ %1, this series has %2")
                    .arg(service.minSlices)
                    .arg(series.sliceCount));
        if (service.maxSlices > 0 && series.sliceCount > service.maxSlices)
            e.reasons.append(
                QCoreApplication::translate("ServiceEligibility", "too many slices: accepts ≤ %1, this series has %2")
                    .arg(service.maxSlices)
                    .arg(series.sliceCount));
        // As the services measure it: the larger of the nominal thickness and the spacing (gaps
        // between thin slices count as thick slices).
        const double thickness = std::max(series.sliceThicknessMm, series.sliceSpacingMm);
        if (service.maxSliceThicknessMm > 0 && thickness > service.maxSliceThicknessMm + 1e-6)
            e.reasons.append(QCoreApplication::translate("ServiceEligibility",
                                                         "slices too thick: needs ≤ %1 mm, this series has %2 mm")
                                 .arg(millimetres(service.maxSliceThicknessMm), millimetres(thickness)));
    }
    e.accepted = e.reasons.isEmpty();
    return e;
}

} // namespace haip::platform
