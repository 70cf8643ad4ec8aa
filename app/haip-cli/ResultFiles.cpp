#include "ResultFiles.h"

#include <QDir>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace haip::cli {

using namespace Qt::StringLiterals;

Result<QJsonArray> writeResultParts(const platform::MultipartMessage &bundle, const QString &folder)
{
    if (!QDir().mkpath(folder))
        return Error(ErrorCode::WriteFailed, u"cannot create the folder"_s, folder);
    // A name from the platform never leaves the folder: letters, digits, '.', '-', '_' only.
    static const QRegularExpression plain(u"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$"_s);
    QJsonArray written;
    for (qsizetype i = 0; i < bundle.parts.size(); ++i) {
        const platform::MultipartPart &part = bundle.parts[i];
        QString name = part.headers.contentLocation;
        if (!plain.match(name).hasMatch()) {
            const QByteArray type = part.headers.contentType;
            const QString ext = type.startsWith("application/dicom") ? u"dcm"_s
                : type.startsWith("text/html")                       ? u"html"_s
                : type.startsWith("application/json")                ? u"json"_s
                                                                     : u"bin"_s;
            name = u"part-%1.%2"_s.arg(i + 1).arg(ext);
        }
        const QString path = QDir(folder).filePath(name);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(part.body) != part.body.size() || !file.commit())
            return Error(ErrorCode::WriteFailed, file.errorString(), path);
        written.append(QJsonObject {{u"file"_s, path},
                                    {u"contentType"_s, QString::fromLatin1(part.headers.contentType)},
                                    {u"size"_s, double(part.body.size())}});
    }
    return written;
}

} // namespace haip::cli
