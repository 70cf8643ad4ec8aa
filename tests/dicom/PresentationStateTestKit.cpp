#include "PresentationStateTestKit.h"

#include "TestSupport.h"
#include "dicom/DicomFile.h"
#include "dicom/SeriesAssembler.h"
#include "dicom/internal/FileFormatBytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmpstat/dvpsgr.h>
#include <dcmtk/dcmpstat/dvpstat.h>
#include <dcmtk/dcmpstat/dvpstx.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace haip::test {

using namespace Qt::StringLiterals;

namespace {

Error failed(const QString &what, const OFCondition &status = EC_IllegalCall)
{
    return Error(ErrorCode::Internal, what + u": "_s + QString::fromLatin1(status.text()));
}

// sRGB → CIELab (D65) scaled as DICOM stores it (PS3.3 C.10.7.1.1): L 0…100 and a, b −128…127
// onto 0…65535. Written out here so the test does not use the reader's own conversion.
std::array<Uint16, 3> dicomLab(const QColor &colour)
{
    const auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double r = linear(colour.redF()), g = linear(colour.greenF()), b = linear(colour.blueF());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) {
        return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
    };
    const double l = 116.0 * f(y) - 16.0;
    const double a = 500.0 * (f(x) - f(y));
    const double bb = 200.0 * (f(y) - f(z));
    const auto scale = [](double v, double lo, double hi) {
        return Uint16(std::lround(std::clamp((v - lo) / (hi - lo), 0.0, 1.0) * 65535.0));
    };
    return {scale(l, 0.0, 100.0), scale(a, -128.0, 127.0), scale(bb, -128.0, 127.0)};
}

Result<std::unique_ptr<DcmFileFormat>> loadImage(const GspsFixture &fixture, int slice)
{
    if (slice < 0 || slice >= fixture.series.stacks[0].slices.size())
        return failed(u"slice %1 is not in the fixture"_s.arg(slice));
    const QString path = fixture.series.instances[fixture.series.stacks[0].slices[slice].instance].path;
    auto file = std::make_unique<DcmFileFormat>();
    const OFCondition status = file->loadFile(QFile::encodeName(path).constData());
    if (status.bad())
        return failed(u"loading "_s + path, status);
    return file;
}

} // namespace

QString GspsFixture::sopInstanceUid(int slice) const
{
    return series.instances[series.stacks[0].slices[slice].instance].sopInstanceUid;
}

bool makeGspsFixture(const QString &dir, int slices, GspsFixture &out, QString &error)
{
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.outputDir = dir;
    o.columns = 125;
    o.rows = 123;
    o.slices = slices;
    o.sliceSpacing = 16.0;
    Result<dicom::PhantomResult> phantom = dicom::PhantomGenerator::generate(o);
    if (!phantom) {
        error = phantom.error().message() + u" "_s + phantom.error().detail();
        return false;
    }
    out.phantom = *phantom;
    QList<dicom::InstanceInfo> infos;
    for (const QString &file : out.phantom.files) {
        Result<dicom::DicomFile> f = dicom::DicomFile::open(file, dicom::DicomFile::Content::HeaderOnly);
        if (!f) {
            error = f.error().message();
            return false;
        }
        infos << f->info();
    }
    const QList<dicom::Series> series = dicom::SeriesAssembler::assemble(infos);
    if (series.size() != 1 || series[0].stacks.size() != 1 || series[0].stacks[0].slices.size() != slices) {
        error = u"the phantom did not assemble into one series of one stack"_s;
        return false;
    }
    out.series = series[0];
    return true;
}

QByteArray editPresentationState(const QByteArray &bytes, const std::function<void(DcmDataset &)> &edit)
{
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(bytes.size()));
    stream.setEos();
    DcmFileFormat file;
    file.transferInit();
    if (file.read(stream, EXS_Unknown).bad())
        return {};
    file.transferEnd();
    edit(*file.getDataset());
    Result<QByteArray> out = dicom::internal::fileFormatBytes(file, EXS_LittleEndianExplicit);
    return out ? *out : QByteArray();
}

