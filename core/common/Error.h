// The one error type of the library: a stable code, the file or object it concerns and a
// technical detail. message() turns it into a translated, actionable sentence for the user;
// codeName() is the stable machine name used in JSON output and logs.
#pragma once

#include <QString>

#include <optional>

namespace haip {

enum class ErrorCode
{
    None,
    // files and input
    InvalidArgument,
    FileNotFound,
    FileUnreadable,
    FileTooLarge,
    WriteFailed,
    // DICOM parsing
    NotDicom,
    TruncatedFile,
    InvalidValueRepresentation,
    CorruptDataset,
    MissingAttribute,
    InvalidAttribute,
    DicomDirInvalid,
    // pixel data
    NoPixelData,
    UnsupportedTransferSyntax,
    UnsupportedPhotometric,
    UnsupportedBitDepth,
    FrameOutOfRange,
    CorruptPixelData,
    DecodeFailed,
    // text
    UnsupportedCharacterSet,
    // local index
    DatabaseError,
    // long-running work
    Cancelled,
    // envelope crypto, keys and signatures (core/crypto)
    EnvelopeCorrupt,
    EnvelopeTruncated,
    EnvelopeWrongKey,
    EnvelopeUnsupported,
    KeyInvalid,
    SignatureInvalid,
    KeyPinMismatch,
    // platform API: HTTP problem documents (RFC 9457), authentication, TLS
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    RequestTimeout,
    RateLimited,
    AuthenticationRequired,
    AuthenticationFailed,
    CertificateRejected,
    SessionExpired,
    AccountLocked,
    TlsFailure,
    // platform client: transport and answers (core/platform)
    NetworkUnavailable,
    BadServerResponse,
    // smart cards (core/card): PC/SC and PIV
    CardUnavailable,
    CardRemoved,
    CardNotSupported,
    PinIncorrect,
    PinBlocked,
    CardFailed,
    // de-identification (core/dicom)
    BurnedInAnnotation,
    Internal,
};

class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString detail = {}, QString subject = {});

    ErrorCode code() const { return m_code; }
    // Technical detail (DCMTK/OpenJPEG text, byte offsets): for logs and the JSON "detail" field.
    const QString &detail() const { return m_detail; }
    // The file, tag or object concerned, e.g. a path.
    const QString &subject() const { return m_subject; }
    Error withSubject(const QString &subject) const;

    // Stable, untranslated name such as "truncated-file".
    QString codeName() const;
    // Translated sentence for the user, naming the subject and the reason.
    QString message() const;

private:
    ErrorCode m_code = ErrorCode::None;
    QString m_detail;
    QString m_subject;
};

QString errorCodeName(ErrorCode code);
// The code a stable name stands for (what was saved with errorCodeName); nullopt for unknown names.
std::optional<ErrorCode> errorCodeFromName(QStringView name);

} // namespace haip
