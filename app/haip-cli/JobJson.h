// A job's status as haip-cli prints it (one JSON object), shared by submit and jobs.
#pragma once

#include "platform/JobStatus.h"

#include <QJsonObject>

namespace haip::cli {

QJsonObject jobJson(const platform::JobStatus &job);

} // namespace haip::cli
