// Where command APDUs go: a card in a PC/SC reader (PcscCard) or, in tests, an applet in
// memory. The PIV client speaks only to this, so its chaining and status-word handling is the
// same whatever carries the bytes.
#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace haip::card {

class ApduTransport
{
public:
    virtual ~ApduTransport() = default;
    // One command APDU, encoded; the response APDU with its status word.
    virtual Result<QByteArray> transmit(const QByteArray &command) = 0;
};

} // namespace haip::card
