#include "viewer/PatientOrientation.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace haip::ui {

QString PatientOrientation::letters(const Vec3 &direction, double threshold)
{
    const Vec3 d = direction.normalized();
    struct Axis
    {
        double value;
        QChar positive; // letter when the component is > 0
        QChar negative;
    };
    std::array<Axis, 3> axes {{{d.x, u'L', u'R'}, {d.y, u'P', u'A'}, {d.z, u'H', u'F'}}};
    std::stable_sort(
        axes.begin(), axes.end(), [](const Axis &a, const Axis &b) { return std::abs(a.value) > std::abs(b.value); });
    QString out;
    for (const Axis &axis : axes)
        if (std::abs(axis.value) >= threshold)
            out.append(axis.value > 0 ? axis.positive : axis.negative);
    return out;
}

EdgeLetters PatientOrientation::edges(const dicom::ImagePlane &plane, const ViewTransform &view)
{
    if (!plane.hasOrientation)
        return {};
    // Screen directions (right, down) back into image pixel steps, then into patient mm.
    const QTransform toImage = view.imageToView().inverted();
    const QPointF origin = toImage.map(QPointF(0, 0));
    const double columnStep = plane.hasSpacing() ? plane.columnSpacing : 1.0;
    const double rowStep = plane.hasSpacing() ? plane.rowSpacing : 1.0;
    const auto patient = [&](QPointF screen) {
        const QPointF d = toImage.map(screen) - origin;
        return plane.rowDirection * (d.x() * columnStep) + plane.columnDirection * (d.y() * rowStep);
    };
    const Vec3 right = patient(QPointF(1, 0));
    const Vec3 down = patient(QPointF(0, 1));
    return {letters(right * -1.0), letters(right), letters(down * -1.0), letters(down)};
}

} // namespace haip::ui
