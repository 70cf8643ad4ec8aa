// Pkcs11Session: one PKCS#11 session on a slot, closed when the object goes (RAII), with the
// object search and attribute reads the token backend needs. Internal to core/card.
#pragma once

#include "card/internal/Pkcs11Api.h"
#include "common/Result.h"

#include <QByteArray>

#include <vector>

namespace haip::card::internal {

class Pkcs11Session
{
public:
    // A read-only session (nothing is ever written to the token).
    static Result<Pkcs11Session> open(CK_FUNCTION_LIST_PTR functions, CK_SLOT_ID slot);
    ~Pkcs11Session();
    Pkcs11Session(Pkcs11Session &&other) noexcept;
    Pkcs11Session &operator=(Pkcs11Session &&) = delete;
    Pkcs11Session(const Pkcs11Session &) = delete;
    Pkcs11Session &operator=(const Pkcs11Session &) = delete;

    CK_FUNCTION_LIST_PTR functions() const { return m_functions; }
    CK_SESSION_HANDLE handle() const { return m_handle; }
    CK_SLOT_ID slot() const { return m_slot; }

    // True once the user PIN is verified on the token (the state is per token, not per session).
    Result<bool> userLoggedIn() const;
    // The objects matching every attribute of `pattern`, in the module's order.
    Result<std::vector<CK_OBJECT_HANDLE>> find(std::vector<CK_ATTRIBUTE> pattern) const;
    // A byte-string attribute (CKA_ID, CKA_VALUE…); empty when the object has none.
    Result<QByteArray> bytes(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const;
    // A CK_ULONG attribute (CKA_KEY_TYPE…).
    Result<CK_ULONG> number(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const;

private:
    Pkcs11Session(CK_FUNCTION_LIST_PTR functions, CK_SLOT_ID slot, CK_SESSION_HANDLE handle);
    CK_FUNCTION_LIST_PTR m_functions = nullptr;
    CK_SLOT_ID m_slot = 0;
    CK_SESSION_HANDLE m_handle = CK_INVALID_HANDLE;
};

} // namespace haip::card::internal
