// The words of the corner annotations: patient, study and series on top; slice, position,
// thickness, probe, zoom and window at the bottom — laid out as radiologists expect them.
// In the anonymised display the words that identify the patient are left out.
#pragma once

#include "dicom/DecodedSlice.h"
#include "dicom/InstanceInfo.h"
#include "dicom/WindowLevelRenderer.h"
#include "viewer/AnnotationPainter.h"

#include <QCoreApplication>

#include <optional>

namespace haip::ui {

struct AnnotationContext
{
    dicom::InstanceInfo info;
    const dicom::DecodedSlice *slice = nullptr; // null while not decoded
    int index = 0; // 0-based slice index
    int count = 0;
    dicom::RenderSettings settings;
    QString voiLutName; // when settings.voiLutIndex >= 0
    double zoomPercent = 100.0;
    QString probe; // e.g. "(120, 87)  −850 HU"; empty when the cursor is off the image
    bool cinePlaying = false;
    int cineFps = 0;
    // "Anonymised display" (screenshots, teaching): no name, ID, birth date or institution —
    // what identifies the patient; sex, dates of the study, series, slice and window stay.
    bool anonymised = false;
};

class AnnotationText
{
    Q_DECLARE_TR_FUNCTIONS(haip::ui::AnnotationText)

public:
    static CornerText compose(const AnnotationContext &context);
    // "Yamada^Tarou=山田^太郎=やまだ^たろう" → "山田 太郎 (Yamada Tarou)"; single groups as "Family Given".
    static QString personName(const QString &pn);
    // DA "20240131" → "2024-01-31"; anything else as stored.
    static QString date(const QString &da);
    // The unit of the slice's modality values: Rescale Type, else HU for CT.
    static QString units(const dicom::DecodedSlice &slice, const QString &modality);
};

} // namespace haip::ui
