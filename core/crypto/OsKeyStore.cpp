#include "crypto/OsKeyStore.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#ifdef Q_OS_WIN
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <dpapi.h>
#include <windows.h>
#else
// GLib names a struct member `signals`, which Qt defines as a keyword macro.
#pragma push_macro("signals")
#undef signals
#include <libsecret/secret.h>
#pragma pop_macro("signals")
#endif

namespace haip::crypto {

namespace {

Result<SecureBuffer> randomKey(int bytes)
{
    SecureBuffer key(bytes);
    if (RAND_bytes(key.data(), bytes) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("no random bytes from OpenSSL"));
    return key;
}

#ifdef Q_OS_WIN

QString blobPath(const QString &name)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("keys/%1.dpapi").arg(name));
}

Error windowsError(const QString &what)
{
    return Error(ErrorCode::KeyInvalid, QStringLiteral("%1 failed (Windows error %2)").arg(what).arg(GetLastError()));
}

Result<SecureBuffer> unprotect(const QByteArray &blob)
{
    DATA_BLOB in {DWORD(blob.size()), reinterpret_cast<BYTE *>(const_cast<char *>(blob.constData()))};
    DATA_BLOB out {};
    if (!CryptUnprotectData(&in, nullptr, nullptr, nullptr, nullptr, CRYPTPROTECT_UI_FORBIDDEN, &out))
        return windowsError(QStringLiteral("CryptUnprotectData"));
    SecureBuffer key = SecureBuffer::fromBytes(QByteArrayView(reinterpret_cast<const char *>(out.pbData), out.cbData));
    SecureZeroMemory(out.pbData, out.cbData);
    LocalFree(out.pbData);
    return key;
}

Result<QByteArray> protect(const SecureBuffer &key)
{
    DATA_BLOB in {DWORD(key.size()), const_cast<BYTE *>(key.data())};
    DATA_BLOB out {};
    if (!CryptProtectData(&in, L"HAIP Workstation key", nullptr, nullptr, nullptr, CRYPTPROTECT_UI_FORBIDDEN, &out))
        return windowsError(QStringLiteral("CryptProtectData"));
    QByteArray blob(reinterpret_cast<const char *>(out.pbData), qsizetype(out.cbData));
    LocalFree(out.pbData);
    return blob;
}

#else

// One attribute, the key's name, under the workstation's own schema.
const SecretSchema *schema()
{
    static const SecretSchema s = {
        "jp.haip.Workstation.Key",
        SECRET_SCHEMA_NONE,
        {{"name", SECRET_SCHEMA_ATTRIBUTE_STRING}, {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
        0,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr};
    return &s;
}

Error secretServiceError(GError *error, const QString &what)
{
    const QString detail = error ? QString::fromUtf8(error->message) : QStringLiteral("no answer");
    if (error)
        g_error_free(error);
    return Error(ErrorCode::KeyInvalid, QStringLiteral("Secret Service: %1: %2").arg(what, detail));
}

// The stored text (base64 of the key), or an empty result when there is none.
Result<QByteArray> lookup(const QString &name)
{
    GError *error = nullptr;
    const QByteArray attribute = name.toUtf8();
    gchar *text = secret_password_lookup_sync(schema(), nullptr, &error, "name", attribute.constData(), nullptr);
    if (error)
        return secretServiceError(error, QStringLiteral("lookup"));
    if (!text)
        return QByteArray();
    QByteArray out(text);
    secret_password_free(text); // wipes
    return out;
}

#endif

} // namespace

Result<SecureBuffer> OsKeyStore::loadOrCreate(const QString &name, int bytes)
{
    if (name.isEmpty() || bytes < 16 || bytes > 64)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a key name and 16…64 bytes"), name);
#ifdef Q_OS_WIN
    const QString path = blobPath(name);
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        Result<SecureBuffer> key = unprotect(existing.readAll());
        if (key && key->size() != bytes)
            return Error(ErrorCode::KeyInvalid, QStringLiteral("the stored key has another length"), name);
        return key;
    }
    Result<SecureBuffer> key = randomKey(bytes);
    if (!key)
        return key.error();
    Result<QByteArray> blob = protect(*key);
    if (!blob)
        return blob.error();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(*blob) != blob->size() || !out.commit())
        return Error(ErrorCode::WriteFailed, out.errorString(), path);
    return key;
#else
    Result<QByteArray> stored = lookup(name);
    if (!stored)
        return stored.error();
    if (!stored->isEmpty()) {
        QByteArray raw = QByteArray::fromBase64(*stored, QByteArray::AbortOnBase64DecodingErrors);
        OPENSSL_cleanse(stored->data(), size_t(stored->size()));
        SecureBuffer key = SecureBuffer::fromBytes(raw);
        OPENSSL_cleanse(raw.data(), size_t(raw.size()));
        if (key.size() != bytes)
            return Error(ErrorCode::KeyInvalid, QStringLiteral("the stored key has another length"), name);
        return key;
    }
    Result<SecureBuffer> key = randomKey(bytes);
    if (!key)
        return key.error();
    QByteArray text = key->view().toByteArray().toBase64();
    const QByteArray attribute = name.toUtf8();
    const QByteArray label = QStringLiteral("HAIP Workstation: %1").arg(name).toUtf8();
    GError *error = nullptr;
    const gboolean stored2 = secret_password_store_sync(schema(),
                                                        SECRET_COLLECTION_DEFAULT,
                                                        label.constData(),
                                                        text.constData(),
                                                        nullptr,
                                                        &error,
                                                        "name",
                                                        attribute.constData(),
                                                        nullptr);
    OPENSSL_cleanse(text.data(), size_t(text.size()));
    if (!stored2 || error)
        return secretServiceError(error, QStringLiteral("store"));
    return key;
#endif
}

Result<bool> OsKeyStore::exists(const QString &name)
{
#ifdef Q_OS_WIN
    return QFile::exists(blobPath(name));
#else
    Result<QByteArray> stored = lookup(name);
    if (!stored)
        return stored.error();
    const bool found = !stored->isEmpty();
    OPENSSL_cleanse(stored->data(), size_t(stored->size()));
    return found;
#endif
}

Result<void> OsKeyStore::remove(const QString &name)
{
#ifdef Q_OS_WIN
    const QString path = blobPath(name);
    if (QFile::exists(path) && !QFile::remove(path))
        return Error(ErrorCode::WriteFailed, QStringLiteral("cannot delete the key"), path);
    return {};
#else
    GError *error = nullptr;
    const QByteArray attribute = name.toUtf8();
    secret_password_clear_sync(schema(), nullptr, &error, "name", attribute.constData(), nullptr);
    if (error)
        return secretServiceError(error, QStringLiteral("clear"));
    return {};
#endif
}

} // namespace haip::crypto
