#include "dicom/IndexGeometry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace haip::dicom {

namespace {

QJsonArray vec(const Vec3 &v)
{
    return {v.x, v.y, v.z};
}

bool readVec(const QJsonValue &value, Vec3 &out)
{
    const QJsonArray a = value.toArray();
    if (a.size() != 3)
        return false;
    out = {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
    return true;
}

QJsonObject planeObject(const ImagePlane &p)
{
    return {
        {QStringLiteral("hasPosition"), p.hasPosition},
        {QStringLiteral("hasOrientation"), p.hasOrientation},
        {QStringLiteral("position"), vec(p.position)},
        {QStringLiteral("row"), vec(p.rowDirection)},
        {QStringLiteral("column"), vec(p.columnDirection)},
        {QStringLiteral("spacing"), QJsonArray {p.rowSpacing, p.columnSpacing}},
        {QStringLiteral("thickness"), p.sliceThickness},
    };
}

bool readPlane(const QJsonValue &value, ImagePlane &p)
{
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    const QJsonArray spacing = o.value(QStringLiteral("spacing")).toArray();
    if (spacing.size() != 2)
        return false;
    p.hasPosition = o.value(QStringLiteral("hasPosition")).toBool();
    p.hasOrientation = o.value(QStringLiteral("hasOrientation")).toBool();
    p.rowSpacing = spacing[0].toDouble();
    p.columnSpacing = spacing[1].toDouble();
    p.sliceThickness = o.value(QStringLiteral("thickness")).toDouble();
    return readVec(o.value(QStringLiteral("position")), p.position) &&
        readVec(o.value(QStringLiteral("row")), p.rowDirection) &&
        readVec(o.value(QStringLiteral("column")), p.columnDirection);
}

} // namespace

QByteArray IndexGeometry::toJson(const InstanceGeometry &geometry)
{
    QJsonObject root {{QStringLiteral("plane"), planeObject(geometry.plane)}};
    if (!geometry.framePlanes.isEmpty()) {
        QJsonArray frames;
        for (const ImagePlane &p : geometry.framePlanes)
            frames.append(planeObject(p));
        root.insert(QStringLiteral("frames"), frames);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

bool IndexGeometry::fromJson(const QByteArray &json, InstanceGeometry &geometry)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject root = doc.object();
    if (!readPlane(root.value(QStringLiteral("plane")), geometry.plane))
        return false;
    geometry.framePlanes.clear();
    const QJsonArray frames = root.value(QStringLiteral("frames")).toArray();
    geometry.framePlanes.reserve(frames.size());
    for (const QJsonValue frame : frames) {
        ImagePlane p;
        if (!readPlane(frame, p))
            return false;
        geometry.framePlanes.append(p);
    }
    return true;
}

} // namespace haip::dicom
