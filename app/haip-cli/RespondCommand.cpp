// haip-cli respond: act as the AI service — open a request envelope and seal a reply to its
// requester, so vendors can test their response reader against ours.
//   haip-cli respond --key KEY [--info TEXT] --request FILE [--chunk-size BYTES]
//                    [--in FILE] [--out FILE]                       < result > response
// The request is opened in full first (a damaged request gets no reply). Exit 0/1/2 as seal.
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "crypto/EnvelopeReader.h"
#include "crypto/ResponseWriter.h"

#include <QCommandLineParser>

namespace haip::cli {

using namespace Qt::StringLiterals;

namespace {

// Opens the whole request and discards its plaintext: only its context matters here.
Result<crypto::ResponseKey> responseKeyOfRequest(crypto::EnvelopeReader &reader, const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    QByteArray block(256 * 1024, Qt::Uninitialized);
    QByteArray plaintext;
    for (;;) {
        const qint64 n = file.read(block.data(), block.size());
        if (n < 0)
            return Error(ErrorCode::FileUnreadable, file.errorString(), path);
        if (n == 0)
            break;
        plaintext.truncate(0);
        if (Result<void> ok = reader.update(QByteArrayView(block.constData(), n), plaintext); !ok)
            return ok.error().withSubject(path);
    }
    plaintext.truncate(0);
    if (Result<void> ok = reader.finish(plaintext); !ok)
        return ok.error().withSubject(path);
    return reader.responseKey();
}

} // namespace

int runRespond(const QStringList &arguments, CliOutput &)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption key(u"key"_s, u"the service's X25519 private key: base64 or @file"_s, u"key"_s);
    const QCommandLineOption info(u"info"_s, u"application info the request was sealed with"_s, u"text"_s);
    const QCommandLineOption request(u"request"_s, u"the request envelope being answered"_s, u"file"_s);
    const QCommandLineOption chunkSize(u"chunk-size"_s, u"plaintext bytes per chunk (default 65536)"_s, u"bytes"_s);
    const QCommandLineOption in(u"in"_s, u"read the reply from this file instead of stdin"_s, u"file"_s);
    const QCommandLineOption out(u"out"_s, u"write this file instead of stdout"_s, u"file"_s);
    parser.addOptions({key, info, request, chunkSize, in, out});
    if (!parser.parse(QStringList {u"haip-cli respond"_s} + arguments))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"respond: unexpected argument '%1'"_s.arg(parser.positionalArguments().front()));
    if (!parser.isSet(key) || !parser.isSet(request))
        return usageError(u"respond: --key KEY and --request FILE are required"_s);
    quint32 chunk = crypto::envelope::DefaultChunkSize;
    if (parser.isSet(chunkSize)) {
        bool ok = false;
        chunk = parser.value(chunkSize).toUInt(&ok);
        if (!ok || chunk < crypto::envelope::MinChunkSize || chunk > crypto::envelope::MaxChunkSize)
            return usageError(u"respond: --chunk-size must be %1..%2"_s.arg(crypto::envelope::MinChunkSize)
                                  .arg(crypto::envelope::MaxChunkSize));
    }
    Result<crypto::PrivateKey> privateKey = privateKeyArgument(parser.value(key));
    if (!privateKey)
        return fail(privateKey.error(), 2);

    crypto::EnvelopeReader reader(std::move(*privateKey), parser.value(info).toUtf8());
    Result<crypto::ResponseKey> responseKey = responseKeyOfRequest(reader, parser.value(request));
    if (!responseKey)
        return fail(responseKey.error(), 1);
    Result<crypto::ResponseWriter> writer = crypto::ResponseWriter::create(*responseKey, chunk);
    if (!writer)
        return fail(writer.error(), 1);
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
