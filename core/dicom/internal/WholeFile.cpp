#include "dicom/internal/WholeFile.h"

#include <QFile>

namespace haip::dicom::internal {

Result<QByteArray> readWholeFile(const QString &path, qint64 maxSize)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (file.size() > maxSize)
        return Error(ErrorCode::FileTooLarge, QString::number(file.size()), path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    QByteArray bytes = file.readAll();
    if (bytes.size() != file.size())
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    return bytes;
}

} // namespace haip::dicom::internal
