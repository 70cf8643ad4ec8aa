// Draws length and ellipse measurements with their labels (mm; mean/SD/min/max in modality
// units and area), the selected one highlighted with its handles.
#pragma once

#include "dicom/DecodedSlice.h"
#include "viewer/Measurement.h"

#include <QCoreApplication>
#include <QFont>
#include <QStringList>

#include <optional>

class QPainter;

namespace haip::ui {

class MeasurementPainter
{
    Q_DECLARE_TR_FUNCTIONS(haip::ui::MeasurementPainter)

public:
    // The label lines of `m` measured on `slice`; `units` is e.g. "HU" (may be empty).
    static QStringList label(const Measurement &m, const dicom::DecodedSlice &slice, const QString &units);

    static void paint(QPainter &painter,
                      const QFont &font,
                      const QTransform &imageToView,
                      const QList<Measurement> &measurements,
                      int selectedId,
                      const dicom::DecodedSlice &slice,
                      const QString &units);
};

} // namespace haip::ui
