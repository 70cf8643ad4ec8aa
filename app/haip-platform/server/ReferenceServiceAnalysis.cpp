#include "ReferenceServiceAnalysis.h"

#include <QJsonDocument>

namespace haip::server {

namespace {
platform::MultipartPart part(const char *type, const QString &name, QByteArray body)
{
    platform::MultipartPart p;
    p.headers.contentType = type;
    p.headers.contentLocation = name;
    p.body = std::move(body);
    return p;
}
} // namespace

Result<QList<platform::MultipartPart>> ReferenceServiceAnalysis::analyse(const QStringList &dicomFiles,
                                                                         const std::atomic<bool> &cancel,
                                                                         const AnalysisProgress &progress) const
{
    Result<services::ServiceBundle> bundle = m_service.analyse(dicomFiles, &cancel, progress);
    if (!bundle)
        return bundle.error();
    QList<platform::MultipartPart> parts;
    if (!bundle->segmentation.isEmpty())
        parts.append(part(platform::multipart::DicomType, QStringLiteral("seg.dcm"), bundle->segmentation));
    parts.append(part(platform::multipart::DicomType, QStringLiteral("sr.dcm"), bundle->structuredReport));
    if (!bundle->presentationState.isEmpty())
        parts.append(part(platform::multipart::DicomType, QStringLiteral("gsps.dcm"), bundle->presentationState));
    parts.append(part(platform::multipart::HtmlType, QStringLiteral("report.html"), bundle->htmlReport.toUtf8()));
    parts.append(part(platform::multipart::JsonType,
                      QStringLiteral("findings.json"),
                      QJsonDocument(bundle->findings).toJson(QJsonDocument::Indented)));
    return parts;
}

} // namespace haip::server
