// Synthetic decoded slices with known values for the viewer tests: 8-bit identity-window
// frames (pixel grey = stored value, so grab() can be checked exactly) and 16-bit CT-like
// frames in HU, with chosen geometry.
#pragma once

#include "dicom/DecodedSlice.h"

#include <QtEndian>

#include <functional>

namespace haip::test {

enum class Plane
{
    Axial,
    Sagittal,
    Coronal
};

inline dicom::ImagePlane planeOf(Plane kind, double rowSpacing = 1.0, double columnSpacing = 1.0, double z = 0.0)
{
    dicom::ImagePlane plane;
    plane.hasOrientation = true;
    plane.hasPosition = true;
    plane.rowSpacing = rowSpacing;
    plane.columnSpacing = columnSpacing;
    plane.sliceThickness = 1.0;
    switch (kind) {
    case Plane::Axial: // rows run to the patient's left, columns to posterior
        plane.rowDirection = {1, 0, 0};
        plane.columnDirection = {0, 1, 0};
        plane.position = {-100, -100, z};
        break;
    case Plane::Sagittal: // rows run posterior, columns to the feet
        plane.rowDirection = {0, 1, 0};
        plane.columnDirection = {0, 0, -1};
        plane.position = {z, -100, 100};
        break;
    case Plane::Coronal: // rows run to the left, columns to the feet
        plane.rowDirection = {1, 0, 0};
        plane.columnDirection = {0, 0, -1};
        plane.position = {-100, z, 100};
        break;
    }
    return plane;
}

// 8-bit unsigned grey whose default window (C 128, W 256) shows each value as that grey.
inline dicom::DecodedSlice greySlice(int columns, int rows, const std::function<int(int, int)> &value)
{
    dicom::DecodedSlice s;
    s.frame.format.rows = rows;
    s.frame.format.columns = columns;
    s.frame.format.bitsAllocated = 8;
    s.frame.format.bitsStored = 8;
    s.frame.format.highBit = 7;
    s.frame.data.resize(s.frame.format.frameBytes());
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            s.frame.data[qsizetype(r) * columns + c] = char(quint8(value(c, r)));
    s.display.windows = {{128.0, 256.0, QStringLiteral("IDENTITY")}};
    s.plane = planeOf(Plane::Axial);
    return s;
}

// Signed 16-bit CT in HU (stored = HU, no rescale), mediastinal window from the file.
inline dicom::DecodedSlice ctSlice(int columns, int rows, const std::function<int(int, int)> &hu, double z = 0.0)
{
    dicom::DecodedSlice s;
    s.frame.format.rows = rows;
    s.frame.format.columns = columns;
    s.frame.format.isSigned = true;
    s.frame.data.resize(s.frame.format.frameBytes());
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            qToLittleEndian<qint16>(qint16(hu(c, r)), s.frame.data.data() + 2 * (qsizetype(r) * columns + c));
    s.display.modality.type = QStringLiteral("HU");
    s.display.windows = {{40.0, 400.0, QStringLiteral("MEDIASTINUM")}};
    s.plane = planeOf(Plane::Axial, 0.5, 0.5, z);
    return s;
}

} // namespace haip::test
