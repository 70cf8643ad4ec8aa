// LosslessTranscoder: re-encodes a Part 10 file without losing a bit for sending to an AI
// service — JPEG-LS lossless (ISO 14495-1, NEAR = 0) or Deflated Explicit VR Little Endian,
// whichever the service's catalog entry accepts. JPEG-LS is tried first: on CT it packs about
// twice as tight as deflate. Pixel data already in an accepted syntax is left as it is (a
// decode and re-encode gains nothing); lossy input is never re-encoded as if it were original.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace haip::dicom {

namespace TransferSyntax {
inline constexpr const char *ExplicitLittle = "1.2.840.10008.1.2.1";
inline constexpr const char *DeflatedExplicitLittle = "1.2.840.10008.1.2.1.99";
inline constexpr const char *JpegLsLossless = "1.2.840.10008.1.2.4.80";
} // namespace TransferSyntax

class LosslessTranscoder
{
public:
    // The syntax to send in: the first of JPEG-LS lossless, deflate and explicit little endian
    // that `accepted` names (an empty list means explicit little endian only, the API's
    // baseline). Empty when `accepted` names none of them.
    static QString choose(const QStringList &accepted);

    // `part10` re-encoded in `transferSyntaxUid`, or unchanged when it already is in one of
    // `accepted`. `name` names the file in errors.
    static Result<QByteArray> transcode(const QByteArray &part10,
                                        const QString &transferSyntaxUid,
                                        const QStringList &accepted,
                                        const QString &name);
};

} // namespace haip::dicom