Result<QByteArray> writePresentationState(const GspsFixture &fixture, const GspsSpec &spec)
{
    Result<std::unique_ptr<DcmFileFormat>> image = loadImage(fixture, spec.slice);
    if (!image)
        return image.error();
    DVPresentationState state;
    OFCondition status = state.createFromImage(
        *(*image)->getDataset(), DVPSO_ignoreOverlays, DVPSV_ignoreVOI, OFFalse, OFFalse, OFTrue, DVPSG_oneLayer);
    if (status.bad())
        return failed(u"createFromImage"_s, status);
    // The image stays attached so "current image" below means it (the state does not own it).
    if ((status = state.attachImage(image->get(), OFFalse)).bad())
        return failed(u"attachImage"_s, status);
    state.setPresentationLabel("AI_FINDINGS");
    state.setPresentationDescription("Findings of a reference AI service");

    if ((status = state.addGraphicLayer("FINDINGS", "Outlines")).bad() ||
        (status = state.addGraphicLayer("LABELS", "Labels")).bad())
        return failed(u"addGraphicLayer"_s, status);
    const size_t findings = state.getGraphicLayerIndex("FINDINGS");
    const size_t labels = state.getGraphicLayerIndex("LABELS");
    const auto rgb16 = [](int v) {
        return Uint16(v * 257);
    };
    state.setGraphicLayerRecommendedDisplayValueRGB(findings,
                                                    rgb16(spec.graphicsColour.red()),
                                                    rgb16(spec.graphicsColour.green()),
                                                    rgb16(spec.graphicsColour.blue()));

    // The box: a closed POLYLINE, on this image only (its own Referenced Image Sequence).
    DVPSGraphicObject *box = state.addGraphicObject(findings, DVPSB_currentImage);
    const QRectF b = spec.box;
    const Float32 boxPoints[] = {Float32(b.left()),
                                 Float32(b.top()),
                                 Float32(b.right()),
                                 Float32(b.top()),
                                 Float32(b.right()),
                                 Float32(b.bottom()),
                                 Float32(b.left()),
                                 Float32(b.bottom()),
                                 Float32(b.left()),
                                 Float32(b.top())};
    if (box == nullptr || box->setData(5, boxPoints, DVPSA_pixels).bad() || box->setGraphicType(DVPST_polyline).bad() ||
        box->setFilled(OFFalse).bad())
        return failed(u"the box"_s);
    DVPSGraphicObject *circle = state.addGraphicObject(findings, DVPSB_currentImage);
    const Float32 circlePoints[] = {Float32(spec.circleCentre.x()),
                                    Float32(spec.circleCentre.y()),
                                    Float32(spec.circleCentre.x() + spec.circleRadius),
                                    Float32(spec.circleCentre.y())};
    if (circle == nullptr || circle->setData(2, circlePoints, DVPSA_pixels).bad() ||
        circle->setGraphicType(DVPST_circle).bad() || circle->setFilled(OFFalse).bad())
        return failed(u"the circle"_s);
    DVPSGraphicObject *mark = state.addGraphicObject(findings, DVPSB_currentImage);
    const Float32 markPoint[] = {Float32(spec.displayMark.x()), Float32(spec.displayMark.y())};
    if (mark == nullptr || mark->setData(1, markPoint, DVPSA_display).bad() || mark->setGraphicType(DVPST_point).bad())
        return failed(u"the display mark"_s);

    DVPSTextObject *text = state.addTextObject(labels, DVPSB_currentImage);
    const QRectF t = spec.textBox;
    if (text == nullptr || text->setText(spec.text.toUtf8().constData()).bad() ||
        text->setBoundingBox(t.left(), t.top(), t.right(), t.bottom(), DVPSA_pixels, DVPSX_left).bad() ||
        text->setAnchorPoint(b.left(), b.bottom(), DVPSA_pixels, OFTrue).bad())
        return failed(u"the text"_s);

    if ((status = state.setVOIWindow(spec.windowCenter, spec.windowWidth, "AI lung", DVPSB_currentImage)).bad())
        return failed(u"setVOIWindow"_s, status);
    if (spec.rotation != 0) {
        const DVPSRotationType r = spec.rotation == 90 ? DVPSR_90_deg
            : spec.rotation == 180                     ? DVPSR_180_deg
                                                       : DVPSR_270_deg;
        if ((status = state.setRotation(r)).bad())
            return failed(u"setRotation"_s, status);
    }
    if (spec.flip && (status = state.setFlip(OFTrue)).bad())
        return failed(u"setFlip"_s, status);
    if (spec.alsoReferenced >= 0) {
        Result<std::unique_ptr<DcmFileFormat>> other = loadImage(fixture, spec.alsoReferenced);
        if (!other)
            return other.error();
        if ((status = state.addImageReference(*(*other)->getDataset())).bad())
            return failed(u"addImageReference"_s, status);
    }
    state.detachImage();

    DcmFileFormat out;
    if ((status = state.write(*out.getDataset(), OFTrue)).bad())
        return failed(u"write"_s, status);
    DcmDataset &set = *out.getDataset();
    // The text is UTF-8 (dcmpstat's own character sets stop at ISO_IR 13), and the LABELS layer
    // gets the CIELab colour today's writers use.
    set.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    // General Series (Type 2C): dcmpstat leaves Laterality out; dciodvfy wants it, empty is allowed.
    set.putAndInsertString(DCM_Laterality, "");
    for (long i = 0;; ++i) {
        DcmItem *layer = nullptr;
        if (set.findAndGetSequenceItem(DCM_GraphicLayerSequence, layer, i).bad() || layer == nullptr)
            break;
        OFString name;
        layer->findAndGetOFString(DCM_GraphicLayer, name);
        if (name == "LABELS") {
            const std::array<Uint16, 3> lab = dicomLab(spec.textColour);
            layer->putAndInsertUint16Array(DCM_GraphicLayerRecommendedDisplayCIELabValue, lab.data(), 3);
        }
    }
    return dicom::internal::fileFormatBytes(out, EXS_LittleEndianExplicit);
}

QStringList dciodvfyErrors(const QByteArray &bytes, const QString &dir)
{
    const QString tool = findTool(u"dciodvfy"_s);
    if (tool.isEmpty())
        return {u"dciodvfy not found: install the Debian package dicom3tools"_s};
    const QString path = QDir(dir).filePath(u"gsps-%1.dcm"_s.arg(qHash(bytes), 0, 16));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {u"cannot write "_s + path};
    file.close();
    const ProcessResult result = run(tool, {path}, 60000);
    if (!result.finished)
        return {u"dciodvfy did not finish"_s};
    QStringList errors;
    for (const QByteArray &line : (result.out + result.err).split('\n'))
        if (line.startsWith("Error"))
            errors << QString::fromUtf8(line);
    return errors;
}

} // namespace haip::test
