// The PKCS#11 token: PIN through C_Login, the certificate of the signing key, and SHA-256
// signatures through CKM_RSA_PKCS / CKM_ECDSA.
#include "card/Pkcs11Token.h"

#include "card/internal/Pkcs11Api.h"
#include "card/internal/Pkcs11Session.h"
#include "card/internal/SignatureForms.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace haip::card {

namespace {

Result<CK_TOKEN_INFO> tokenInfo(CK_FUNCTION_LIST_PTR functions, CK_SLOT_ID slot)
{
    CK_TOKEN_INFO info = {};
    const CK_RV rv = functions->C_GetTokenInfo(slot, &info);
    if (rv != CKR_OK)
        return internal::pkcs11Error(rv, "C_GetTokenInfo");
    return info;
}

} // namespace

Pkcs11Token::Pkcs11Token(std::shared_ptr<Pkcs11Module> module,
                         Pkcs11Slot slot,
                         std::unique_ptr<internal::Pkcs11Session> session)
    : m_module(std::move(module)), m_slot(std::move(slot)), m_session(std::move(session))
{ }

Pkcs11Token::~Pkcs11Token()
{
    // Leave no verified PIN behind on the token for whoever uses it next; after a pull the
    // module answers that the session is gone, which is just as good.
    if (m_loggedInHere)
        m_session->functions()->C_Logout(m_session->handle());
}

Result<std::unique_ptr<Pkcs11Token>> Pkcs11Token::open(std::shared_ptr<Pkcs11Module> module, quint64 slotId)
{
    if (!module)
        return Error(ErrorCode::InvalidArgument, u"no PKCS#11 module"_s);
    const CK_FUNCTION_LIST_PTR functions = module->state().functions;
    const CK_SLOT_ID id = CK_SLOT_ID(slotId);
    CK_SLOT_INFO slotInfo = {};
    const CK_RV rv = functions->C_GetSlotInfo(id, &slotInfo);
    if (rv != CKR_OK)
        return internal::pkcs11Error(rv, "C_GetSlotInfo");
    if (!(slotInfo.flags & CKF_TOKEN_PRESENT))
        return internal::pkcs11Error(CKR_TOKEN_NOT_PRESENT, "C_GetSlotInfo");
    Result<CK_TOKEN_INFO> info = tokenInfo(functions, id);
    if (!info)
        return info.error();
    if (!(info->flags & CKF_TOKEN_INITIALIZED))
        return Error(ErrorCode::CardNotSupported, u"the token in this slot is not initialised"_s);

    Pkcs11Slot slot;
    slot.id = slotId;
    slot.description = internal::paddedText(slotInfo.slotDescription, sizeof slotInfo.slotDescription);
    slot.label = internal::paddedText(info->label, sizeof info->label);
    slot.manufacturer = internal::paddedText(info->manufacturerID, sizeof info->manufacturerID);
    slot.model = internal::paddedText(info->model, sizeof info->model);
    slot.serialNumber = internal::paddedText(info->serialNumber, sizeof info->serialNumber);

    Result<internal::Pkcs11Session> session = internal::Pkcs11Session::open(functions, id);
    if (!session)
        return session.error();
    return std::unique_ptr<Pkcs11Token>(new Pkcs11Token(
        std::move(module), std::move(slot), std::make_unique<internal::Pkcs11Session>(std::move(*session))));
}

Result<std::unique_ptr<Pkcs11Token>> Pkcs11Token::openInReader(std::shared_ptr<Pkcs11Module> module,
                                                               const QString &reader)
{
    if (!module)
        return Error(ErrorCode::InvalidArgument, u"no PKCS#11 module"_s);
    Result<QList<Pkcs11Slot>> present = module->slotsWithToken();
    if (!present)
        return present.error();
    const QByteArray readerName = reader.toUtf8();
    for (const Pkcs11Slot &slot : *present) {
        const QByteArray description = slot.description.toUtf8();
        // A slot description has 64 bytes at most (PKCS#11 CK_SLOT_INFO).
        const bool cut = description.size() >= 63 && readerName.startsWith(description);
        if (slot.description == reader || cut)
            return open(std::move(module), slot.id);
    }
    return Error(ErrorCode::CardRemoved, u"no token of %1 in the reader %2"_s.arg(module->path(), reader));
}

