// StrictJson: a linear pre-scan (depth, value count, number length) and a post-check (finite
// numbers) around QJsonDocument, so limits hold whatever Qt's parser would allow.
#include "platform/StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>
#include <vector>

namespace haip::platform {

namespace {

Error bad(const QString &what, const QString &detail)
{
    return Error(ErrorCode::BadServerResponse, detail, what);
}

// Walks the bytes once outside strings: brackets for depth, value starts for the count, number
// tokens for their length. Syntax is left to QJsonDocument.
Result<void> prescan(QByteArrayView json, const JsonLimits &limits, const QString &what)
{
    int depth = 0;
    qsizetype values = 0;
    bool inString = false;
    bool escaped = false;
    int numberLength = 0;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        // 'e'/'E' belong to a number only inside one (not to "true" or "false").
        const bool numberChar =
            (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || ((c == 'e' || c == 'E') && numberLength > 0);
        if (numberChar) {
            if (numberLength == 0)
                ++values;
            if (++numberLength > limits.maxNumberLength)
                return bad(what, QStringLiteral("a number longer than %1 characters").arg(limits.maxNumberLength));
            continue;
        }
        numberLength = 0;
        switch (c) {
        case '{':
        case '[':
            ++values;
            if (++depth > limits.maxDepth)
                return bad(what, QStringLiteral("JSON nested deeper than %1 levels").arg(limits.maxDepth));
            break;
        case '}':
        case ']':
            --depth;
            break;
        case '"':
            ++values;
            inString = true;
            break;
        case 't': // true / false / null: counted once at their first letter
        case 'f':
        case 'n':
            ++values;
            break;
        default:
            break;
        }
        if (values > limits.maxValues)
            return bad(what, QStringLiteral("more than %1 JSON values").arg(limits.maxValues));
    }
    return {};
}

// Qt turns an out-of-range number into ±inf or refuses it depending on version; refuse both.
Result<void> checkNumbers(const QJsonValue &root, const QString &what)
{
    std::vector<QJsonValue> stack {root};
    while (!stack.empty()) {
        const QJsonValue v = stack.back();
        stack.pop_back();
        if (v.isDouble() && !std::isfinite(v.toDouble()))
            return bad(what, QStringLiteral("a number out of range"));
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (const QJsonValue e : a)
                stack.push_back(e);
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                stack.push_back(it.value());
        }
    }
    return {};
}

} // namespace

Result<QJsonObject> StrictJson::parseObject(QByteArrayView json, const JsonLimits &limits, const QString &what)
{
    if (json.size() > limits.maxBytes)
        return bad(what,
                   QStringLiteral("JSON of %1 bytes, more than the %2 allowed").arg(json.size()).arg(limits.maxBytes));
    if (Result<void> scanned = prescan(json, limits, what); !scanned)
        return scanned.error();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return bad(what, QStringLiteral("malformed JSON at byte %1: %2").arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        return bad(what, QStringLiteral("JSON that is not an object"));
    const QJsonObject object = doc.object();
    if (Result<void> numbers = checkNumbers(object, what); !numbers)
        return numbers.error();
    return object;
}

} // namespace haip::platform
