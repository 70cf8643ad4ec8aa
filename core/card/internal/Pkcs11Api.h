// The PKCS#11 side of core/card, for its .cpp files only: p11-kit's header (the OASIS
// PKCS#11 2.40 API; no p11-kit library is linked — a module is loaded by path), the state a
// loaded module keeps, and the one place where CK_RV codes become haip::Error.
#pragma once

#include "common/Error.h"

#include <QLibrary>
#include <QString>

#include <p11-kit/pkcs11.h>

namespace haip::card::internal {

// What Pkcs11Module holds of a loaded module; Pkcs11Token reaches the functions through it.
struct Pkcs11ModuleState
{
    QLibrary library;
    CK_FUNCTION_LIST_PTR functions = nullptr;
    // False when someone else in the process initialised the module first (a module is
    // initialised once per process): then C_Finalize is theirs to call, not ours.
    bool finalizeOnClose = false;
};

// The stable name of a PKCS#11 return value, e.g. "CKR_PIN_INCORRECT" ("CKR 0x…" if unknown).
QString returnValueName(CK_RV rv);

// A failed call as the user's error: `function` is the PKCS#11 function, e.g. "C_Login".
// Removal (CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT, a session the module dropped) is
// CardRemoved; PIN refusals are PinIncorrect / PinBlocked; the rest CardFailed,
// CardNotSupported or CardUnavailable with the code's name in the detail.
Error pkcs11Error(CK_RV rv, const char *function);

// A blank-padded fixed-width PKCS#11 text field (labels, model, serial) as a QString.
QString paddedText(const unsigned char *field, std::size_t size);

} // namespace haip::card::internal
