#include "workflow/ResultFiler.h"

#include "dicom/ResultRelinker.h"

#include <QDir>
#include <QRegularExpression>
#include <QSaveFile>

namespace haip::workflow {

using namespace Qt::StringLiterals;

namespace {

QString partName(const platform::MultipartPart &part, qsizetype index)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$"_s);
    if (plain.match(part.headers.contentLocation).hasMatch())
        return part.headers.contentLocation;
    const QByteArray &type = part.headers.contentType;
    const QString ext = type.startsWith("application/dicom") ? u"dcm"_s
        : type.startsWith("text/html")                       ? u"html"_s
        : type.startsWith("application/json")                ? u"json"_s
                                                             : u"bin"_s;
    return u"part-%1.%2"_s.arg(index + 1).arg(ext);
}

} // namespace

Result<QList<FiledPart>> ResultFiler::file(const platform::MultipartMessage &bundle,
                                           const QString &folder,
                                           const dicom::ResultRelinker *relinker)
{
    if (!QDir().mkpath(folder))
        return Error(ErrorCode::WriteFailed, u"cannot create the folder"_s, folder);
    QList<FiledPart> filed;
    QStringList names;
    for (qsizetype i = 0; i < bundle.parts.size(); ++i) {
        const platform::MultipartPart &part = bundle.parts[i];
        QString name = partName(part, i);
        if (names.contains(name))
            name = u"part-%1-%2"_s.arg(i + 1).arg(name);
        names.append(name);
        QByteArray body = part.body;
        if (relinker && part.headers.contentType.startsWith(platform::multipart::DicomType)) {
            Result<QByteArray> relinked = relinker->relink(part.body, name);
            if (!relinked)
                return relinked.error();
            body = std::move(*relinked);
        }
        const QString path = QDir(folder).filePath(name);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(body) != body.size() || !out.commit())
            return Error(ErrorCode::WriteFailed, out.errorString(), path);
        filed.append(FiledPart {name, part.headers.contentType, body.size()});
    }
    return filed;
}

} // namespace haip::workflow
