#include "HtmlReportWriter.h"

#include "FindingsJson.h"
#include "KeyImageRenderer.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace haip::services {
namespace {

using namespace Qt::StringLiterals;

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// "日本語 / English" in one cell, the English part de-emphasised.
QString both(const LocalizedText &t)
{
    return u"%1<br><span class=\"en\">%2</span>"_s.arg(esc(t.ja), esc(t.en));
}

QString num(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

// The colour a finding's segment is drawn in (the SEG's recommended display colour).
QColor colourOf(const AnalysisResult &analysis, const Finding &f)
{
    for (const SegmentInfo &s : analysis.segments) {
        if (s.number == f.segmentNumber)
            return s.colour;
    }
    return segmentColour(0);
}

const char *kStyle = R"(
body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif;margin:1.5em;color:#1d1d1f;background:#fff;line-height:1.5}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;border-bottom:1px solid #ccc;margin-top:1.6em}
.notice{border:2px solid #c62828;background:#fdecea;color:#8e0000;padding:.6em 1em;font-weight:bold;margin-bottom:1em}
.en{color:#555;font-size:.92em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #333;vertical-align:middle;margin-right:.3em}
figure{display:inline-block;margin:.5em 1em .5em 0;vertical-align:top}figcaption{font-size:.9em}
img{border:1px solid #888;image-rendering:auto}code{font-size:.85em;word-break:break-all}
footer{margin-top:2em;font-size:.85em;color:#555}
)";

} // namespace

QString HtmlReportWriter::write(const CatalogEntry &entry,
                                const ImageVolume &volume,
                                const AnalysisResult &analysis,
                                const ResultIdentity &identity,
                                bool segmentationWritten)
{
    const VolumeGeometry &g = volume.geometry;
    const bool ct = volume.series.modality == u"CT";
    const LocalizedText notice = FindingsJson::notice();
    QString h;
    h += u"<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"_s;
    h +=
        u"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"_s;
    h += u"<title>%1 / %2</title><style>%3</style></head><body>\n"_s.arg(
        esc(analysis.title.ja), esc(analysis.title.en), QString::fromLatin1(kStyle));
    h += u"<div class=\"notice\">%1<br>%2</div>\n"_s.arg(esc(notice.ja), esc(notice.en));
    h += u"<h1>%1</h1><div class=\"en\">%2</div>\n"_s.arg(esc(analysis.title.ja), esc(analysis.title.en));
    h += u"<p>%1</p>\n"_s.arg(both(FindingsJson::summary(analysis)));

    // Findings.
    if (!analysis.findings.isEmpty()) {
        h += u"<h2>所見候補 <span class=\"en\">Candidate findings</span></h2>\n<table><tr>"_s;
        h += u"<th>#</th><th>ID</th><th>部位<br><span class=\"en\">Site</span></th>"_s;
        h += u"<th>重心 (mm)<br><span class=\"en\">Centroid, patient x/y/z</span></th>"_s;
        h += u"<th>スライス<br><span class=\"en\">Slice</span></th>"_s;
        h += analysis.isTwoDimensional ? u"<th>面積 (mm²)<br><span class=\"en\">Area</span></th>"_s
                                       : u"<th>体積 (mm³)<br><span class=\"en\">Volume</span></th><th>体積 (mL)</th>"_s;
        h += u"<th>等価径 (mm)<br><span class=\"en\">Equivalent diameter</span></th>"_s;
        h += ct ? u"<th>平均CT値 (HU)<br><span class=\"en\">Mean HU</span></th>"_s
                : u"<th>平均値<br><span class=\"en\">Mean value</span></th>"_s;
        const bool scores = std::any_of(analysis.findings.begin(), analysis.findings.end(), [](const Finding &f) {
            return f.peakScore.has_value();
        });
        if (scores)
            h += u"<th>最大zスコア<br><span class=\"en\">Peak z-score</span></th>"_s;
        h += u"</tr>\n"_s;
        for (int i = 0; i < analysis.findings.size(); ++i) {
            const Finding &f = analysis.findings[i];
            const int k = FindingsJson::nearestSlice(volume, f);
            h += u"<tr><td><span class=\"swatch\" style=\"background:%1\"></span>%2</td><td>%3</td><td>%4</td>"_s
                     .arg(colourOf(analysis, f).name())
                     .arg(i + 1)
                     .arg(esc(f.trackingId), both(f.siteText));
            h += u"<td class=\"n\">%1, %2, %3</td><td class=\"n\">%4 / %5</td>"_s
                     .arg(num(f.centroid.x, 1), num(f.centroid.y, 1), num(f.centroid.z, 1))
                     .arg(k + 1)
                     .arg(g.slices);
            h += analysis.isTwoDimensional ? u"<td class=\"n\">%1</td>"_s.arg(num(f.volumeMm3, 1))
                                           : u"<td class=\"n\">%1</td><td class=\"n\">%2</td>"_s.arg(
                                                 num(f.volumeMm3, 1), num(f.volumeMm3 / 1000.0, 2));
            h += u"<td class=\"n\">%1</td><td class=\"n\">%2</td>"_s.arg(num(f.equivalentDiameterMm, 1),
                                                                         num(f.meanValue, ct ? 0 : 1));
            if (scores)
                h += u"<td class=\"n\">%1</td>"_s.arg(f.peakScore ? num(*f.peakScore, 1) : u"—"_s);
            h += u"</tr>\n"_s;
        }
        h += u"</table>\n"_s;
        if (!analysis.scoreNote.ja.isEmpty())
            h += u"<p>%1</p>\n"_s.arg(both(analysis.scoreNote));

        h += u"<h2>キー画像 <span class=\"en\">Key images</span></h2>\n"_s;
        const DisplayWindow window {analysis.windowCentre, analysis.windowWidth};
        for (int i = 0; i < analysis.findings.size(); ++i) {
            const Finding &f = analysis.findings[i];
            const int k = FindingsJson::nearestSlice(volume, f);
            const QByteArray png =
                KeyImageRenderer::render(volume, analysis, f.segmentNumber, k, window, colourOf(analysis, f));
            if (png.isEmpty())
                continue;
            h += u"<figure><img alt=\"%1\" src=\"data:image/png;base64,%2\"><figcaption>%3 %1 — スライス %4 "
                 u"<span class=\"en\">slice %4</span></figcaption></figure>\n"_s
                     .arg(esc(f.trackingId), QString::fromLatin1(png.toBase64()), QString::number(i + 1))
                     .arg(k + 1);
        }
    }

    // Method.
    h += u"<h2>方法 <span class=\"en\">Method</span></h2>\n<p>%1</p>\n"_s.arg(both(analysis.method));
    h +=
        u"<table><tr><th>パラメータ <span class=\"en\">Parameter</span></th><th>値 <span class=\"en\">Value</span></th></tr>\n"_s;
    for (auto it = analysis.parameters.begin(); it != analysis.parameters.end(); ++it) {
        const QString value = it.value().isArray()
            ? QString::fromUtf8(QJsonDocument(it.value().toArray()).toJson(QJsonDocument::Compact))
            : it.value().toVariant().toString();
        h += u"<tr><td><code>%1</code></td><td class=\"n\">%2</td></tr>\n"_s.arg(esc(it.key()), esc(value));
    }
    h += u"</table>\n"_s;

    // Provenance.
    h += u"<h2>入力と結果 <span class=\"en\">Input and result objects</span></h2>\n<table>"_s;
    auto row = [&](const QString &ja, const QString &en, const QString &value) {
        h += u"<tr><th>%1<br><span class=\"en\">%2</span></th><td><code>%3</code></td></tr>\n"_s.arg(
            esc(ja), esc(en), esc(value));
    };
    row(u"モダリティ"_s, u"Modality"_s, volume.series.modality);
    row(u"画像"_s,
        u"Images"_s,
        u"%1 × %2 × %3, %4 × %5 mm%6"_s.arg(g.columns)
            .arg(g.rows)
            .arg(g.slices)
            .arg(num(g.columnSpacing, 3), num(g.rowSpacing, 3))
            .arg(g.slices > 1 ? u", %1 mm"_s.arg(num(g.sliceSpacing, 3)) : QString()));
    row(u"検査 UID"_s, u"Study Instance UID"_s, volume.series.studyInstanceUid);
    row(u"シリーズ UID"_s, u"Series Instance UID"_s, volume.series.seriesInstanceUid);
    if (segmentationWritten)
        row(u"セグメンテーション"_s, u"Segmentation (SEG)"_s, identity.segmentationInstanceUid);
    row(u"構造化レポート"_s, u"Structured report (TID 1500)"_s, identity.reportInstanceUid);
    h += u"</table>\n"_s;

    h += u"<footer>%1 %2 — %3 — %4 (UTC)<br>%5</footer>\n</body></html>\n"_s.arg(
        esc(entry.name.ja),
        esc(entry.name.en),
        esc(entry.vendor),
        identity.created.toString(u"yyyy-MM-dd HH:mm:ss"_s),
        esc(u"%1 %2 / %3 %4"_s.arg(entry.id, entry.version, analysis.algorithmName, analysis.algorithmVersion)));
    return h;
}

} // namespace haip::services
