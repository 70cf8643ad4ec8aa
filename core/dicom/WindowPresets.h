// Window presets: the standard CT windows radiologists switch between (a data table, with
// the sources of its values in the .cpp) and the windows a file proposes itself (Window
// Center/Width with their explanations, and its VOI LUTs). Presets have stable ids such as
// "ct-lung" or "file-1" for menus, shortcuts and scripts.
#pragma once

#include "dicom/DisplayInfo.h"

#include <QList>
#include <QString>

#include <optional>

namespace haip::dicom {

struct WindowPreset
{
    QString id; // "ct-lung", "ct-mediastinum", …, "file-1", "file-lut-1"
    QString name; // translated, for menus
    double center = 0.0; // modality units (HU for the CT presets)
    double width = 1.0;
    int voiLutIndex = -1; // >= 0 for a file's VOI LUT (center/width then unused)
    int key = 0; // 1–9: the number key that selects it in the viewer; 0 = none
};

class WindowPresets
{
public:
    // The standard CT windows, in number-key order.
    static QList<WindowPreset> standard();
    // The windows and VOI LUTs of a file, in file order ("file-1", "file-2", …, "file-lut-1", …).
    static QList<WindowPreset> fromFile(const DisplayInfo &display);
    // Looks an id up among standard() and fromFile(display).
    static std::optional<WindowPreset> find(const QString &id, const DisplayInfo &display = {});
};

} // namespace haip::dicom
