#include "CatalogEntry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace haip::services {
namespace {

using namespace Qt::StringLiterals;

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStrings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

Result<QString> readResource(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileNotFound, f.errorString(), path);
    return QString::fromUtf8(f.readAll());
}

} // namespace

QJsonObject LocalizedText::toJson() const
{
    return {{u"ja"_s, ja}, {u"en"_s, en}};
}

LocalizedText LocalizedText::fromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return {o.value(u"ja"_s).toString(), o.value(u"en"_s).toString()};
}

QJsonObject InputConstraints::toJson() const
{
    QJsonObject o {{u"modalities"_s, toArray(modalities)},
                   {u"min_slices"_s, minSlices},
                   {u"accepts_single_images"_s, acceptsSingleImages}};
    o.insert(u"max_slices"_s, maxSlices > 0 ? QJsonValue(maxSlices) : QJsonValue());
    o.insert(u"max_slice_thickness_mm"_s, maxSliceThicknessMm > 0.0 ? QJsonValue(maxSliceThicknessMm) : QJsonValue());
    if (!transferSyntaxes.isEmpty())
        o.insert(u"transfer_syntaxes"_s, toArray(transferSyntaxes));
    return o;
}

InputConstraints InputConstraints::fromJson(const QJsonObject &o)
{
    InputConstraints c;
    c.modalities = toStrings(o.value(u"modalities"_s));
    c.minSlices = o.value(u"min_slices"_s).toInt(1);
    c.maxSlices = o.value(u"max_slices"_s).toInt(0);
    c.maxSliceThicknessMm = o.value(u"max_slice_thickness_mm"_s).toDouble(0.0);
    c.acceptsSingleImages = o.value(u"accepts_single_images"_s).toBool(false);
    c.transferSyntaxes = toStrings(o.value(u"transfer_syntaxes"_s));
    return c;
}

QJsonObject CatalogEntry::toJson() const
{
    return {
        {u"id"_s, id},
        {u"name"_s, name.toJson()},
        {u"vendor"_s, vendor},
        {u"version"_s, version},
        {u"intended_use"_s, intendedUse.toJson()},
        {u"modalities"_s, toArray(modalities)},
        {u"body_parts"_s, toArray(bodyParts)},
        {u"input"_s, input.toJson()},
        {u"output_kinds"_s, toArray(outputKinds)},
        {u"regulatory"_s,
         QJsonObject {{u"status"_s, regulatoryStatus},
                      {u"text"_s, regulatoryText.toJson()},
                      {u"approval_number"_s, approvalNumber.isEmpty() ? QJsonValue() : QJsonValue(approvalNumber)}}},
        {u"expected_turnaround_seconds"_s, expectedTurnaroundSeconds},
        {u"detail_html"_s, detailHtml.toJson()}};
}

Result<CatalogEntry> CatalogEntry::fromJson(const QJsonObject &o)
{
    CatalogEntry e;
    e.id = o.value(u"id"_s).toString();
    e.name = LocalizedText::fromJson(o.value(u"name"_s));
    e.vendor = o.value(u"vendor"_s).toString();
    e.version = o.value(u"version"_s).toString();
    e.intendedUse = LocalizedText::fromJson(o.value(u"intended_use"_s));
    e.modalities = toStrings(o.value(u"modalities"_s));
    e.bodyParts = toStrings(o.value(u"body_parts"_s));
    e.input = InputConstraints::fromJson(o.value(u"input"_s).toObject());
    e.outputKinds = toStrings(o.value(u"output_kinds"_s));
    const QJsonObject regulatory = o.value(u"regulatory"_s).toObject();
    e.regulatoryStatus = regulatory.value(u"status"_s).toString();
    e.regulatoryText = LocalizedText::fromJson(regulatory.value(u"text"_s));
    e.approvalNumber = regulatory.value(u"approval_number"_s).toString();
    e.expectedTurnaroundSeconds = o.value(u"expected_turnaround_seconds"_s).toInt();
    e.detailHtml = LocalizedText::fromJson(o.value(u"detail_html"_s));
    const QList<std::pair<QString, bool>> required {
        {u"id"_s, !e.id.isEmpty()},
        {u"name"_s, !e.name.ja.isEmpty() && !e.name.en.isEmpty()},
        {u"vendor"_s, !e.vendor.isEmpty()},
        {u"version"_s, !e.version.isEmpty()},
        {u"intended_use"_s, !e.intendedUse.ja.isEmpty() && !e.intendedUse.en.isEmpty()},
        {u"modalities"_s, !e.modalities.isEmpty()},
        {u"input"_s, !e.input.modalities.isEmpty() && e.input.minSlices >= 1},
        {u"output_kinds"_s, !e.outputKinds.isEmpty()},
        {u"regulatory"_s, !e.regulatoryStatus.isEmpty() && !e.regulatoryText.en.isEmpty()},
        {u"expected_turnaround_seconds"_s, e.expectedTurnaroundSeconds > 0},
    };
    for (const auto &[field, ok] : required) {
        if (!ok)
            return Error(ErrorCode::InvalidArgument, u"catalog entry: '%1' is missing or malformed"_s.arg(field));
    }
    return e;
}

Result<CatalogEntry> CatalogEntry::fromResources(const QString &serviceId)
{
    const QString base = u":/haip/services/catalog/"_s + serviceId;
    const Result<QString> json = readResource(base + u".json"_s);
    if (!json)
        return json.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json->toUtf8(), &parseError);
    if (!doc.isObject())
        return Error(ErrorCode::InvalidArgument, parseError.errorString(), base + u".json"_s);
    QJsonObject o = doc.object();
    // The detail pages are separate HTML files next to the JSON.
    const Result<QString> ja = readResource(base + u".ja.html"_s);
    const Result<QString> en = readResource(base + u".en.html"_s);
    if (!ja)
        return ja.error();
    if (!en)
        return en.error();
    o.insert(u"detail_html"_s, LocalizedText {*ja, *en}.toJson());
    return fromJson(o);
}

} // namespace haip::services
