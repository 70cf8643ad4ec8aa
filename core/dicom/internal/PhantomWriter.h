// Writes phantom slices as DICOM CT Image Storage files (explicit VR little endian) with the
// headers of a real scanner's output. Each call builds its own DCMTK data set, so slices may
// be written from several threads at once. Files go through memory and QFile, never a path
// handed to DCMTK, so non-ASCII folders work on Windows too.
#pragma once

#include "common/Result.h"
#include "dicom/internal/PhantomModel.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace haip::dicom::phantom {

// Series-wide header values; text already encoded for Specific Character Set "\ISO 2022 IR 87".
struct PhantomHeader
{
    const StudyProfile *profile = nullptr;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString frameOfReferenceUid;
    QByteArray patientName; // e.g. Yamada^Tarou=ESC$B;3ED…
    QByteArray studyDescription;
    QByteArray institutionName;
    QString patientId;
    QString patientBirthDate;
    QString patientSex;
    QString patientAge;
    QString accessionNumber;
    QString studyDate;
    QString studyTime;
    int seriesNumber = 2;
    int rows = 0;
    int columns = 0;
    double pixelSpacing = 1.0;
    double x0 = 0.0; // first pixel centre, patient x (mm)
    double y0 = 0.0;
    double sliceThickness = 1.0;
    double rescaleIntercept = -1024.0;
};

struct PhantomSlice
{
    int instanceNumber = 1;
    double z = 0.0;
    QString sopInstanceUid;
};

// Encodes text for ISO 2022 IR 87: ASCII stays as is; each run of Japanese characters becomes
// ESC $ B + JIS X 0208 bytes + ESC ( B. In a person name the runs never cross '^' or '=', so
// every component starts in ASCII as PS3.5 §6.1.2.5.3 requires. Empty on characters outside
// JIS X 0208.
QByteArray encodeIso2022Jp(const QString &text);

class PhantomWriter
{
public:
    explicit PhantomWriter(PhantomHeader header);

    // `fillPixels` receives rows*columns stored values to fill (host byte order).
    Result<void>
    write(const PhantomSlice &slice, const std::function<void(quint16 *)> &fillPixels, const QString &path) const;

private:
    PhantomHeader m_header;
};

} // namespace haip::dicom::phantom
