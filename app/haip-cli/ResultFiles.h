// The parts of an opened result bundle written into a folder (haip-cli submit --out, result)
// through workflow::ResultFiler, reported as JSON.
#pragma once

#include "common/Result.h"
#include "platform/MultipartRelated.h"

#include <QJsonArray>
#include <QString>

namespace haip::cli {

// One JSON object per part written: {file, contentType, size}.
Result<QJsonArray> writeResultParts(const platform::MultipartMessage &bundle, const QString &folder);

} // namespace haip::cli
