// The error catalogue: code → stable name → translated user message, in one place.
#include "common/Error.h"

#include <QCoreApplication>

namespace haip {

Error::Error(ErrorCode code, QString detail, QString subject)
    : m_code(code), m_detail(std::move(detail)), m_subject(std::move(subject))
{ }

Error Error::withSubject(const QString &subject) const
{
    Error copy = *this;
    copy.m_subject = subject;
    return copy;
}

QString Error::codeName() const
{
    return errorCodeName(m_code);
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return QStringLiteral("none");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case ErrorCode::FileNotFound:
        return QStringLiteral("file-not-found");
    case ErrorCode::FileUnreadable:
        return QStringLiteral("file-unreadable");
    case ErrorCode::FileTooLarge:
        return QStringLiteral("file-too-large");
    case ErrorCode::WriteFailed:
        return QStringLiteral("write-failed");
    case ErrorCode::NotDicom:
        return QStringLiteral("not-dicom");
    case ErrorCode::TruncatedFile:
        return QStringLiteral("truncated-file");
    case ErrorCode::InvalidValueRepresentation:
        return QStringLiteral("invalid-value-representation");
    case ErrorCode::CorruptDataset:
        return QStringLiteral("corrupt-dataset");
    case ErrorCode::MissingAttribute:
        return QStringLiteral("missing-attribute");
    case ErrorCode::InvalidAttribute:
        return QStringLiteral("invalid-attribute");
    case ErrorCode::DicomDirInvalid:
        return QStringLiteral("dicomdir-invalid");
    case ErrorCode::NoPixelData:
        return QStringLiteral("no-pixel-data");
    case ErrorCode::UnsupportedTransferSyntax:
        return QStringLiteral("unsupported-transfer-syntax");
    case ErrorCode::UnsupportedPhotometric:
        return QStringLiteral("unsupported-photometric-interpretation");
    case ErrorCode::UnsupportedBitDepth:
        return QStringLiteral("unsupported-bit-depth");
    case ErrorCode::FrameOutOfRange:
        return QStringLiteral("frame-out-of-range");
    case ErrorCode::CorruptPixelData:
        return QStringLiteral("corrupt-pixel-data");
    case ErrorCode::DecodeFailed:
        return QStringLiteral("decode-failed");
    case ErrorCode::UnsupportedCharacterSet:
        return QStringLiteral("unsupported-character-set");
    case ErrorCode::DatabaseError:
        return QStringLiteral("database-error");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::EnvelopeCorrupt:
        return QStringLiteral("envelope-corrupt");
    case ErrorCode::EnvelopeTruncated:
        return QStringLiteral("envelope-truncated");
    case ErrorCode::EnvelopeWrongKey:
        return QStringLiteral("envelope-wrong-key");
    case ErrorCode::EnvelopeUnsupported:
        return QStringLiteral("envelope-unsupported");
    case ErrorCode::KeyInvalid:
        return QStringLiteral("key-invalid");
    case ErrorCode::SignatureInvalid:
        return QStringLiteral("signature-invalid");
    case ErrorCode::KeyPinMismatch:
        return QStringLiteral("key-pin-mismatch");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::MethodNotAllowed:
        return QStringLiteral("method-not-allowed");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::PayloadTooLarge:
        return QStringLiteral("payload-too-large");
    case ErrorCode::RequestTimeout:
        return QStringLiteral("request-timeout");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate-limited");
    case ErrorCode::AuthenticationRequired:
        return QStringLiteral("authentication-required");
    case ErrorCode::AuthenticationFailed:
        return QStringLiteral("authentication-failed");
    case ErrorCode::CertificateRejected:
        return QStringLiteral("certificate-rejected");
    case ErrorCode::SessionExpired:
        return QStringLiteral("session-expired");
    case ErrorCode::AccountLocked:
        return QStringLiteral("account-locked");
    case ErrorCode::TlsFailure:
        return QStringLiteral("tls-failure");
    case ErrorCode::NetworkUnavailable:
        return QStringLiteral("network-unavailable");
    case ErrorCode::BadServerResponse:
        return QStringLiteral("bad-server-response");
    case ErrorCode::CardUnavailable:
        return QStringLiteral("card-unavailable");
    case ErrorCode::CardRemoved:
        return QStringLiteral("card-removed");
    case ErrorCode::CardNotSupported:
        return QStringLiteral("card-not-supported");
    case ErrorCode::PinIncorrect:
        return QStringLiteral("pin-incorrect");
    case ErrorCode::PinBlocked:
        return QStringLiteral("pin-blocked");
    case ErrorCode::CardFailed:
        return QStringLiteral("card-failed");
    case ErrorCode::BurnedInAnnotation:
        return QStringLiteral("burned-in-annotation");
    case ErrorCode::Internal:
        return QStringLiteral("internal-error");
    }
    return QStringLiteral("unknown");
}

