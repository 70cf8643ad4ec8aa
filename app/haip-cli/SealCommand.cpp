// haip-cli seal: seal a stream into a HAIP request envelope (docs/api/envelope.md) for an AI
// service's X25519 public key, in constant memory whatever the size.
//   haip-cli seal --recipient KEY [--info TEXT] [--aead NAME] [--chunk-size BYTES] [--no-key-id]
//                 [--response-key-out FILE] [--in FILE] [--out FILE]  < plaintext > envelope
// KEY is the standard base64 of the 32 raw bytes or @FILE. --response-key-out keeps what is
// needed to open the service's reply (haip-cli open --response-key). stdout carries only the
// envelope; errors are JSON lines on stderr. Exit 0 sealed, 1 failed (output removed when
// --out was given), 2 usage.
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "crypto/EnvelopeWriter.h"

#include <QCommandLineParser>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runSeal(const QStringList &arguments, CliOutput &)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption recipient(u"recipient"_s, u"recipient X25519 public key: base64 or @file"_s, u"key"_s);
    const QCommandLineOption info(u"info"_s, u"application info both sides agree on (UTF-8)"_s, u"text"_s);
    const QCommandLineOption aead(u"aead"_s, u"aes-256-gcm (default), aes-128-gcm, chacha20-poly1305"_s, u"name"_s);
    const QCommandLineOption chunkSize(u"chunk-size"_s, u"plaintext bytes per chunk (default 65536)"_s, u"bytes"_s);
    const QCommandLineOption noKeyId(u"no-key-id"_s, u"do not name the recipient key in the header"_s);
    const QCommandLineOption responseKeyOut(u"response-key-out"_s, u"write the key that opens the reply"_s, u"file"_s);
    const QCommandLineOption in(u"in"_s, u"read this file instead of stdin"_s, u"file"_s);
    const QCommandLineOption out(u"out"_s, u"write this file instead of stdout"_s, u"file"_s);
    parser.addOptions({recipient, info, aead, chunkSize, noKeyId, responseKeyOut, in, out});
    if (!parser.parse(QStringList {u"haip-cli seal"_s} + arguments))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"seal: unexpected argument '%1'"_s.arg(parser.positionalArguments().front()));
    if (!parser.isSet(recipient))
        return usageError(u"seal: --recipient KEY is required"_s);

    crypto::EnvelopeOptions options;
    if (parser.isSet(aead)) {
        const std::optional<crypto::AeadId> id = crypto::aeadFromName(parser.value(aead));
        if (!id)
            return usageError(u"seal: unknown --aead '%1'"_s.arg(parser.value(aead)));
        options.aead = *id;
    }
    if (parser.isSet(chunkSize)) {
        bool ok = false;
        options.chunkSize = parser.value(chunkSize).toUInt(&ok);
        if (!ok || options.chunkSize < crypto::envelope::MinChunkSize ||
            options.chunkSize > crypto::envelope::MaxChunkSize)
            return usageError(u"seal: --chunk-size must be %1..%2"_s.arg(crypto::envelope::MinChunkSize)
                                  .arg(crypto::envelope::MaxChunkSize));
    }
    options.includeKeyId = !parser.isSet(noKeyId);
    Result<crypto::PublicKey> key = publicKeyArgument(parser.value(recipient));
    if (!key)
        return fail(key.error(), 2);

    Result<crypto::EnvelopeWriter> writer = crypto::EnvelopeWriter::create(*key, parser.value(info).toUtf8(), options);
    if (!writer)
        return fail(writer.error(), 1);
    if (parser.isSet(responseKeyOut)) {
        if (Result<void> ok = writeResponseKey(parser.value(responseKeyOut), writer->responseKey()); !ok)
            return fail(ok.error(), 1);
    }
    Result<StreamPair> streams = openStreams(parser.value(in), parser.value(out));
    if (!streams)
        return fail(streams.error(), 1);
    const Result<crypto::StreamTotals> sealed = writer->sealStream(*streams->in, *streams->out);
    const Result<void> closed = closeStreams(*streams, sealed.ok());
    if (!sealed)
        return fail(sealed.error().subject().isEmpty() ? sealed.error().withSubject(streams->inName) : sealed.error(),
                    1);
    if (!closed)
        return fail(closed.error(), 1);
    return 0;
}

} // namespace haip::cli
