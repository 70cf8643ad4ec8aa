// The anatomy behind a phantom study: what each kind (chest, head) looks like in Hounsfield
// units, where its known lesions are, and the facts its headers need. Patient coordinates in
// mm, head first supine (x towards the patient's left, y posterior, z superior), as the DICOM
// patient coordinate system defines them. Private to the phantom generator.
#pragma once

#include "common/Vec3.h"
#include "dicom/Phantom.h"

#include <QList>
#include <QString>

#include <memory>

namespace haip::dicom::phantom {

// The sampling of one axial plane: square pixels, first pixel centre at (x0, y0).
struct PlaneGrid
{
    int rows = 0;
    int columns = 0;
    double x0 = 0.0;
    double y0 = 0.0;
    double spacing = 1.0;

    double x(int column) const { return x0 + column * spacing; }
    double y(int row) const { return y0 + row * spacing; }
};

// A lesion whose place and values the ground truth states. Spherical; a part-solid nodule has
// a solid core of `coreDiameter` at `coreHu` inside ground glass of `hu`.
struct Lesion
{
    QString id;
    QString kind; // "solid-nodule", "part-solid-nodule", "intraparenchymal-haemorrhage"
    QString location; // anatomical description, e.g. "right upper lobe"
    Vec3 centre;
    double diameter = 0.0;
    double hu = 0.0;
    double coreDiameter = 0.0;
    double coreHu = 0.0;

    // Mean HU over the whole sphere (volume-weighted for a part-solid nodule).
    double meanHu() const
    {
        if (coreDiameter <= 0.0)
            return hu;
        const double f = (coreDiameter / diameter) * (coreDiameter / diameter) * (coreDiameter / diameter);
        return f * coreHu + (1.0 - f) * hu;
    }
};

// A window the files propose (VOI LUT module), with its explanation.
struct WindowPreset
{
    double centre;
    double width;
    const char *explanation;
};

// Header facts that differ between kinds.
struct StudyProfile
{
    const char *kindName = nullptr; // "chest-ct"
    const char *bodyPart = nullptr; // Body Part Examined
    const char *studyDescriptionAscii = nullptr;
    QString studyDescriptionJapanese; // appended after the ASCII text
    const char *seriesDescription = nullptr;
    const char *protocolName = nullptr;
    const char *convolutionKernel = nullptr;
    double kvp = 0.0;
    int tubeCurrent = 0;
    double ctdiVol = 0.0;
    QList<WindowPreset> windows;
};

class AnatomyModel
{
public:
    virtual ~AnatomyModel() = default;

    virtual const StudyProfile &profile() const = 0;
    virtual int defaultSlices() const = 0;
    virtual double defaultScanLength() const = 0; // mm along z covered by defaultSlices
    virtual double scanCentre() const = 0; // z (mm) of the middle of the scan range
    virtual double fieldOfView() const = 0; // reconstruction diameter, mm
    virtual double noiseSd() const = 0; // HU
    virtual const QList<Lesion> &lesions() const = 0;
    // Drops every lesion (and what comes with it, such as oedema): the normal anatomy.
    virtual void removeLesions() = 0;

    // Noise-free HU of every pixel of the axial plane at `z` (rows*columns floats), lesions included.
    virtual void render(double z, const PlaneGrid &grid, float *hu) const = 0;
};

std::unique_ptr<AnatomyModel> makeChestModel();
std::unique_ptr<AnatomyModel> makeHeadModel();

} // namespace haip::dicom::phantom
