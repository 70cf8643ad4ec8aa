#include "ConformanceEchoAnalysis.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace haip::server {

Result<QList<platform::MultipartPart>> ConformanceEchoAnalysis::analyse(const QStringList &dicomFiles,
                                                                        const std::atomic<bool> &cancel,
                                                                        const AnalysisProgress &progress) const
{
    QJsonArray received;
    QString rows;
    for (qsizetype i = 0; i < dicomFiles.size(); ++i) {
        if (cancel.load())
            return Error(ErrorCode::Cancelled);
        QFile file(dicomFiles[i]);
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::FileUnreadable, file.errorString(), QFileInfo(file).fileName());
        QCryptographicHash sha(QCryptographicHash::Sha256);
        if (!sha.addData(&file))
            return Error(ErrorCode::FileUnreadable, file.errorString(), QFileInfo(file).fileName());
        const QString digest = QString::fromLatin1(sha.result().toHex());
        received.append(QJsonObject {{QStringLiteral("index"), int(i)},
                                     {QStringLiteral("size"), double(file.size())},
                                     {QStringLiteral("sha256"), digest}});
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td><code>%3</code></td></tr>\n")
                    .arg(i)
                    .arg(file.size())
                    .arg(digest);
        if (progress)
            progress(int((i + 1) * 100 / dicomFiles.size()), QStringLiteral("hashing"));
    }
    const QJsonObject findings {
        {QStringLiteral("service"), QLatin1String(kServiceId)},
        {QStringLiteral("kind"), QStringLiteral("conformance-echo (not a clinical result)")},
        {QStringLiteral("partCount"), int(dicomFiles.size())},
        {QStringLiteral("parts"), received},
    };
    const QString html =
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Conformance echo</title></head>"
                       "<body><h1>Conformance echo — not a clinical result</h1>"
                       "<p>The platform opened the request envelope and received these parts.</p>"
                       "<table><tr><th>#</th><th>bytes</th><th>SHA-256</th></tr>\n%1</table></body></html>\n")
            .arg(rows);
    QList<platform::MultipartPart> parts;
    platform::MultipartPartHeaders report;
    report.contentType = platform::multipart::HtmlType;
    report.contentLocation = QStringLiteral("report.html");
    platform::MultipartPartHeaders summary;
    summary.contentType = platform::multipart::JsonType;
    summary.contentLocation = QStringLiteral("findings.json");
    parts.append({report, html.toUtf8()});
    parts.append({summary, QJsonDocument(findings).toJson(QJsonDocument::Indented)});
    return parts;
}

} // namespace haip::server
