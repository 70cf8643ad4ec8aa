// Fuzz target "envelope": opening HAIP envelopes — a request with the service's X25519 key
// (EnvelopeReader, what a service worker does with an upload) or a reply with the ResponseKey
// the workstation kept (ResponseReader, what it does with a downloaded result). The first byte
// chooses the reader (bit 0) and where the rest is cut in two for incremental update() calls
// (bits 1–7), as pieces arrive from the network; the rest is the envelope. Keys: FuzzKeys.h.
#include "FuzzKeys.h"
#include "FuzzSupport.h"
#include "crypto/EnvelopeReader.h"
#include "crypto/ResponseReader.h"

using namespace haip;

namespace {

template <typename Reader>
void open(Reader &reader, QByteArrayView envelope, qsizetype cut)
{
    QByteArray plaintext;
    if (!reader.update(envelope.first(cut), plaintext))
        return;
    if (!reader.update(envelope.sliced(cut), plaintext))
        return;
    (void)reader.finish(plaintext);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const quint8 control = data[0];
    const QByteArrayView envelope = fuzz::view(data + 1, size - 1);
    const qsizetype cut = envelope.size() * (control >> 1) / 128;
    if ((control & 1) == 0) {
        crypto::EnvelopeReader reader(fuzz::envelopeKey(), fuzz::envelopeInfo());
        open(reader, envelope, cut);
        if (reader.header())
            (void)reader.responseKey();
    } else {
        crypto::ResponseReader reader(fuzz::responseKey());
        open(reader, envelope, cut);
    }
    return 0;
}
