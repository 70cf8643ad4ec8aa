// What the reference-service tests share: small phantoms with their ground truth, the bundle
// written to disk, dciodvfy (dicom3tools) as the independent IOD checker, and an independent
// read-back of a DICOM Segmentation (DCMTK data dictionary level, not dcmseg) that counts each
// segment's voxels and their centroid in patient mm.
#pragma once

#include "common/Vec3.h"
#include "dicom/Phantom.h"
#include "services/ServiceBundle.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace haip::test {

struct TruthLesion
{
    QString id;
    QString kind;
    Vec3 centre; // patient mm
    double volumeMm3 = 0.0; // of the solid part (the solid core of a part-solid nodule)
};

// Generates a phantom in `dir` (Result error text on failure goes to `error`).
bool makePhantom(const dicom::PhantomOptions &options, dicom::PhantomResult &result, QString &error);
QList<TruthLesion> readGroundTruth(const QString &path);

// Writes seg.dcm (if any), sr.dcm, report.html and findings.json into `dir`.
bool writeBundle(const services::ServiceBundle &bundle, const QString &dir);

// dciodvfy's "Error" lines for a file; `ran` false when the tool is missing or did not run.
QStringList dciodvfyErrors(const QString &path, bool &ran);

struct SegSegment
{
    qint64 voxels = 0; // pixels with a non-zero value over all frames
    double valueSum = 0.0; // sum of pixel values (1 per voxel for BINARY)
    Vec3 centroid; // patient mm, weighted by value
};

struct SegReadBack
{
    QString error; // empty when read
    QString segmentationType; // BINARY or FRACTIONAL
    int frames = 0;
    double pixelArea = 0.0; // mm², from the shared Pixel Measures
    double sliceSpacing = 0.0; // mm, Spacing Between Slices
    QStringList referencedInstances; // SOP Instance UIDs the frames derive from
    QMap<int, SegSegment> segments; // by Segment Number
};

SegReadBack readSegmentation(const QString &path);

// The checks every service test makes; each returns what is wrong, or an empty string.
// Every lesion has a finding whose centroid is within `maxDistanceMm` and whose volume is
// within `maxVolumeError` (0.2 = 20 %); with `allowExtra` false, every finding is a lesion.
QString compareWithTruth(const QJsonObject &findings,
                         const QList<TruthLesion> &truth,
                         double maxDistanceMm,
                         double maxVolumeError,
                         bool allowExtra);
// dciodvfy reports no error (a missing dciodvfy is an error naming the package).
QString checkDciodvfy(const QString &path);
// The SEG's frames, read back independently, outline each finding: its segment's voxels add
// up to the finding's volume (`exactVolume`; else only non-empty) and their centroid lies
// within `maxDistanceMm` of the finding's; every frame derives from one of `sourceUids`.
QString checkSegmentation(const QString &path,
                          const QJsonObject &findings,
                          const QStringList &sourceUids,
                          bool exactVolume,
                          double maxDistanceMm);
// The SR, as DCMTK's dsrdump prints it, holds one measurement group per finding with the same
// tracking identifier, referenced segment and volume (or area); with no findings, the
// qualitative evaluation "No abnormality detected".
QString checkReport(const QString &path, const QJsonObject &findings);
// The SOP Instance UIDs of the files.
QStringList sopInstanceUids(const QStringList &files);

} // namespace haip::test
