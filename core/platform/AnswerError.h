// AnswerError: how a non-2xx HTTP answer of the platform becomes an haip::Error — shared by the
// two transports of ApiClient (QNetworkAccessManager and BulkUploader).
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>

namespace haip::platform {

// The RFC 9457 problem document when there is a well-formed one, else the bare status.
Error errorFromAnswer(int status, const QByteArray &contentType, const QByteArray &body, const QString &path);
// A Retry-After header in seconds (1 … 3600), 0 when absent or not a number of seconds.
int retryAfterSeconds(const QByteArray &value);

} // namespace haip::platform
