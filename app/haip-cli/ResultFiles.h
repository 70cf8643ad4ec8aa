// Writes the parts of an opened result bundle into a folder (haip-cli submit --out, result):
// each under its Content-Location file name when that is a plain name, else part-<n>.<ext>.
#pragma once

#include "common/Result.h"
#include "platform/MultipartRelated.h"

#include <QJsonArray>
#include <QString>

namespace haip::cli {

// One JSON object per part written: {file, contentType, size}.
Result<QJsonArray> writeResultParts(const platform::MultipartMessage &bundle, const QString &folder);

} // namespace haip::cli
