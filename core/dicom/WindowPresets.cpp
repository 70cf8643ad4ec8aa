// The CT window table. Values in HU, centre/width:
//  - lung −600/1500, brain 40/80 and bone 400/1800: Radiopaedia, "Windowing (CT)"
//    (radiopaedia.org/articles/windowing-ct), which lists the same three exactly;
//  - mediastinum 40/400: the usual chest soft-tissue window (Radiopaedia lists 50/350;
//    the two differ by less than a drag step);
//  - abdomen 50/350: Radiopaedia's abdominal soft-tissue window is 50/400; 50/350 is the
//    narrower setting many CT consoles ship and makes liver/spleen contrast easier to read.
// Bone: 400/1800 rather than 300/1500, to keep cortical detail visible without clipping
// dense cortex (Radiopaedia's value).
#include "dicom/WindowPresets.h"

#include <QCoreApplication>

namespace haip::dicom {

namespace {

struct StandardWindow
{
    const char *id;
    const char *name; // translated in the "haip::dicom::WindowPresets" context
    double center;
    double width;
};

constexpr StandardWindow StandardWindows[] = {
    {"ct-lung", QT_TRANSLATE_NOOP("haip::dicom::WindowPresets", "CT Lung"), -600.0, 1500.0},
    {"ct-mediastinum", QT_TRANSLATE_NOOP("haip::dicom::WindowPresets", "CT Mediastinum"), 40.0, 400.0},
    {"ct-abdomen", QT_TRANSLATE_NOOP("haip::dicom::WindowPresets", "CT Abdomen"), 50.0, 350.0},
    {"ct-bone", QT_TRANSLATE_NOOP("haip::dicom::WindowPresets", "CT Bone"), 400.0, 1800.0},
    {"ct-brain", QT_TRANSLATE_NOOP("haip::dicom::WindowPresets", "CT Brain"), 40.0, 80.0},
};

QString translate(const char *text)
{
    return QCoreApplication::translate("haip::dicom::WindowPresets", text);
}

} // namespace

QList<WindowPreset> WindowPresets::standard()
{
    QList<WindowPreset> presets;
    int key = 1;
    for (const StandardWindow &w : StandardWindows)
        presets.append({QString::fromLatin1(w.id), translate(w.name), w.center, w.width, -1, key++});
    return presets;
}

QList<WindowPreset> WindowPresets::fromFile(const DisplayInfo &display)
{
    QList<WindowPreset> presets;
    for (int i = 0; i < display.windows.size(); ++i) {
        const VoiWindow &w = display.windows[i];
        if (w.width <= 0.0)
            continue;
        const QString name = w.explanation.trimmed().isEmpty()
            ? QCoreApplication::translate("haip::dicom::WindowPresets", "File window %1").arg(i + 1)
            : QCoreApplication::translate("haip::dicom::WindowPresets", "File: %1").arg(w.explanation.trimmed());
        presets.append({QStringLiteral("file-%1").arg(i + 1), name, w.center, w.width, -1, 0});
    }
    for (int i = 0; i < display.voiLuts.size(); ++i) {
        const LutTable &lut = display.voiLuts[i];
        if (lut.isEmpty())
            continue;
        const QString name = lut.explanation.trimmed().isEmpty()
            ? QCoreApplication::translate("haip::dicom::WindowPresets", "File VOI LUT %1").arg(i + 1)
            : QCoreApplication::translate("haip::dicom::WindowPresets", "File LUT: %1").arg(lut.explanation.trimmed());
        const double center = lut.firstMapped + (lut.entries.size() - 1) / 2.0;
        presets.append({QStringLiteral("file-lut-%1").arg(i + 1), name, center, double(lut.entries.size()), i, 0});
    }
    return presets;
}

std::optional<WindowPreset> WindowPresets::find(const QString &id, const DisplayInfo &display)
{
    for (const QList<WindowPreset> &list : {standard(), fromFile(display)})
        for (const WindowPreset &preset : list)
            if (preset.id == id)
                return preset;
    return std::nullopt;
}

} // namespace haip::dicom
