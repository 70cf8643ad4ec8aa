#include "ProblemResponse.h"

#include <array>

namespace haip::server {

namespace {
struct Reason
{
    int status;
    const char *phrase;
};
// Reason phrases of the statuses the API answers with (RFC 9110 section 15).
constexpr std::array<Reason, 20> kReasons {{
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {204, "No Content"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {411, "Length Required"},
    {413, "Content Too Large"},
    {415, "Unsupported Media Type"},
    {422, "Unprocessable Content"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {500, "Internal Server Error"},
    {503, "Service Unavailable"},
    {505, "HTTP Version Not Supported"},
}};
} // namespace

QByteArray ProblemResponse::reasonPhrase(int status)
{
    for (const Reason &r : kReasons) {
        if (r.status == status)
            return QByteArray(r.phrase);
    }
    return QByteArrayLiteral("Error");
}

ApiResponse ProblemResponse::from(const Error &error, int retryAfterSeconds)
{
    return from(platform::Problem::fromError(error), retryAfterSeconds);
}

ApiResponse ProblemResponse::from(const platform::Problem &problem, int retryAfterSeconds)
{
    platform::Problem p = problem;
    ApiResponse r;
    if (retryAfterSeconds > 0) {
        p.extensions.insert(QStringLiteral("retryAfterSeconds"), retryAfterSeconds);
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
    }
    r.status = p.status > 0 ? p.status : 500;
    r.contentType = QByteArray(platform::Problem::kMediaType);
    r.body = p.toJson();
    return r;
}

QByteArray ProblemResponse::rawHttp(const platform::Problem &problem)
{
    const QByteArray body = problem.toJson();
    const int status = problem.status > 0 ? problem.status : 500;
    QByteArray out;
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: " + QByteArray(platform::Problem::kMediaType) + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    out += body;
    return out;
}

} // namespace haip::server
