// haip-cli keygen: a fresh X25519 key pair for an AI service's envelope key, as one JSON line
// (standard base64 of the raw 32-byte keys, and the 8-byte key id envelope headers carry).
//   haip-cli keygen                      {"kem":…,"kem_id":32,"public_key":…,"private_key":…,"key_id":…}
//   haip-cli keygen --public-from KEY    the public key (and key id) of a private key
// The JSON is also what seal --recipient @FILE and open --key @FILE read. Exit 0, 1, 2.
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runKeygen(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption publicFrom(u"public-from"_s, u"print the public key of this private key"_s, u"key"_s);
    parser.addOption(publicFrom);
    if (!parser.parse(QStringList {u"haip-cli keygen"_s} + arguments))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"keygen: unexpected argument '%1'"_s.arg(parser.positionalArguments().front()));

    const QJsonObject kem {{u"kem"_s, u"DHKEM(X25519, HKDF-SHA256)"_s}, {u"kem_id"_s, 0x20}};
    if (parser.isSet(publicFrom)) {
        Result<crypto::PrivateKey> key = privateKeyArgument(parser.value(publicFrom));
        if (!key)
            return fail(key.error(), 2);
        QJsonObject json = kem;
        json.insert(u"public_key"_s, key->publicKey().toBase64());
        json.insert(u"key_id"_s, QString::fromLatin1(key->publicKey().keyId().toHex()));
        output.json(json);
        return 0;
    }
    Result<crypto::PrivateKey> key = crypto::PrivateKey::generate();
    if (!key)
        return fail(key.error(), 1);
    QJsonObject json = kem;
    json.insert(u"public_key"_s, key->publicKey().toBase64());
    json.insert(u"private_key"_s, key->toBase64());
    json.insert(u"key_id"_s, QString::fromLatin1(key->publicKey().keyId().toHex()));
    output.json(json);
    return 0;
}

} // namespace haip::cli
