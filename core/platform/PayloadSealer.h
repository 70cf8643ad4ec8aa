// PayloadSealer and ResultOpener: the two ends of a job's end-to-end encryption on the
// workstation. sealFiles() writes the request payload — a multipart/related MIME entity with one
// application/dicom part per file (docs/api/README.md, "Payload and result") — through an
// EnvelopeWriter sealed to the service's catalog key, straight into a file: constant memory,
// whatever the series' size. The ResponseKey it returns is what opens the result later, so it
// is kept with the job (a secret). openResult() opens the sealed result with that key and parses
// the bundle (SEG, SR, HTML, findings); nothing is parsed before the envelope authenticated.
#pragma once

#include "common/Result.h"
#include "crypto/ResponseKey.h"
#include "platform/Catalog.h"
#include "platform/MultipartRelated.h"

#include <QString>
#include <QStringList>

namespace haip::platform {

struct SealedPayload
{
    QString path;
    qint64 sealedSize = 0;
    qint64 plaintextSize = 0;
    crypto::ResponseKey responseKey;
    QString keyId; // the service key it is sealed to
};

class PayloadSealer
{
public:
    static Result<SealedPayload>
    sealFiles(const QStringList &dicomFiles, const CatalogService &service, const QString &outputPath);
};

class ResultOpener
{
public:
    // Opens `sealedPath` into memory (results are a few MB) and parses the multipart entity.
    static Result<MultipartMessage> openResult(const QString &sealedPath, const crypto::ResponseKey &key);
};

} // namespace haip::platform
