#include "EnvelopeArguments.h"

#include "CliOutput.h"
#include "crypto/Base64.h"

#include <QFileDevice>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace haip::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxKeyFileSize = 64 * 1024;

// The key text of an argument: the argument itself, or the content of @FILE (its JSON member
// `jsonMember` when the file is keygen JSON). A file of exactly 32 bytes is the raw key.
Result<QByteArray> keyText(const QString &argument, const QString &jsonMember, bool *raw)
{
    *raw = false;
    if (!argument.startsWith(u'@'))
        return argument.toLatin1();
    const QString path = argument.mid(1);
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    if (file.size() > kMaxKeyFileSize)
        return Error(ErrorCode::FileTooLarge, {}, path);
    QByteArray content = file.readAll();
    if (content.size() == 32) {
        *raw = true;
        return content;
    }
    if (content.trimmed().startsWith('{')) {
        const QJsonObject json = QJsonDocument::fromJson(content).object();
        if (!json.value(jsonMember).isString())
            return Error(ErrorCode::KeyInvalid, u"no \"%1\" in the JSON"_s.arg(jsonMember), path);
        return json.value(jsonMember).toString().toLatin1();
    }
    return content.trimmed();
}

} // namespace

Result<crypto::PublicKey> publicKeyArgument(const QString &argument)
{
    bool raw = false;
    Result<QByteArray> text = keyText(argument, u"public_key"_s, &raw);
    if (!text)
        return text.error();
    Result<crypto::PublicKey> key =
        raw ? crypto::PublicKey::fromRaw(*text) : crypto::PublicKey::fromBase64(QString::fromLatin1(*text));
    if (!key)
        return key.error().withSubject(u"--recipient"_s);
    return key;
}

Result<crypto::PrivateKey> privateKeyArgument(const QString &argument)
{
    bool raw = false;
    Result<QByteArray> text = keyText(argument, u"private_key"_s, &raw);
    if (!text)
        return text.error();
    Result<crypto::PrivateKey> key =
        raw ? crypto::PrivateKey::fromRaw(*text) : crypto::PrivateKey::fromBase64(QString::fromLatin1(*text));
    text->fill('\0');
    if (!key)
        return key.error().withSubject(u"--key"_s);
    return key;
}

Result<crypto::ResponseKey> responseKeyArgument(const QString &argument)
{
    bool raw = false;
    Result<QByteArray> text = keyText(argument, u"response_key"_s, &raw);
    if (!text)
        return text.error();
    const std::optional<QByteArray> bytes = crypto::decodeStrictBase64(QString::fromLatin1(*text));
    text->fill('\0');
    if (!bytes)
        return Error(ErrorCode::KeyInvalid, u"not standard base64"_s, u"--response-key"_s);
    Result<crypto::ResponseKey> key = crypto::ResponseKey::deserialize(*bytes);
    if (!key)
        return key.error().withSubject(u"--response-key"_s);
    return key;
}

Result<void> writeResponseKey(const QString &path, const crypto::ResponseKey &key)
{
    QFile file(path);
    // Created owner-only before anything is written into it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    QByteArray text = key.serialize().toByteArray().toBase64() + '\n';
    const bool written = file.write(text) == text.size() && file.flush();
    text.fill('\0');
    if (!written)
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    return {};
}

Result<StreamPair> openStreams(const QString &inPath, const QString &outPath)
{
    StreamPair streams;
    streams.in = std::make_unique<QFile>();
    streams.out = std::make_unique<QFile>();
    streams.inName = inPath.isEmpty() ? u"stdin"_s : inPath;
    if (inPath.isEmpty()) {
        if (!streams.in->open(fileno(stdin), QIODevice::ReadOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle))
            return Error(ErrorCode::FileUnreadable, streams.in->errorString(), u"stdin"_s);
    } else {
        streams.in->setFileName(inPath);
        if (!streams.in->exists())
            return Error(ErrorCode::FileNotFound, {}, inPath);
        if (!streams.in->open(QIODevice::ReadOnly))
            return Error(ErrorCode::FileUnreadable, streams.in->errorString(), inPath);
    }
    if (outPath.isEmpty()) {
        std::fflush(stdout);
        if (!streams.out->open(
                fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle))
            return Error(ErrorCode::WriteFailed, streams.out->errorString(), u"stdout"_s);
    } else {
        streams.out->setFileName(outPath);
        if (!streams.out->open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(ErrorCode::WriteFailed, streams.out->errorString(), outPath);
        streams.outPath = outPath;
    }
    return streams;
}

Result<void> closeStreams(StreamPair &streams, bool succeeded)
{
    const bool flushed = streams.out->flush();
    const QString error = streams.out->errorString();
    streams.out->close();
    streams.in->close();
    if ((!succeeded || !flushed) && !streams.outPath.isEmpty())
        QFile::remove(streams.outPath);
    if (!flushed)
        return Error(ErrorCode::WriteFailed, error, streams.outPath.isEmpty() ? u"stdout"_s : streams.outPath);
    return {};
}

int fail(const Error &error, int exitCode)
{
    const QJsonObject o = CliOutput::errorObject(error);
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).append('\n').constData(), stderr);
    std::fflush(stderr);
    return exitCode;
}

int usageError(const QString &message)
{
    const QJsonObject o {{u"error"_s, u"usage"_s}, {u"message"_s, message}};
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).append('\n').constData(), stderr);
    std::fflush(stderr);
    return 2;
}

} // namespace haip::cli
