// How stored values become grey levels or colours (PS3.3 C.11): the modality LUT (rescale or
// table), the VOI windows and tables the file proposes, and the palette for PALETTE COLOR.
#pragma once

#include <QList>
#include <QString>
#include <QVector>

namespace haip::dicom {

// A LUT as PS3.3 C.11.1.1 defines it: entries, first stored value mapped, bits per entry.
struct LutTable
{
    QVector<quint16> entries;
    int firstMapped = 0;
    int bitsPerEntry = 16;
    QString explanation;

    bool isEmpty() const { return entries.isEmpty(); }
    quint16 lookup(int value) const
    {
        const int i = value - firstMapped;
        if (i <= 0)
            return entries.front();
        if (i >= entries.size())
            return entries.back();
        return entries[i];
    }
};

struct ModalityLut
{
    double slope = 1.0;
    double intercept = 0.0;
    QString type; // Rescale Type / Modality LUT Type, e.g. "HU"; empty = unspecified
    LutTable table; // when present it replaces slope/intercept

    double apply(double stored) const
    {
        return table.isEmpty() ? stored * slope + intercept : table.lookup(int(stored));
    }
};

struct VoiWindow
{
    double center = 0.0;
    double width = 0.0;
    QString explanation;
};

enum class VoiFunction
{
    Linear,
    LinearExact,
    Sigmoid
};

struct PaletteLut
{
    LutTable red;
    LutTable green;
    LutTable blue;
    bool isEmpty() const { return red.isEmpty(); }
};

struct DisplayInfo
{
    ModalityLut modality;
    QList<VoiWindow> windows; // from Window Center/Width, in file order
    QList<LutTable> voiLuts; // from VOI LUT Sequence
    VoiFunction voiFunction = VoiFunction::Linear;
    PaletteLut palette;
};

} // namespace haip::dicom
