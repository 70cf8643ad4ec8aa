#include "PresentationStateWriter.h"

#include "FindingsJson.h"
#include "internal/DicomBytes.h"

#include <QFile>
#include <QMap>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmpstat/dvpsgr.h>
#include <dcmtk/dcmpstat/dvpstat.h>
#include <dcmtk/dcmpstat/dvpstx.h>

#include <cmath>
#include <memory>

namespace haip::services {
namespace {

using namespace Qt::StringLiterals;
using internal::text;

Error failed(const QString &what, const OFCondition &status = EC_IllegalCall)
{
    return Error(ErrorCode::WriteFailed, u"presentation state: %1: %2"_s.arg(what, text(status)));
}

Uint16 rgb16(int v)
{
    return Uint16(v * 257);
}

constexpr const char *kOutlines = "AI_FINDINGS";
constexpr const char *kLabels = "AI_LABELS";

} // namespace

Result<QByteArray> PresentationStateWriter::write(const ImageVolume &volume,
                                                  const AnalysisResult &analysis,
                                                  const ResultIdentity &identity)
{
    if (analysis.findings.isEmpty() || volume.sources.isEmpty())
        return QByteArray();
    // Findings by the slice they are drawn on.
    QMap<int, QList<const Finding *>> bySlice;
    for (const Finding &f : analysis.findings)
        bySlice[FindingsJson::nearestSlice(volume, f)].append(&f);

    DVPresentationState state;
    bool first = true;
    OFCondition status;
    for (auto it = bySlice.cbegin(); it != bySlice.cend(); ++it) {
        const SourceSlice &source = volume.sources.value(it.key());
        auto image = std::make_unique<DcmFileFormat>();
        if ((status = image->loadFile(QFile::encodeName(source.path).constData())).bad())
            return failed(u"reading "_s + source.path, status);
        DcmDataset &set = *image->getDataset();
        if (first) {
            status = state.createFromImage(
                set, DVPSO_ignoreOverlays, DVPSV_ignoreVOI, OFFalse, OFFalse, OFTrue, DVPSG_oneLayer);
            if (status.good())
                status = state.addGraphicLayer(kOutlines, "AI findings");
            if (status.good())
                status = state.addGraphicLayer(kLabels, "AI finding labels");
            if (status.bad())
                return failed(u"creating"_s, status);
            state.setPresentationLabel("AI_FINDINGS");
            state.setPresentationDescription(identity.serviceName.left(64).toLatin1().constData());
            first = false;
        } else if ((status = state.addImageReference(set)).bad()) {
            return failed(u"referencing "_s + source.sopInstanceUid, status);
        }
        if ((status = state.attachImage(image.get(), OFFalse)).bad())
            return failed(u"attaching "_s + source.sopInstanceUid, status);
        const size_t outlines = state.getGraphicLayerIndex(kOutlines);
        const size_t labels = state.getGraphicLayerIndex(kLabels);
        for (const Finding *f : it.value()) {
            // A box a little wider than the finding's equivalent diameter, in image pixels.
            const double radius = f->equivalentDiameterMm / 2.0;
            const double rx = radius / volume.geometry.columnSpacing * 1.4 + 3.0;
            const double ry = radius / volume.geometry.rowSpacing * 1.4 + 3.0;
            const double cx =
                f->centroidVoxel.x + 0.5; // GSPS pixel coordinates: (0.5, 0.5) is the first pixel's centre
            const double cy = f->centroidVoxel.y + 0.5;
            const Float32 box[] = {Float32(cx - rx),
                                   Float32(cy - ry),
                                   Float32(cx + rx),
                                   Float32(cy - ry),
                                   Float32(cx + rx),
                                   Float32(cy + ry),
                                   Float32(cx - rx),
                                   Float32(cy + ry),
                                   Float32(cx - rx),
                                   Float32(cy - ry)};
            DVPSGraphicObject *outline = state.addGraphicObject(outlines, DVPSB_currentImage);
            if (outline == nullptr || outline->setData(5, box, DVPSA_pixels).bad() ||
                outline->setGraphicType(DVPST_polyline).bad() || outline->setFilled(OFFalse).bad())
                return failed(u"outline of "_s + f->trackingId);
            const QByteArray label =
                u"%1  %2 mm"_s.arg(f->trackingId).arg(f->equivalentDiameterMm, 0, 'f', 1).toLatin1();
            DVPSTextObject *caption = state.addTextObject(labels, DVPSB_currentImage);
            const double top = std::max(0.0, cy - ry - 14.0);
            if (caption == nullptr || caption->setText(label.constData()).bad() ||
                caption->setBoundingBox(cx - rx, top, cx + rx + 60.0, top + 12.0, DVPSA_pixels, DVPSX_left).bad())
                return failed(u"label of "_s + f->trackingId);
        }
        if (analysis.windowWidth > 0.0 &&
            (status = state.setVOIWindow(analysis.windowCentre, analysis.windowWidth, "AI review", DVPSB_currentImage))
                .bad())
            return failed(u"window"_s, status);
        state.detachImage();
    }
    // The layers in the colours of the findings' segments (first finding's), labels in white.
    const QColor colour = segmentColour(0);
    state.setGraphicLayerRecommendedDisplayValueRGB(
        state.getGraphicLayerIndex(kOutlines), rgb16(colour.red()), rgb16(colour.green()), rgb16(colour.blue()));
    state.setGraphicLayerRecommendedDisplayValueRGB(
        state.getGraphicLayerIndex(kLabels), rgb16(255), rgb16(255), rgb16(255));

    DcmFileFormat out;
    if ((status = state.write(*out.getDataset(), OFTrue)).bad())
        return failed(u"writing"_s, status);
    DcmDataset &set = *out.getDataset();
    // General Series (Type 2C): dcmpstat leaves Laterality out; an empty value is what it allows.
    set.putAndInsertString(DCM_Laterality, "");
    set.putAndInsertString(DCM_Manufacturer, identity.manufacturer.toLatin1().constData());
    return internal::serialise(out);
}

} // namespace haip::services