Error Pkcs11Token::operationError(unsigned long rv, const char *function) const
{
    Error error = internal::pkcs11Error(rv, function);
    if (rv != CKR_GENERAL_ERROR && rv != CKR_DEVICE_ERROR && rv != CKR_FUNCTION_FAILED)
        return error;
    // A card pulled in the middle of a command: OpenSC says CKR_GENERAL_ERROR until pcscd notices
    // the empty reader (~0.3 s), CKR_DEVICE_REMOVED after. A token the module no longer sees, or
    // that no longer answers for its state, has left the reader.
    const CK_FUNCTION_LIST_PTR f = m_session->functions();
    CK_SLOT_INFO slotInfo = {};
    CK_RV probe = f->C_GetSlotInfo(m_session->slot(), &slotInfo);
    if (probe == CKR_OK && !(slotInfo.flags & CKF_TOKEN_PRESENT))
        probe = CKR_TOKEN_NOT_PRESENT;
    if (probe == CKR_OK) {
        CK_TOKEN_INFO tokenInfo = {};
        probe = f->C_GetTokenInfo(m_session->slot(), &tokenInfo);
    }
    if (probe == CKR_OK)
        return error;
    return Error(ErrorCode::CardRemoved,
                 u"%1; then the token check: %2"_s.arg(error.detail(), internal::returnValueName(probe)));
}

Result<PinStatus> Pkcs11Token::pinStatus()
{
    if (m_removed)
        return removedError();
    return noteRemoval(readPinStatus());
}

Result<void> Pkcs11Token::verifyPin(QByteArrayView pin)
{
    if (m_removed)
        return removedError();
    return noteRemoval(login(pin));
}

Result<QByteArray> Pkcs11Token::certificateDer()
{
    if (m_removed)
        return removedError();
    return noteRemoval(readCertificate());
}

Result<QByteArray> Pkcs11Token::signSha256(QByteArrayView digest)
{
    if (m_removed)
        return removedError();
    return noteRemoval(sign(digest));
}

Error Pkcs11Token::removedError()
{
    return Error(ErrorCode::CardRemoved, u"the token was removed; open it again once it is back"_s);
}

template <typename T>
Result<T> Pkcs11Token::noteRemoval(Result<T> result)
{
    // One token per card connection: a card that left once stays gone for this object, even if
    // the module later answers from its cache as if nothing happened (OpenSC does).
    if (!result && result.error().code() == ErrorCode::CardRemoved)
        m_removed = true;
    return result;
}

QString Pkcs11Token::description() const
{
    return m_slot.label.isEmpty() ? m_slot.description : m_slot.label;
}

Result<PinStatus> Pkcs11Token::readPinStatus()
{
    // OpenSC keeps answering C_GetTokenInfo from its cache after a pull: ask about the slot first.
    CK_SLOT_INFO slotInfo = {};
    const CK_RV rv = m_session->functions()->C_GetSlotInfo(m_session->slot(), &slotInfo);
    if (rv != CKR_OK)
        return internal::pkcs11Error(rv, "C_GetSlotInfo");
    if (!(slotInfo.flags & CKF_TOKEN_PRESENT))
        return internal::pkcs11Error(CKR_TOKEN_NOT_PRESENT, "C_GetSlotInfo");
    Result<CK_TOKEN_INFO> info = tokenInfo(m_session->functions(), m_session->slot());
    if (!info)
        return info.error();
    Result<bool> loggedIn = m_session->userLoggedIn();
    if (!loggedIn)
        return loggedIn.error();
    PinStatus status;
    status.low = info->flags & CKF_USER_PIN_COUNT_LOW;
    status.finalTry = info->flags & CKF_USER_PIN_FINAL_TRY;
    status.blocked = info->flags & CKF_USER_PIN_LOCKED;
    status.verified = *loggedIn;
    return status;
}