QString Error::message() const
{
    const QString s = m_subject;
    switch (m_code) {
    case ErrorCode::None:
        return QCoreApplication::translate("Error", "No error.");
    case ErrorCode::InvalidArgument:
        return QCoreApplication::translate("Error", "Invalid argument: %1.").arg(m_detail);
    case ErrorCode::FileNotFound:
        return QCoreApplication::translate("Error", "%1: the file does not exist.").arg(s);
    case ErrorCode::FileUnreadable:
        return QCoreApplication::translate("Error", "%1: the file cannot be read (check permissions).").arg(s);
    case ErrorCode::FileTooLarge:
        return QCoreApplication::translate("Error", "%1: the file is too large to open.").arg(s);
    case ErrorCode::WriteFailed:
        return QCoreApplication::translate("Error",
                                           "%1: the file cannot be written (check free space and permissions).")
            .arg(s);
    case ErrorCode::NotDicom:
        return QCoreApplication::translate("Error", "%1: not a DICOM file.").arg(s);
    case ErrorCode::TruncatedFile:
        return QCoreApplication::translate("Error", "%1: the DICOM file is truncated (it ends before its data does).")
            .arg(s);
    case ErrorCode::InvalidValueRepresentation:
        return QCoreApplication::translate("Error", "%1: the DICOM file has an invalid value representation.").arg(s);
    case ErrorCode::CorruptDataset:
        return QCoreApplication::translate("Error", "%1: the DICOM data set is damaged and cannot be read.").arg(s);
    case ErrorCode::MissingAttribute:
        return QCoreApplication::translate("Error", "%1: a required DICOM attribute is missing (%2).").arg(s, m_detail);
    case ErrorCode::InvalidAttribute:
        return QCoreApplication::translate("Error", "%1: a DICOM attribute has an invalid value (%2).")
            .arg(s, m_detail);
    case ErrorCode::DicomDirInvalid:
        return QCoreApplication::translate("Error", "%1: the DICOMDIR is damaged; the folder was scanned instead.")
            .arg(s);
    case ErrorCode::NoPixelData:
        return QCoreApplication::translate("Error", "%1: the file holds no image.").arg(s);
    case ErrorCode::UnsupportedTransferSyntax:
        return QCoreApplication::translate("Error", "%1: the image compression (%2) is not supported.")
            .arg(s, m_detail);
    case ErrorCode::UnsupportedPhotometric:
        return QCoreApplication::translate("Error", "%1: the colour model (%2) is not supported.").arg(s, m_detail);
    case ErrorCode::UnsupportedBitDepth:
        return QCoreApplication::translate("Error", "%1: the pixel bit depth (%2) is not supported.").arg(s, m_detail);
    case ErrorCode::FrameOutOfRange:
        return QCoreApplication::translate("Error", "%1: the image has no frame %2.").arg(s, m_detail);
    case ErrorCode::CorruptPixelData:
        return QCoreApplication::translate("Error", "%1: the pixel data is damaged or incomplete.").arg(s);
    case ErrorCode::DecodeFailed:
        return QCoreApplication::translate("Error", "%1: the image could not be decoded (%2).").arg(s, m_detail);
    case ErrorCode::UnsupportedCharacterSet:
        return QCoreApplication::translate("Error", "%1: the character set %2 is not supported.").arg(s, m_detail);
    case ErrorCode::DatabaseError:
        return QCoreApplication::translate("Error", "The local image index reported an error: %1.").arg(m_detail);
    case ErrorCode::Cancelled:
        return QCoreApplication::translate("Error", "The operation was cancelled.");
    // Crypto errors often concern a stream rather than a file, so the subject is optional.
    case ErrorCode::EnvelopeCorrupt:
        return s.isEmpty() ? QCoreApplication::translate("Error",
                                                         "The encrypted data is damaged or was altered and cannot "
                                                         "be trusted (%1).")
                                 .arg(m_detail)
                           : QCoreApplication::translate("Error",
                                                         "%1: the encrypted data is damaged or was altered and "
                                                         "cannot be trusted (%2).")
                                 .arg(s, m_detail);
    case ErrorCode::EnvelopeTruncated:
        return s.isEmpty() ? QCoreApplication::translate("Error",
                                                         "The encrypted data is incomplete: it ends before its "
                                                         "last part (%1). Transfer it again.")
                                 .arg(m_detail)
                           : QCoreApplication::translate("Error",
                                                         "%1: the encrypted data is incomplete: it ends before its "
                                                         "last part (%2). Transfer it again.")
                                 .arg(s, m_detail);
    case ErrorCode::EnvelopeWrongKey:
        return s.isEmpty() ? QCoreApplication::translate("Error",
                                                         "The encrypted data was not sealed for this key or this "
                                                         "purpose (%1).")
                                 .arg(m_detail)
                           : QCoreApplication::translate("Error",
                                                         "%1: the encrypted data was not sealed for this key or this "
                                                         "purpose (%2).")
                                 .arg(s, m_detail);
    case ErrorCode::EnvelopeUnsupported:
        return s.isEmpty() ? QCoreApplication::translate("Error",
                                                         "The encrypted data uses a format or algorithm this "
                                                         "version cannot read (%1).")
                                 .arg(m_detail)
                           : QCoreApplication::translate("Error",
                                                         "%1: the encrypted data uses a format or algorithm this "
                                                         "version cannot read (%2).")
                                 .arg(s, m_detail);
    case ErrorCode::KeyInvalid:
        return s.isEmpty() ? QCoreApplication::translate("Error", "The key is not valid (%1).").arg(m_detail)
                           : QCoreApplication::translate("Error", "%1: the key is not valid (%2).").arg(s, m_detail);
    case ErrorCode::SignatureInvalid:
        return s.isEmpty() ? QCoreApplication::translate("Error",
                                                         "The signature does not verify: the document was altered "
                                                         "or not signed by the expected key (%1).")
                                 .arg(m_detail)
                           : QCoreApplication::translate("Error",
                                                         "%1: the signature does not verify: the document was "
                                                         "altered or not signed by the expected key (%2).")
                                 .arg(s, m_detail);
    case ErrorCode::KeyPinMismatch:
        return QCoreApplication::translate("Error",
                                           "The signing key is not the one pinned by policy (%1); ask IT to check "
                                           "the configured key fingerprint.")
            .arg(m_detail);
    case ErrorCode::NotFound:
        return QCoreApplication::translate("Error", "The platform does not know %1.").arg(s);
    case ErrorCode::MethodNotAllowed:
        return QCoreApplication::translate("Error", "The platform does not allow this operation on %1.").arg(s);
    case ErrorCode::Conflict:
        return QCoreApplication::translate("Error", "%1 is in a state that does not allow this (%2).").arg(s, m_detail);
    case ErrorCode::PayloadTooLarge:
        return QCoreApplication::translate("Error", "The request is larger than the platform accepts (%1).")
            .arg(m_detail);
    case ErrorCode::RequestTimeout:
        return QCoreApplication::translate("Error",
                                           "The platform closed the connection because the request arrived too "
                                           "slowly. Check the network and try again.");
    case ErrorCode::RateLimited:
        return QCoreApplication::translate("Error", "Too many requests in a short time (%1). Wait and try again.")
            .arg(m_detail);
    case ErrorCode::AuthenticationRequired:
        return QCoreApplication::translate("Error",
                                           "You are not signed in to the platform. Insert your card and sign in.");
    case ErrorCode::AuthenticationFailed:
        return QCoreApplication::translate("Error", "Sign-in failed: %1.").arg(m_detail);
    case ErrorCode::CertificateRejected:
        return QCoreApplication::translate("Error", "The platform refused your card's certificate: %1.").arg(m_detail);
    case ErrorCode::SessionExpired:
        return QCoreApplication::translate("Error", "Your platform session has ended. Sign in again with your card.");
    case ErrorCode::AccountLocked:
        return QCoreApplication::translate("Error",
                                           "Sign-in is locked after too many wrong one-time passwords (%1). "
                                           "Wait, then try again, or ask IT.")
            .arg(m_detail);
    case ErrorCode::TlsFailure:
        return QCoreApplication::translate("Error", "The secure connection to %1 failed: %2.").arg(s, m_detail);
    case ErrorCode::NetworkUnavailable:
        return QCoreApplication::translate("Error",
                                           "The platform %1 cannot be reached (%2). Check the network; the work "
                                           "continues when the connection is back.")
            .arg(s, m_detail);
    case ErrorCode::BadServerResponse:
        return QCoreApplication::translate("Error",
                                           "The platform %1 sent an answer that is not valid (%2). Nothing of it was "
                                           "used; please report this to IT.")
            .arg(s, m_detail);
    case ErrorCode::CardUnavailable:
        return QCoreApplication::translate("Error",
                                           "The card reader cannot be used (%1). Check that the reader is "
                                           "connected and the smart-card service is running.")
            .arg(m_detail);
    case ErrorCode::CardRemoved:
        return QCoreApplication::translate("Error", "The card was removed. Insert your card again.");
    case ErrorCode::CardNotSupported:
        return QCoreApplication::translate("Error", "This card cannot be used for sign-in (%1).").arg(m_detail);
    case ErrorCode::PinIncorrect: {
        // PIV cards count tries (the detail is a number); PKCS#11 tokens mostly do not say.
        bool counted = false;
        m_detail.toInt(&counted);
        if (counted)
            return QCoreApplication::translate("Error", "Wrong PIN. %1 tries left before the card is blocked.")
                .arg(m_detail);
        if (m_detail.isEmpty())
            return QCoreApplication::translate("Error", "Wrong PIN. Too many wrong PINs block the card.");
        return QCoreApplication::translate("Error", "Wrong PIN (%1). Too many wrong PINs block the card.")
            .arg(m_detail);
    }
    case ErrorCode::PinBlocked:
        return QCoreApplication::translate("Error",
                                           "The card is blocked after too many wrong PINs. Ask IT to unblock it.");
    case ErrorCode::CardFailed:
        return QCoreApplication::translate("Error", "The card refused the operation (%1).").arg(m_detail);
    case ErrorCode::BurnedInAnnotation:
        return QCoreApplication::translate("Error",
                                           "%1: the image may show patient details burned into its pixels (%2), "
                                           "so it was not de-identified and must not leave this computer. IT "
                                           "policy can allow such images where their pixels were checked.")
            .arg(s, m_detail);
    case ErrorCode::Internal:
        return QCoreApplication::translate("Error", "Internal error: %1. Please report this to IT.").arg(m_detail);
    }
    return QCoreApplication::translate("Error", "Unknown error.");
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (int code = 0; code <= int(ErrorCode::Internal); ++code) {
        if (errorCodeName(ErrorCode(code)) == name)
            return ErrorCode(code);
    }
    return std::nullopt;
}

} // namespace haip
