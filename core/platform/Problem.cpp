// Problem documents: the code ↔ HTTP status ↔ title table, and strict parsing.
#include "platform/Problem.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace haip::platform {

namespace {

struct ProblemKind
{
    ErrorCode code;
    int status;
    const char *title; // RFC 9457: fixed per type, English, not translated
};

// Every code the API can answer with. Codes not listed (DICOM parsing, files…) are server-side
// faults when they reach the API boundary unhandled: 500 with their own type.
constexpr ProblemKind kKinds[] = {
    {ErrorCode::InvalidArgument, 400, "Invalid request"},
    {ErrorCode::AuthenticationRequired, 401, "Authentication required"},
    {ErrorCode::AuthenticationFailed, 401, "Authentication failed"},
    {ErrorCode::CertificateRejected, 401, "Card certificate rejected"},
    {ErrorCode::SessionExpired, 401, "Session expired"},
    {ErrorCode::NotFound, 404, "Not found"},
    {ErrorCode::MethodNotAllowed, 405, "Method not allowed"},
    {ErrorCode::RequestTimeout, 408, "Request timeout"},
    {ErrorCode::Conflict, 409, "Conflict"},
    {ErrorCode::PayloadTooLarge, 413, "Payload too large"},
    {ErrorCode::FileTooLarge, 413, "Payload too large"},
    {ErrorCode::RateLimited, 429, "Too many requests"},
    {ErrorCode::AccountLocked, 429, "Account temporarily locked"},
    {ErrorCode::Cancelled, 409, "Cancelled"},
    {ErrorCode::NotDicom, 422, "Not a DICOM object"},
    {ErrorCode::CorruptDataset, 422, "Damaged DICOM object"},
    {ErrorCode::TruncatedFile, 422, "Truncated DICOM object"},
    {ErrorCode::UnsupportedTransferSyntax, 415, "Unsupported transfer syntax"},
    // A job's sealed payload that the service could not open (the job's failure document).
    {ErrorCode::EnvelopeCorrupt, 422, "Envelope altered or damaged"},
    {ErrorCode::EnvelopeTruncated, 422, "Envelope truncated"},
    {ErrorCode::EnvelopeWrongKey, 422, "Envelope sealed to another key"},
    {ErrorCode::EnvelopeUnsupported, 422, "Envelope format not supported"},
};

const ProblemKind *kindFor(ErrorCode code)
{
    for (const ProblemKind &k : kKinds) {
        if (k.code == code)
            return &k;
    }
    return nullptr;
}

// Fallback when a foreign type URI arrives: the status still says what kind of failure it was.
ErrorCode codeForStatus(int status)
{
    switch (status) {
    case 400:
        return ErrorCode::InvalidArgument;
    case 401:
        return ErrorCode::AuthenticationRequired;
    case 404:
        return ErrorCode::NotFound;
    case 405:
        return ErrorCode::MethodNotAllowed;
    case 408:
        return ErrorCode::RequestTimeout;
    case 409:
        return ErrorCode::Conflict;
    case 413:
        return ErrorCode::PayloadTooLarge;
    case 429:
        return ErrorCode::RateLimited;
    // A gateway that cannot reach the platform, or a platform shedding load: for the clinician
    // the platform is out of reach for now, and the work goes on when it answers again.
    case 502:
    case 503:
    case 504:
        return ErrorCode::NetworkUnavailable;
    default:
        return ErrorCode::Internal;
    }
}

} // namespace

int Problem::httpStatus(ErrorCode code)
{
    const ProblemKind *kind = kindFor(code);
    return kind ? kind->status : 500;
}

QString Problem::typeUri(ErrorCode code)
{
    return QLatin1String(kTypeBase) + errorCodeName(code);
}

ErrorCode Problem::codeForType(const QString &type)
{
    const QLatin1String base(kTypeBase);
    if (!type.startsWith(base))
        return ErrorCode::None;
    const QString name = type.mid(base.size());
    for (int i = int(ErrorCode::None) + 1; i <= int(ErrorCode::Internal); ++i) {
        const auto code = static_cast<ErrorCode>(i);
        if (errorCodeName(code) == name)
            return code;
    }
    return ErrorCode::None;
}

Problem Problem::fromError(const Error &error)
{
    Problem p;
    p.type = typeUri(error.code());
    const ProblemKind *kind = kindFor(error.code());
    p.title = kind ? QLatin1String(kind->title) : QStringLiteral("Internal server error");
    p.status = httpStatus(error.code());
    p.detail = error.detail();
    p.instance = error.subject();
    return p;
}

Result<Problem> Problem::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("problem document is not a JSON object"));
    const QJsonObject o = doc.object();
    Problem p;
    // RFC 9457 section 3.1: a member of the wrong type is ignored as if absent; we refuse instead,
    // because our own server never sends one and a client must not guess at a damaged answer.
    const auto stringMember = [&o](const QString &name, QString &into) {
        const QJsonValue v = o.value(name);
        if (v.isUndefined())
            return true;
        if (!v.isString())
            return false;
        into = v.toString();
        return true;
    };
    if (!stringMember(QStringLiteral("type"), p.type) || !stringMember(QStringLiteral("title"), p.title) ||
        !stringMember(QStringLiteral("detail"), p.detail) || !stringMember(QStringLiteral("instance"), p.instance))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("problem document member has the wrong type"));
    const QJsonValue status = o.value(QStringLiteral("status"));
    if (!status.isUndefined()) {
        const double s = status.toDouble(-1);
        // The range first: int(s) of a value beyond int's range is undefined behaviour (found by
        // fuzzing, tests/fuzz/regressions/api_json).
        if (!status.isDouble() || s < 100 || s > 599 || s != double(int(s)))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("problem document status is not an HTTP status"));
        p.status = int(s);
    }
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        static const QStringList standard {QStringLiteral("type"),
                                           QStringLiteral("title"),
                                           QStringLiteral("status"),
                                           QStringLiteral("detail"),
                                           QStringLiteral("instance")};
        if (!standard.contains(it.key()))
            p.extensions.insert(it.key(), it.value());
    }
    return p;
}

Error Problem::toError() const
{
    ErrorCode code = codeForType(type);
    if (code == ErrorCode::None)
        code = codeForStatus(status);
    QString text = detail.isEmpty() ? title : detail;
    return Error(code, text, instance);
}

QJsonObject Problem::toJsonObject() const
{
    QJsonObject o = extensions;
    o.insert(QStringLiteral("type"), type);
    if (!title.isEmpty())
        o.insert(QStringLiteral("title"), title);
    if (status != 0)
        o.insert(QStringLiteral("status"), status);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    if (!instance.isEmpty())
        o.insert(QStringLiteral("instance"), instance);
    return o;
}

QByteArray Problem::toJson() const
{
    return QJsonDocument(toJsonObject()).toJson(QJsonDocument::Compact);
}

} // namespace haip::platform