Result<void> Pkcs11Token::login(QByteArrayView pin)
{
    const CK_FUNCTION_LIST_PTR f = m_session->functions();
    Result<CK_TOKEN_INFO> info = tokenInfo(f, m_session->slot());
    if (!info)
        return info.error();
    const bool pinPad = pin.isEmpty() && (info->flags & CKF_PROTECTED_AUTHENTICATION_PATH);
    // C_Login takes a non-const buffer: a copy, wiped as soon as the call returns.
    std::vector<CK_UTF8CHAR> copy(pin.begin(), pin.end());
    const CK_RV rv =
        f->C_Login(m_session->handle(), CKU_USER, pinPad ? nullptr : copy.data(), pinPad ? 0 : CK_ULONG(copy.size()));
    OPENSSL_cleanse(copy.data(), copy.size());

    if (rv == CKR_OK) {
        m_loggedInHere = true;
        m_credential.reset(); // the private keys may be visible now: choose again
        return {};
    }
    if (rv == CKR_USER_ALREADY_LOGGED_IN)
        return {};
    Error error = operationError(rv, "C_Login");
    if (rv == CKR_PIN_INCORRECT) {
        // The flags after the failure say how close the PIN is to blocking.
        Result<CK_TOKEN_INFO> after = tokenInfo(f, m_session->slot());
        if (after && (after->flags & CKF_USER_PIN_LOCKED))
            return Error(ErrorCode::PinBlocked, u"C_Login: CKR_PIN_INCORRECT, then CKF_USER_PIN_LOCKED"_s);
        if (after && (after->flags & CKF_USER_PIN_FINAL_TRY))
            return Error(ErrorCode::PinIncorrect, u"1"_s); // the final try is one try
    }
    return error;
}

Result<Pkcs11Token::Credential> Pkcs11Token::findCredential()
{
    if (m_credential && m_credential->keySeen)
        return *m_credential;

    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    CK_CERTIFICATE_TYPE x509 = CKC_X_509;
    Result<std::vector<CK_OBJECT_HANDLE>> certificates = m_session->find({
        {CKA_CLASS, &certificateClass, sizeof certificateClass},
        {CKA_CERTIFICATE_TYPE, &x509, sizeof x509},
    });
    if (!certificates)
        return certificates.error();
    CK_OBJECT_CLASS keyClass = CKO_PRIVATE_KEY;
    CK_BBOOL yes = CK_TRUE;
    Result<std::vector<CK_OBJECT_HANDLE>> keys = m_session->find({
        {CKA_CLASS, &keyClass, sizeof keyClass},
        {CKA_SIGN, &yes, sizeof yes},
    });
    if (!keys)
        return keys.error();
    QList<QByteArray> keyIds;
    for (const CK_OBJECT_HANDLE key : *keys) {
        Result<QByteArray> id = m_session->bytes(key, CKA_ID);
        if (!id)
            return id.error();
        if (!id->isEmpty())
            keyIds.append(*id);
    }

    // Candidates in CKA_ID order, so the same token always gives the same certificate.
    std::vector<Credential> candidates;
    for (const CK_OBJECT_HANDLE object : *certificates) {
        Result<QByteArray> id = m_session->bytes(object, CKA_ID);
        if (!id)
            return id.error();
        if (id->isEmpty() || (!keyIds.isEmpty() && !keyIds.contains(*id)))
            continue;
        Result<QByteArray> der = m_session->bytes(object, CKA_VALUE);
        if (!der)
            return der.error();
        candidates.push_back({*id, *der, !keyIds.isEmpty()});
    }
    std::sort(
        candidates.begin(), candidates.end(), [](const Credential &a, const Credential &b) { return a.id < b.id; });
    const Credential *best = nullptr;
    int bestPreference = 0;
    for (const Credential &candidate : candidates) {
        const int preference = internal::keyPreference(candidate.certificate);
        if (preference > bestPreference) {
            best = &candidate;
            bestPreference = preference;
        }
    }
    if (!best)
        return Error(ErrorCode::CardNotSupported,
                     u"the token holds no X.509 certificate with an RSA or EC private key that can sign"_s);
    m_credential = *best;
    return *m_credential;
}

