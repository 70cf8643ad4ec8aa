// Fuzz target "catalog": the answer of GET /v1/catalog as the workstation trusts it. The input
// is the JSON the server sent; it goes through StrictJson and Catalog::verify against a pinned
// test key (FuzzKeys.h) — the JWK, the compact JWS and its header, the pin, the signature — and,
// because a fuzzer cannot forge ES256, also through Catalog::parse as if it were a verified
// payload (what verify() hands on after the signature), so the strict payload parser and the
// service entries (envelope keys, HTML detail pages) are reached too.
#include "FuzzKeys.h"
#include "FuzzSupport.h"
#include "crypto/SpkiPin.h"
#include "platform/Catalog.h"
#include "platform/StrictJson.h"

using namespace haip;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const crypto::SpkiPin pin = *crypto::SpkiPin::parse(QString::fromLatin1(fuzz::catalogKeyPin()));
    Result<QJsonObject> object =
        platform::StrictJson::parseObject(fuzz::view(data, size), {}, QStringLiteral("catalog"));
    if (!object)
        return 0;
    if (Result<platform::Catalog> verified = platform::Catalog::verify(*object, pin, fuzz::catalogNow()))
        (void)verified->restrictedTo({QStringLiteral("chest-ct-nodule")});
    if (Result<platform::Catalog> parsed = platform::Catalog::parse(*object, fuzz::catalogNow()))
        (void)parsed->find(QStringLiteral("chest-ct-nodule"));
    return 0;
}
