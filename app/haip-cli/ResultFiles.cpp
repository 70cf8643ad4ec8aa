#include "ResultFiles.h"

#include "workflow/ResultFiler.h"

#include <QDir>
#include <QJsonObject>

namespace haip::cli {

using namespace Qt::StringLiterals;

Result<QJsonArray> writeResultParts(const platform::MultipartMessage &bundle, const QString &folder)
{
    Result<QList<workflow::FiledPart>> filed = workflow::ResultFiler::file(bundle, folder);
    if (!filed)
        return filed.error();
    QJsonArray written;
    for (const workflow::FiledPart &part : *filed) {
        written.append(QJsonObject {{u"file"_s, QDir(folder).filePath(part.fileName)},
                                    {u"contentType"_s, QString::fromLatin1(part.contentType)},
                                    {u"size"_s, double(part.size)}});
    }
    return written;
}

} // namespace haip::cli
