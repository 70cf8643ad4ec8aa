// Problem: an RFC 9457 problem document (application/problem+json), the one error shape of the
// platform API. The server builds it from an haip::Error; the client parses it back into one.
// The mapping code ↔ type URI ↔ HTTP status lives in Problem.cpp and nowhere else.
#pragma once

#include "common/Error.h"
#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace haip::platform {

class Problem
{
public:
    // Media type of a problem document (RFC 9457 section 3).
    static constexpr const char *kMediaType = "application/problem+json";
    // Base of every problem type URI: <base><code name>, e.g. …/problems/rate-limited.
    static constexpr const char *kTypeBase = "https://haip.example.jp/problems/";

    Problem() = default;
    // type, title and status from the error code; detail from error.detail(); instance from subject.
    static Problem fromError(const Error &error);
    // Parses and validates a problem document (an object; members of the wrong JSON type are refused).
    static Result<Problem> parse(const QByteArray &json);

    // The error this problem stands for: the code named by the type URI, else one chosen by status.
    Error toError() const;
    QJsonObject toJsonObject() const;
    QByteArray toJson() const; // compact UTF-8

    // The HTTP status the API answers an error code with (500 for codes that are server faults).
    static int httpStatus(ErrorCode code);
    static QString typeUri(ErrorCode code);
    // The code a type URI names, or ErrorCode::None for a foreign or unknown type.
    static ErrorCode codeForType(const QString &type);

    QString type = QStringLiteral("about:blank");
    QString title;
    int status = 0; // 0: absent
    QString detail;
    QString instance;
    // Extension members (RFC 9457 section 3.2), e.g. "retryAfterSeconds".
    QJsonObject extensions;
};

} // namespace haip::platform
