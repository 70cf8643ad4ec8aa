// StrictJson: parses JSON that comes from the network with limits, before Qt's parser sees it.
// A hostile or broken server must produce a clear BadServerResponse error, never a crash, a
// stack exhaustion or a gigabyte allocation: the size is bounded, nesting depth and the number
// of values are counted in one linear pre-scan, numbers must be finite and of sane length, and
// the top level must be an object (every answer of the API is one).
#pragma once

#include "common/Result.h"

#include <QByteArrayView>
#include <QJsonObject>

namespace haip::platform {

struct JsonLimits
{
    qsizetype maxBytes = qsizetype {4} * 1024 * 1024;
    int maxDepth = 32; // the API's deepest document (catalog) nests 6 levels
    qsizetype maxValues = 200'000; // scalars, arrays and objects together
    int maxNumberLength = 40; // characters of one number token
};

class StrictJson
{
public:
    // The object, or BadServerResponse naming what was wrong (subject: `what`, e.g. "catalog").
    static Result<QJsonObject>
    parseObject(QByteArrayView json, const JsonLimits &limits = {}, const QString &what = {});
};

} // namespace haip::platform
