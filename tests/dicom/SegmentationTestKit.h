// What the segmentation tests share: a small chest phantom (odd matrix, so binary SEG frames are
// not byte aligned) assembled into a dicom::Series with its planted lesions, a SEG written over
// it by the platform's own SegmentationWriter (one segment per lesion, a disc on every slice the
// lesion cuts), and a way to damage a SEG's data set with DCMTK for the refusal tables.
#pragma once

#include "common/Result.h"
#include "common/Vec3.h"
#include "dicom/Phantom.h"
#include "dicom/Series.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class DcmDataset;

namespace haip::test {

struct PlantedLesion
{
    QString id;
    Vec3 centre; // patient mm
    double diameter = 0.0; // mm
};

struct SegFixture
{
    dicom::PhantomResult phantom;
    dicom::Series series;
    QList<PlantedLesion> lesions;
};

struct FixtureOptions
{
    int columns = 125; // 125 × 123 = 15375 pixels: not a multiple of 8
    int rows = 123;
    int slices = 48;
    double sliceSpacing = 4.0; // z −94 … +94 mm: every planted nodule
    quint64 seed = 1; // another seed: other UIDs and Frame of Reference (another scan)
};

// Generates the phantom in `dir` and assembles it. False with `error` set on failure.
bool makeChestFixture(const QString &dir, const FixtureOptions &options, SegFixture &out, QString &error);

// The frame the writer gets for `segment` (1-based: lesion segment−1) on stack slice `slice`:
// rows × columns bytes (0/1, or 0…255 when fractional); empty when the lesion misses the slice.
QByteArray lesionFrame(const SegFixture &fixture, int segment, int slice, bool fractional);

// A SEG by services::SegmentationWriter: segment i+1 outlines lesion i as a sphere. Fractional:
// a PROBABILITY map (maximum 255) falling from 1 at the centre to 0 at the rim.
Result<QByteArray> writeLesionSegmentation(const SegFixture &fixture, bool fractional);

// Parses `bytes`, lets `edit` change the data set and writes it back (explicit little endian).
QByteArray editDataset(const QByteArray &bytes, const std::function<void(DcmDataset &)> &edit);

// Sets `value` in every item of the functional-group sequence `macro` inside every item of
// `groupSequence` (per-frame or shared), e.g. Plane Position Sequence → Image Position (Patient).
void setInFunctionalGroups(DcmDataset &set,
                           bool perFrame,
                           quint16 macroGroup,
                           quint16 macroElement,
                           quint16 group,
                           quint16 element,
                           const QString &value,
                           int onlyFrame = -1);

} // namespace haip::test
