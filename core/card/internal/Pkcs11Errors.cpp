// CK_RV → haip::Error: what each PKCS#11 return value means for the clinician at the login
// screen. Codes not listed are CardFailed with their number, so nothing is ever swallowed.
#include "card/internal/Pkcs11Api.h"

#include <iterator>

using namespace Qt::StringLiterals;

namespace haip::card::internal {

namespace {

struct ReturnValue
{
    CK_RV rv;
    const char *name;
    ErrorCode code;
    const char *detail; // technical detail for logs and the message's parenthesis; null: the name
};

// PKCS#11 2.40 section 5.1 (return values), grouped by what the user can do about them.
constexpr ReturnValue returnValues[] = {
    // The card left: the reader is empty, or the module dropped its sessions after a pull
    // (OpenSC answers CKR_SESSION_HANDLE_INVALID / _CLOSED once it has seen the removal).
    {CKR_DEVICE_REMOVED, "CKR_DEVICE_REMOVED", ErrorCode::CardRemoved, nullptr},
    {CKR_TOKEN_NOT_PRESENT, "CKR_TOKEN_NOT_PRESENT", ErrorCode::CardRemoved, nullptr},
    {CKR_SESSION_HANDLE_INVALID, "CKR_SESSION_HANDLE_INVALID", ErrorCode::CardRemoved, nullptr},
    {CKR_SESSION_CLOSED, "CKR_SESSION_CLOSED", ErrorCode::CardRemoved, nullptr},
    // PIN
    {CKR_PIN_INCORRECT, "CKR_PIN_INCORRECT", ErrorCode::PinIncorrect, ""},
    {CKR_PIN_INVALID, "CKR_PIN_INVALID", ErrorCode::PinIncorrect, "the PIN holds characters the card does not accept"},
    {CKR_PIN_LEN_RANGE, "CKR_PIN_LEN_RANGE", ErrorCode::PinIncorrect, "the PIN is too short or too long for this card"},
    {CKR_PIN_LOCKED, "CKR_PIN_LOCKED", ErrorCode::PinBlocked, nullptr},
    {CKR_PIN_EXPIRED, "CKR_PIN_EXPIRED", ErrorCode::CardFailed, "the PIN has expired and must be changed first"},
    {CKR_USER_PIN_NOT_INITIALIZED,
     "CKR_USER_PIN_NOT_INITIALIZED",
     ErrorCode::CardNotSupported,
     "the card has no user PIN set"},
    {CKR_USER_NOT_LOGGED_IN, "CKR_USER_NOT_LOGGED_IN", ErrorCode::CardFailed, "the PIN has not been entered"},
    {CKR_USER_TYPE_INVALID, "CKR_USER_TYPE_INVALID", ErrorCode::CardFailed, nullptr},
    {CKR_USER_ANOTHER_ALREADY_LOGGED_IN,
     "CKR_USER_ANOTHER_ALREADY_LOGGED_IN",
     ErrorCode::CardFailed,
     "another user (the security officer) is logged in to the card"},
    {CKR_USER_TOO_MANY_TYPES, "CKR_USER_TOO_MANY_TYPES", ErrorCode::CardFailed, nullptr},
    // The slot or token cannot be used at all.
    {CKR_SLOT_ID_INVALID, "CKR_SLOT_ID_INVALID", ErrorCode::CardUnavailable, "the reader (slot) no longer exists"},
    {CKR_TOKEN_NOT_RECOGNIZED,
     "CKR_TOKEN_NOT_RECOGNIZED",
     ErrorCode::CardNotSupported,
     "the module does not know this card"},
    {CKR_CRYPTOKI_NOT_INITIALIZED, "CKR_CRYPTOKI_NOT_INITIALIZED", ErrorCode::CardUnavailable, nullptr},
    // What the key or the module cannot do.
    {CKR_MECHANISM_INVALID, "CKR_MECHANISM_INVALID", ErrorCode::CardNotSupported, nullptr},
    {CKR_MECHANISM_PARAM_INVALID, "CKR_MECHANISM_PARAM_INVALID", ErrorCode::CardNotSupported, nullptr},
    {CKR_KEY_TYPE_INCONSISTENT, "CKR_KEY_TYPE_INCONSISTENT", ErrorCode::CardNotSupported, nullptr},
    {CKR_KEY_FUNCTION_NOT_PERMITTED, "CKR_KEY_FUNCTION_NOT_PERMITTED", ErrorCode::CardNotSupported, nullptr},
    {CKR_KEY_HANDLE_INVALID, "CKR_KEY_HANDLE_INVALID", ErrorCode::CardFailed, nullptr},
    {CKR_KEY_SIZE_RANGE, "CKR_KEY_SIZE_RANGE", ErrorCode::CardNotSupported, nullptr},
    {CKR_FUNCTION_NOT_SUPPORTED, "CKR_FUNCTION_NOT_SUPPORTED", ErrorCode::CardNotSupported, nullptr},
    // The card or its middleware failed.
    {CKR_DEVICE_ERROR, "CKR_DEVICE_ERROR", ErrorCode::CardFailed, nullptr},
    {CKR_DEVICE_MEMORY, "CKR_DEVICE_MEMORY", ErrorCode::CardFailed, nullptr},
    {CKR_FUNCTION_FAILED, "CKR_FUNCTION_FAILED", ErrorCode::CardFailed, nullptr},
    {CKR_GENERAL_ERROR, "CKR_GENERAL_ERROR", ErrorCode::CardFailed, nullptr},
    {CKR_HOST_MEMORY, "CKR_HOST_MEMORY", ErrorCode::CardFailed, nullptr},
    {CKR_DATA_INVALID, "CKR_DATA_INVALID", ErrorCode::CardFailed, nullptr},
    {CKR_DATA_LEN_RANGE, "CKR_DATA_LEN_RANGE", ErrorCode::CardFailed, nullptr},
    {CKR_OPERATION_ACTIVE, "CKR_OPERATION_ACTIVE", ErrorCode::CardFailed, nullptr},
    {CKR_OPERATION_NOT_INITIALIZED, "CKR_OPERATION_NOT_INITIALIZED", ErrorCode::CardFailed, nullptr},
    {CKR_SESSION_COUNT, "CKR_SESSION_COUNT", ErrorCode::CardFailed, "the card has too many open sessions"},
    {CKR_TOKEN_WRITE_PROTECTED, "CKR_TOKEN_WRITE_PROTECTED", ErrorCode::CardFailed, nullptr},
    {CKR_CANT_LOCK, "CKR_CANT_LOCK", ErrorCode::CardUnavailable, "the module cannot be used from several threads"},
    {CKR_ARGUMENTS_BAD, "CKR_ARGUMENTS_BAD", ErrorCode::CardFailed, nullptr},
    {CKR_BUFFER_TOO_SMALL, "CKR_BUFFER_TOO_SMALL", ErrorCode::CardFailed, nullptr},
    {CKR_ATTRIBUTE_TYPE_INVALID, "CKR_ATTRIBUTE_TYPE_INVALID", ErrorCode::CardFailed, nullptr},
    {CKR_ATTRIBUTE_SENSITIVE, "CKR_ATTRIBUTE_SENSITIVE", ErrorCode::CardFailed, nullptr},
    {CKR_FUNCTION_CANCELED, "CKR_FUNCTION_CANCELED", ErrorCode::Cancelled, nullptr},
};

const ReturnValue *find(CK_RV rv)
{
    for (const ReturnValue &entry : returnValues) {
        if (entry.rv == rv)
            return &entry;
    }
    return nullptr;
}

} // namespace

QString returnValueName(CK_RV rv)
{
    if (rv == CKR_OK)
        return u"CKR_OK"_s;
    if (const ReturnValue *entry = find(rv))
        return QString::fromLatin1(entry->name);
    return u"CKR 0x%1"_s.arg(rv, 0, 16);
}

Error pkcs11Error(CK_RV rv, const char *function)
{
    const QString where = QString::fromLatin1(function);
    const ReturnValue *entry = find(rv);
    if (!entry)
        return Error(ErrorCode::CardFailed, u"%1: %2"_s.arg(where, returnValueName(rv)));
    // PinIncorrect's detail is what the message puts beside "Wrong PIN": empty, or a reason.
    if (entry->code == ErrorCode::PinIncorrect)
        return Error(ErrorCode::PinIncorrect, QString::fromLatin1(entry->detail));
    if (entry->detail)
        return Error(entry->code, u"%1; %2: %3"_s.arg(QString::fromLatin1(entry->detail), where, returnValueName(rv)));
    return Error(entry->code, u"%1: %2"_s.arg(where, returnValueName(rv)));
}

QString paddedText(const unsigned char *field, std::size_t size)
{
    QByteArrayView bytes(field, qsizetype(size));
    while (!bytes.isEmpty() && (bytes.back() == ' ' || bytes.back() == '\0'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

} // namespace haip::card::internal
