#include "crypto/internal/StreamPump.h"

namespace haip::crypto::internal {

Result<void> writeAll(QIODevice &out, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const qint64 n = out.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return Error(ErrorCode::WriteFailed, out.errorString());
        done += n;
    }
    return {};
}

} // namespace haip::crypto::internal
