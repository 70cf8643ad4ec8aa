#include "auth/PinInput.h"

#include <QLineEdit>

namespace haip::ui {

std::optional<crypto::SecureBuffer> takePin(QLineEdit *field)
{
    const QString digits = field->text();
    if (digits.size() < 6 || digits.size() > 8)
        return std::nullopt;
    QByteArray bytes = digits.toLatin1();
    crypto::SecureBuffer secret = crypto::SecureBuffer::fromBytes(bytes);
    bytes.fill('\0');
    field->clear(); // a password field keeps no undo history
    return secret;
}

} // namespace haip::ui
