// Fuzz target "api_json": the JSON answers of the platform API as the workstation parses them —
// StrictJson (the limits every answer passes first, ApiAnswer::json), then the typed readers of
// the answers: JobStatus (create, status, commit, cancel), ClinicianInfo (login answers) and the
// RFC 9457 problem documents of error answers (Problem::parse, errorFromAnswer, Retry-After).
#include "FuzzSupport.h"
#include "platform/AnswerError.h"
#include "platform/ApiReply.h"
#include "platform/JobStatus.h"
#include "platform/Problem.h"
#include "platform/SessionInfo.h"

using namespace haip;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    platform::ApiAnswer answer;
    answer.status = 200;
    answer.body = fuzz::bytes(data, size);
    if (Result<QJsonObject> object = answer.json()) {
        (void)platform::JobStatus::fromJson(*object);
        (void)platform::ClinicianInfo::fromJson(*object);
        (void)platform::ClinicianInfo::fromJson(object->value(QLatin1String("clinician")).toObject());
    }
    (void)platform::Problem::parse(answer.body);
    const Error error = platform::errorFromAnswer(
        422, QByteArrayLiteral("application/problem+json"), answer.body, QStringLiteral("/v1/jobs"));
    (void)error.message();
    // A Retry-After header value: the first line of the input, as a header would carry it.
    (void)platform::retryAfterSeconds(answer.body.left(answer.body.indexOf('\n')));
    return 0;
}
