// ResultFiler: writes the parts of an opened result bundle into a folder — each under its
// Content-Location when that is a plain file name (letters, digits, '.', '-', '_': a name from
// the platform never leaves the folder), else part-<n>.<ext>. DICOM parts go through a
// ResultRelinker first when one is given, so what is filed belongs to the original study.
#pragma once

#include "common/Result.h"
#include "platform/MultipartRelated.h"

#include <QList>
#include <QString>

namespace haip::dicom {
class ResultRelinker;
}

namespace haip::workflow {

struct FiledPart
{
    QString fileName; // inside the folder
    QByteArray contentType;
    qint64 size = 0;
};

class ResultFiler
{
public:
    static Result<QList<FiledPart>> file(const platform::MultipartMessage &bundle,
                                         const QString &folder,
                                         const dicom::ResultRelinker *relinker = nullptr);
};

} // namespace haip::workflow
