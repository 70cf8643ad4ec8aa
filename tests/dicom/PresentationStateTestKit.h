// What the presentation-state tests share: a GSPS written by DCMTK's own dcmpstat
// (DVPresentationState — a writer independent of our reader) over images of the chest phantom
// fixture, with known graphics at known image coordinates, a Japanese text object, a window and
// a DISPLAY-unit mark; and dciodvfy (dicom3tools) to prove the written object is a valid IOD.
#pragma once

#include "common/Result.h"
#include "dicom/Phantom.h"
#include "dicom/Series.h"

#include <QByteArray>
#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <functional>

class DcmDataset;

namespace haip::test {

// A small chest phantom (125 × 123 pixels) assembled into one series of one stack.
struct GspsFixture
{
    dicom::PhantomResult phantom;
    dicom::Series series;

    QString sopInstanceUid(int slice) const;
};
// False with `error` set on failure.
bool makeGspsFixture(const QString &dir, int slices, GspsFixture &out, QString &error);

struct GspsSpec
{
    int slice = 0; // the stack slice the graphics are drawn on (its instance is referenced)
    int alsoReferenced = -1; // another slice the state references, without graphics (-1: none)
    QRectF box {30.0, 40.0, 40.0, 20.0}; // PIXEL units: a closed POLYLINE around it
    QPointF circleCentre {85.0, 85.0}; // PIXEL units: a CIRCLE
    double circleRadius = 15.0;
    QRectF textBox {20.0, 95.0, 70.0, 20.0}; // PIXEL units, anchored (visible) at the box's corner
    QString text = QStringLiteral("結節 nodule");
    QPointF displayMark {0.9, 0.1}; // DISPLAY units: a POINT near the top right of the displayed area
    double windowCenter = -550.0; // a lung window unlike the file's own
    double windowWidth = 1300.0;
    QColor graphicsColour {255, 0, 0}; // layer "FINDINGS": retired RGB value, as dcmpstat writes it
    QColor textColour {0, 255, 0}; // layer "LABELS": CIELab value, set after dcmpstat wrote the state
    int rotation = 0; // Image Rotation (0, 90, 180, 270)
    bool flip = false; // Image Horizontal Flip
};

// The state as Part 10 bytes (explicit VR little endian, Specific Character Set ISO_IR 192).
Result<QByteArray> writePresentationState(const GspsFixture &fixture, const GspsSpec &spec);

// Parses `bytes`, lets `edit` change the data set and writes it back (explicit VR little endian).
QByteArray editPresentationState(const QByteArray &bytes, const std::function<void(DcmDataset &)> &edit);

// dciodvfy's verdict on `bytes` (written to `dir`): the "Error" lines it reports, or the reason it
// could not run. Empty means a valid IOD.
QStringList dciodvfyErrors(const QByteArray &bytes, const QString &dir);

} // namespace haip::test
