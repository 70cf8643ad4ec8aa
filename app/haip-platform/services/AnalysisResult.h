// What an algorithm hands to the result writers: its findings (one per measured region), the
// segments of the DICOM Segmentation, and how to draw each segment's frame. The writers
// (SegmentationWriter, MeasurementReportWriter, HtmlReportWriter, FindingsJson) turn it into
// the ServiceBundle.
#pragma once

#include "CatalogEntry.h"
#include "CodedConcept.h"
#include "common/Vec3.h"

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <iterator>
#include <optional>

namespace haip::services {

// Display colours of segments in order (findings 1, 2, … and the heat map).
inline QColor segmentColour(int index)
{
    static const QColor colours[] = {QColor(255, 196, 0),
                                     QColor(0, 200, 255),
                                     QColor(255, 80, 160),
                                     QColor(120, 230, 60),
                                     QColor(255, 120, 40),
                                     QColor(170, 120, 255)};
    return colours[std::size_t(index) % std::size(colours)];
}

struct SegmentInfo
{
    int number = 0; // 1-based Segment Number
    QString label; // Segment Label (ASCII)
    QString description; // Segment Description
    CodedConcept category;
    CodedConcept type;
    CodedConcept anatomy; // Anatomic Region; value "" for none
    QColor colour; // sRGB; the SEG carries it as Recommended Display CIELab Value
    QString trackingId; // of the finding it outlines (empty for the heat map itself)
    QString trackingUid;
};

struct Finding
{
    QString trackingId; // human-readable, e.g. "nodule 1"
    QString trackingUid; // stable across SEG, SR and JSON
    int segmentNumber = 0; // the SEG segment that outlines it
    CodedConcept finding; // e.g. Nodule
    CodedConcept site; // e.g. Right lung
    LocalizedText siteText; // for the HTML report
    Vec3 centroid; // patient mm (in-plane mm from the first pixel for radiographs)
    Vec3 centroidVoxel; // (column, row, slice), fractional
    double volumeMm3 = 0.0; // area (mm²) for a single 2D image
    double equivalentDiameterMm = 0.0; // sphere (circle in 2D) of the same volume (area)
    double meanValue = 0.0; // mean modality value (HU for CT)
    std::optional<double> peakScore; // anomaly z-score at the hottest voxel (heat map only)
};

struct AnalysisResult
{
    QList<Finding> findings;
    QList<SegmentInfo> segments;
    bool fractional = false; // FRACTIONAL (PROBABILITY) SEG instead of BINARY
    // Writes segment `segment`'s frame for slice `slice` into `pixels` (rows × columns values:
    // 0/1 for binary, 0…255 for fractional); returns false when the frame is empty.
    std::function<bool(int segment, int slice, quint8 *pixels)> frame;
    QString algorithmName;
    QString algorithmVersion;
    QJsonObject parameters; // thresholds and sizes used, reported in the findings JSON
    LocalizedText method; // one paragraph for the HTML report: what was computed
    bool isTwoDimensional = false; // a single radiograph: areas instead of volumes
    double windowCentre = 0.0; // key images in the report (width 0: automatic)
    double windowWidth = 0.0;
    LocalizedText title; // report heading, e.g. "Chest CT solid-nodule candidates"
    LocalizedText scoreNote; // how to read the measurements (e.g. the z-score), may be empty
};

} // namespace haip::services
