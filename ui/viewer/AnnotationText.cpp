#include "viewer/AnnotationText.h"

#include "dicom/RoiStatistics.h"

#include <QCoreApplication>

#include <cmath>

namespace haip::ui {

namespace {

QString component(const QString &group)
{
    // Family^Given^Middle^Prefix^Suffix: shown as "Family Given Middle".
    QStringList parts = group.split(u'^');
    while (parts.size() > 3)
        parts.removeLast();
    parts.removeAll(QString());
    return parts.join(u' ').simplified();
}

QString formatNumber(double v)
{
    return std::abs(v - std::round(v)) < 1e-6 ? QString::number(qint64(std::round(v))) : QString::number(v, 'f', 1);
}

} // namespace

QString AnnotationText::personName(const QString &pn)
{
    const QStringList groups = pn.split(u'=');
    const QString alphabetic = component(groups.value(0));
    const QString ideographic = component(groups.value(1));
    if (!ideographic.isEmpty() && !alphabetic.isEmpty())
        return ideographic + QStringLiteral(" (") + alphabetic + u')';
    return ideographic.isEmpty() ? alphabetic : ideographic;
}

QString AnnotationText::date(const QString &da)
{
    const QString d = da.trimmed();
    if (d.size() == 8 && std::all_of(d.begin(), d.end(), [](QChar c) { return c.isDigit(); }))
        return d.left(4) + u'-' + d.mid(4, 2) + u'-' + d.mid(6, 2);
    return d;
}

QString AnnotationText::units(const dicom::DecodedSlice &slice, const QString &modality)
{
    const QString stated = dicom::RoiStatistics::units(slice.display);
    if (!stated.isEmpty())
        return stated;
    return modality.trimmed() == QLatin1String("CT") ? QStringLiteral("HU") : QString();
}

CornerText AnnotationText::compose(const AnnotationContext &c)
{
    CornerText text;
    const dicom::InstanceInfo &info = c.info;

    // Top left: who and which study. Anonymised: the sex stays (it matters for reading the
    // images and names nobody); name, ID and birth date go.
    const bool identify = !c.anonymised;
    const QString name = identify ? personName(info.patientName) : QString();
    if (!name.isEmpty())
        text.topLeft << name;
    QStringList idLine;
    if (identify && !info.patientId.isEmpty())
        idLine << tr("ID %1").arg(info.patientId);
    if (!info.patientSex.isEmpty())
        idLine << info.patientSex;
    if (identify && !info.patientBirthDate.isEmpty())
        idLine << date(info.patientBirthDate);
    if (!idLine.isEmpty())
        text.topLeft << idLine.join(QStringLiteral("  "));
    if (!info.studyDate.isEmpty())
        text.topLeft << date(info.studyDate);
    if (!info.studyDescription.isEmpty())
        text.topLeft << info.studyDescription;

    // Top right: which series.
    if (identify && !info.institutionName.isEmpty())
        text.topRight << info.institutionName;
    QString series = info.modality;
    if (info.seriesNumber != 0 || !info.modality.isEmpty())
        series =
            (series.isEmpty() ? QString() : series + QStringLiteral("  ")) + tr("Series %1").arg(info.seriesNumber);
    if (!series.isEmpty())
        text.topRight << series;
    if (!info.seriesDescription.isEmpty())
        text.topRight << info.seriesDescription;

    // Bottom left: where in the stack.
    if (c.count > 0)
        text.bottomLeft << tr("Slice %1/%2").arg(c.index + 1).arg(c.count);
    if (c.slice) {
        const dicom::ImagePlane &plane = c.slice->plane;
        if (plane.hasPosition && plane.hasOrientation)
            text.bottomLeft << tr("Position %1 mm").arg(QString::number(plane.position.dot(plane.normal()), 'f', 1));
        if (plane.sliceThickness > 0.0)
            text.bottomLeft << tr("Thickness %1 mm").arg(QString::number(plane.sliceThickness, 'f', 1));
    }
    if (c.cinePlaying)
        text.bottomLeft << tr("Cine %1 fps").arg(c.cineFps);

    // Bottom right: what the pixels mean here and now.
    if (!c.probe.isEmpty())
        text.bottomRight << c.probe;
    text.bottomRight << tr("Zoom %1%").arg(qRound(c.zoomPercent));
    const bool colour = c.slice &&
        (c.slice->frame.format.photometric == dicom::Photometric::Rgb ||
         c.slice->frame.format.photometric == dicom::Photometric::PaletteColor);
    if (!colour) { // W/L does not apply to colour images
        if (c.settings.voiLutIndex >= 0)
            text.bottomRight << tr("VOI LUT %1").arg(c.voiLutName);
        else
            text.bottomRight << tr("W %1  L %2").arg(formatNumber(c.settings.width), formatNumber(c.settings.center));
    }
    if (c.settings.invert)
        text.bottomRight << tr("Inverted");
    return text;
}

} // namespace haip::ui
