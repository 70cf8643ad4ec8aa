// A DICOM Segmentation (PS3.3 A.51) as the viewer needs it, in Qt types: the segments with
// their names, codes and display colours, and every frame unpacked to one byte per pixel with
// the segment it belongs to, the image it was derived from and its place in patient space.
// SegmentationReader fills it from Part 10 bytes; SegmentPlacement puts it on a Series.
#pragma once

#include "dicom/ImagePlane.h"

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QString>

namespace haip::dicom {

enum class SegmentationType
{
    Binary, // one bit per pixel: inside / outside
    Fractional // one byte per pixel: 0 … maximumFractionalValue
};

enum class FractionalType
{
    None, // BINARY
    Probability, // the value is the probability that the pixel belongs to the segment
    Occupancy // the value is the fraction of the pixel the segment fills
};

struct Segment
{
    int number = 0; // Segment Number (1-based)
    QString label; // Segment Label
    QString description; // Segment Description (may be empty)
    QString category; // Segmented Property Category Code: code meaning, e.g. "Morphologically Altered Structure"
    QString type; // Segmented Property Type Code: code meaning, e.g. "Nodule"
    QString algorithmType; // AUTOMATIC, SEMIAUTOMATIC or MANUAL
    QString algorithmName; // empty for MANUAL
    QString trackingId; // Tracking ID of the finding the segment outlines (may be empty)
    QString trackingUid;
    QColor colour; // sRGB: the Recommended Display CIELab Value, or a palette colour when absent
    bool colourFromFile = false; // false: `colour` came from the palette
};

struct SegmentationFrame
{
    int segmentNumber = 0; // Referenced Segment Number; always one of Segmentation::segments
    QString sourceSopInstanceUid; // Derivation Image / Source Image Sequence; empty when absent
    int sourceFrame = 0; // 1-based Referenced Frame Number in that instance; 0 when absent
    // Image Position (per frame), Image Orientation and Pixel Spacing (per frame or shared).
    ImagePlane plane;
    // rows × columns bytes, row by row: 0 / 1 for BINARY, 0 … maximumFractionalValue for FRACTIONAL.
    QByteArray pixels;
    int nonZero = 0; // pixels with a value above 0
};

struct Segmentation
{
    QString sopInstanceUid;
    QString seriesInstanceUid;
    QString studyInstanceUid;
    QString frameOfReferenceUid; // may be empty
    QString seriesDescription;
    QString contentLabel;
    QString manufacturer;
    QStringList referencedSeriesUids; // Referenced Series Sequence (Common Instance Reference)
    int rows = 0;
    int columns = 0;
    SegmentationType type = SegmentationType::Binary;
    FractionalType fractionalType = FractionalType::None;
    int maximumFractionalValue = 1; // 1 for BINARY
    double spacingBetweenSlices = 0.0; // shared Pixel Measures, 0 when absent
    double sliceThickness = 0.0;
    QList<Segment> segments; // in Segment Number order
    QList<SegmentationFrame> frames; // in file order

    // The segment with that number, or null.
    const Segment *segment(int number) const
    {
        for (const Segment &s : segments)
            if (s.number == number)
                return &s;
        return nullptr;
    }
    bool isFractional() const { return type == SegmentationType::Fractional; }
};

} // namespace haip::dicom
