// The PIN typed into a field, taken out of it: copied into a SecureBuffer (wiped when the card
// has it), the transient copies wiped, the field cleared. Shared by the login and lock screens.
#pragma once

#include "crypto/SecureBuffer.h"

#include <optional>

class QLineEdit;

namespace haip::ui {

// nullopt, with the field left as it is, when it does not hold 6 to 8 digits.
std::optional<crypto::SecureBuffer> takePin(QLineEdit *field);

} // namespace haip::ui