Result<QByteArray> Pkcs11Token::readCertificate()
{
    Result<Credential> credential = findCredential();
    if (!credential)
        return credential.error();
    return credential->certificate;
}

Result<void> Pkcs11Token::checkLoggedIn()
{
    Result<bool> loggedIn = m_session->userLoggedIn();
    if (!loggedIn)
        return loggedIn.error();
    if (!*loggedIn)
        return internal::pkcs11Error(CKR_USER_NOT_LOGGED_IN, "C_Sign");
    return {};
}

Result<QByteArray> Pkcs11Token::sign(QByteArrayView digest)
{
    if (digest.size() != internal::Sha256Size)
        return Error(ErrorCode::InvalidArgument, u"a SHA-256 digest has 32 bytes, not %1"_s.arg(digest.size()));
    if (Result<void> loggedIn = checkLoggedIn(); !loggedIn)
        return loggedIn.error();
    Result<Credential> credential = findCredential();
    if (!credential)
        return credential.error();

    CK_OBJECT_CLASS keyClass = CKO_PRIVATE_KEY;
    CK_BBOOL yes = CK_TRUE;
    QByteArray id = credential->id;
    Result<std::vector<CK_OBJECT_HANDLE>> keys = m_session->find({
        {CKA_CLASS, &keyClass, sizeof keyClass},
        {CKA_SIGN, &yes, sizeof yes},
        {CKA_ID, id.data(), CK_ULONG(id.size())},
    });
    if (!keys)
        return keys.error();
    if (keys->empty())
        return Error(ErrorCode::CardNotSupported, u"the certificate's private key is not on the token"_s);
    const CK_OBJECT_HANDLE key = keys->front();
    Result<CK_ULONG> keyType = m_session->number(key, CKA_KEY_TYPE);
    if (!keyType)
        return keyType.error();

    QByteArray input;
    CK_MECHANISM mechanism = {CKM_RSA_PKCS, nullptr, 0};
    if (*keyType == CKK_RSA) {
        input.append(reinterpret_cast<const char *>(internal::sha256DigestInfoPrefix.data()),
                     qsizetype(internal::sha256DigestInfoPrefix.size()));
        input.append(digest);
    } else if (*keyType == CKK_EC) {
        mechanism.mechanism = CKM_ECDSA;
        input = digest.toByteArray();
    } else {
        return Error(ErrorCode::CardNotSupported,
                     u"the signing key is neither RSA nor EC (CKK 0x%1)"_s.arg(*keyType, 0, 16));
    }

    const CK_FUNCTION_LIST_PTR f = m_session->functions();
    CK_RV rv = f->C_SignInit(m_session->handle(), &mechanism, key);
    if (rv != CKR_OK)
        return operationError(rv, "C_SignInit");
    // Large enough for RSA-4096 and any EC curve; CKR_BUFFER_TOO_SMALL keeps the operation
    // active (PKCS#11 section 5.2), so the call can be repeated with the size it asks for.
    QByteArray signature(1024, Qt::Uninitialized);
    CK_ULONG length = CK_ULONG(signature.size());
    auto *data = reinterpret_cast<CK_BYTE_PTR>(input.data());
    rv = f->C_Sign(
        m_session->handle(), data, CK_ULONG(input.size()), reinterpret_cast<CK_BYTE_PTR>(signature.data()), &length);
    if (rv == CKR_BUFFER_TOO_SMALL) {
        signature.resize(qsizetype(length));
        rv = f->C_Sign(m_session->handle(),
                       data,
                       CK_ULONG(input.size()),
                       reinterpret_cast<CK_BYTE_PTR>(signature.data()),
                       &length);
    }
    if (rv != CKR_OK)
        return operationError(rv, "C_Sign");
    signature.truncate(qsizetype(length));
    if (mechanism.mechanism == CKM_ECDSA)
        return internal::ecdsaSignatureDer(signature);
    return signature;
}

} // namespace haip::card
