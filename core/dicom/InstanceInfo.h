// The header summary of one DICOM instance: identity, patient/study/series context, image
// pixel module and geometry. Text is already decoded to UTF-8 through the Specific Character
// Set. It is what `haip-cli info` prints, what the index stores and what series assembly sorts.
#pragma once

#include "dicom/ImagePlane.h"

#include <QList>
#include <QString>

#include <optional>

namespace haip::dicom {

struct InstanceInfo
{
    QString path;
    qint64 fileSize = 0;

    QString sopClassUid;
    QString sopInstanceUid;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString frameOfReferenceUid;
    QString transferSyntaxUid;
    QStringList specificCharacterSet;

    QString patientName; // whole PN value with its '=' groups, e.g. "Yamada^Tarou=山田^太郎=やまだ^たろう"
    QString patientId;
    QString patientBirthDate; // DA as stored, YYYYMMDD
    QString patientSex;

    QString studyDate; // DA as stored
    QString studyTime; // TM as stored
    QString studyDescription;
    QString studyId;
    QString accessionNumber;
    QString referringPhysicianName;
    QString institutionName;

    QString modality;
    QString seriesDescription;
    QString bodyPartExamined;
    int seriesNumber = 0;
    int acquisitionNumber = 0;
    int instanceNumber = 0;

    bool hasPixelData = false;
    int rows = 0;
    int columns = 0;
    int numberOfFrames = 0; // 0 when the instance has no pixel data, else >= 1
    int samplesPerPixel = 0;
    int bitsAllocated = 0;
    int bitsStored = 0;
    int pixelRepresentation = 0;
    QString photometricInterpretation;

    ImagePlane plane; // frame 0 (or the shared functional group)
    // Per-frame planes of an enhanced multi-frame instance; empty when every frame shares `plane`.
    QList<ImagePlane> framePlanes;
    std::optional<double> sliceLocation;

    const ImagePlane &planeOfFrame(int frame) const
    {
        return frame >= 0 && frame < framePlanes.size() ? framePlanes[frame] : plane;
    }
};

} // namespace haip::dicom
