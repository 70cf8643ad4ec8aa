// Fuzz target "multipart": MultipartReader, which parses the server's bytes once an envelope is
// open — the result bundle a workstation receives (and the payload a service worker reads) — as
// a whole MIME entity (Content-Type line, blank line, multipart/related body). The same input
// also goes through the body parser with a fixed boundary and the Content-Type parser alone.
#include "FuzzSupport.h"
#include "platform/MultipartReader.h"

using namespace haip;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input = fuzz::view(data, size);
    if (Result<platform::MultipartMessage> message = platform::MultipartReader::parseEntity(input))
        (void)message->contentType.toHeaderValue();
    (void)platform::MultipartReader::parseBody(input, "haip-fuzz");
    const qsizetype lineEnd = input.indexOf('\r');
    (void)platform::MultipartContentType::parse(lineEnd < 0 ? input : input.first(lineEnd));
    return 0;
}
