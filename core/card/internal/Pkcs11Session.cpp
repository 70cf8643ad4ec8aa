// A PKCS#11 session and the few read operations of the token backend.
#include "card/internal/Pkcs11Session.h"

using namespace Qt::StringLiterals;

namespace haip::card::internal {

Pkcs11Session::Pkcs11Session(CK_FUNCTION_LIST_PTR functions, CK_SLOT_ID slot, CK_SESSION_HANDLE handle)
    : m_functions(functions), m_slot(slot), m_handle(handle)
{ }

Pkcs11Session::Pkcs11Session(Pkcs11Session &&other) noexcept
    : m_functions(other.m_functions), m_slot(other.m_slot), m_handle(std::exchange(other.m_handle, CK_INVALID_HANDLE))
{ }

Pkcs11Session::~Pkcs11Session()
{
    // After a pull the module has already dropped the session; its answer changes nothing.
    if (m_handle != CK_INVALID_HANDLE)
        m_functions->C_CloseSession(m_handle);
}

Result<Pkcs11Session> Pkcs11Session::open(CK_FUNCTION_LIST_PTR functions, CK_SLOT_ID slot)
{
    CK_SESSION_HANDLE handle = CK_INVALID_HANDLE;
    const CK_RV rv = functions->C_OpenSession(slot, CKF_SERIAL_SESSION, nullptr, nullptr, &handle);
    if (rv != CKR_OK)
        return pkcs11Error(rv, "C_OpenSession");
    return Pkcs11Session(functions, slot, handle);
}

Result<bool> Pkcs11Session::userLoggedIn() const
{
    CK_SESSION_INFO info = {};
    const CK_RV rv = m_functions->C_GetSessionInfo(m_handle, &info);
    if (rv != CKR_OK)
        return pkcs11Error(rv, "C_GetSessionInfo");
    return info.state == CKS_RO_USER_FUNCTIONS || info.state == CKS_RW_USER_FUNCTIONS;
}

Result<std::vector<CK_OBJECT_HANDLE>> Pkcs11Session::find(std::vector<CK_ATTRIBUTE> pattern) const
{
    CK_RV rv = m_functions->C_FindObjectsInit(m_handle, pattern.data(), CK_ULONG(pattern.size()));
    if (rv != CKR_OK)
        return pkcs11Error(rv, "C_FindObjectsInit");
    std::vector<CK_OBJECT_HANDLE> found;
    CK_OBJECT_HANDLE batch[32];
    CK_ULONG count = 0;
    // A bound in case a module never says "no more": no token holds 32 × 256 objects.
    for (int round = 0; round < 256; ++round) {
        rv = m_functions->C_FindObjects(m_handle, batch, CK_ULONG(std::size(batch)), &count);
        if (rv != CKR_OK || count == 0)
            break;
        found.insert(found.end(), batch, batch + count);
    }
    const CK_RV finalRv = m_functions->C_FindObjectsFinal(m_handle);
    if (rv != CKR_OK)
        return pkcs11Error(rv, "C_FindObjects");
    if (finalRv != CKR_OK)
        return pkcs11Error(finalRv, "C_FindObjectsFinal");
    return found;
}

Result<QByteArray> Pkcs11Session::bytes(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const
{
    CK_ATTRIBUTE attribute = {type, nullptr, 0};
    CK_RV rv = m_functions->C_GetAttributeValue(m_handle, object, &attribute, 1);
    if (rv != CKR_OK)
        return pkcs11Error(rv, "C_GetAttributeValue");
    if (attribute.ulValueLen == CK_UNAVAILABLE_INFORMATION)
        return QByteArray();
    QByteArray value(qsizetype(attribute.ulValueLen), Qt::Uninitialized);
    attribute.pValue = value.data();
    rv = m_functions->C_GetAttributeValue(m_handle, object, &attribute, 1);
    if (rv != CKR_OK)
        return pkcs11Error(rv, "C_GetAttributeValue");
    value.truncate(qsizetype(attribute.ulValueLen));
    return value;
}

Result<CK_ULONG> Pkcs11Session::number(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const
{
    CK_ULONG value = 0;
    CK_ATTRIBUTE attribute = {type, &value, sizeof value};
    const CK_RV rv = m_functions->C_GetAttributeValue(m_handle, object, &attribute, 1);
    if (rv != CKR_OK)
        return pkcs11Error(rv, "C_GetAttributeValue");
    return value;
}

} // namespace haip::card::internal
