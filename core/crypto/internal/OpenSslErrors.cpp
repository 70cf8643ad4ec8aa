#include "crypto/internal/OpenSslErrors.h"

#include <openssl/err.h>

namespace haip::crypto::internal {

Error openSslError(const QString &call)
{
    return openSslError(ErrorCode::Internal, call);
}

Error openSslError(ErrorCode code, const QString &call)
{
    QString detail = call;
    unsigned long e = 0;
    while ((e = ERR_get_error()) != 0) {
        char text[256];
        ERR_error_string_n(e, text, sizeof text);
        detail += QStringLiteral(": ") + QString::fromLatin1(text);
    }
    return Error(code, detail);
}

void clearOpenSslErrors()
{
    ERR_clear_error();
}

} // namespace haip::crypto::internal
