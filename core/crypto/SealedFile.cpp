#include "crypto/SealedFile.h"

#include "crypto/internal/AeadCipher.h"

#include <QFile>
#include <QSaveFile>

#include <openssl/rand.h>

namespace haip::crypto {

namespace {

constexpr QByteArrayView kMagic("HAIPSF1\n");
constexpr int kNonce = 12;
constexpr qint64 kMaxFile = qint64 {64} * 1024 * 1024; // a map of many thousand studies still fits

QByteArray aad(const QByteArray &purpose)
{
    return kMagic.toByteArray() + purpose;
}

} // namespace

Result<void>
writeSealedFile(const QString &path, const SecureBuffer &key, const QByteArray &purpose, const QByteArray &plaintext)
{
    Result<internal::AeadCipher> cipher =
        internal::AeadCipher::create(AeadId::Aes256Gcm, internal::AeadCipher::Direction::Seal, key.view());
    if (!cipher)
        return cipher.error();
    QByteArray out(kMagic.size() + kNonce + plaintext.size() + internal::AeadCipher::TagLength, Qt::Uninitialized);
    std::memcpy(out.data(), kMagic.data(), size_t(kMagic.size()));
    auto *nonce = reinterpret_cast<unsigned char *>(out.data() + kMagic.size());
    if (RAND_bytes(nonce, kNonce) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("no random bytes from OpenSSL"));
    if (Result<void> sealed = cipher->seal(
            nonce, aad(purpose), plaintext, reinterpret_cast<unsigned char *>(out.data() + kMagic.size() + kNonce));
        !sealed)
        return sealed.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit())
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    return {};
}

Result<SecureBuffer> readSealedFile(const QString &path, const SecureBuffer &key, const QByteArray &purpose)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, QStringLiteral("no such file"), path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    if (file.size() > kMaxFile)
        return Error(ErrorCode::FileTooLarge, QStringLiteral("larger than %1 bytes").arg(kMaxFile), path);
    const QByteArray bytes = file.readAll();
    const qsizetype header = kMagic.size() + kNonce;
    if (bytes.size() < header + internal::AeadCipher::TagLength || !bytes.startsWith(kMagic))
        return Error(ErrorCode::EnvelopeCorrupt, QStringLiteral("not a sealed file"), path);
    Result<internal::AeadCipher> cipher =
        internal::AeadCipher::create(AeadId::Aes256Gcm, internal::AeadCipher::Direction::Open, key.view());
    if (!cipher)
        return cipher.error();
    SecureBuffer plain(bytes.size() - header - internal::AeadCipher::TagLength);
    Result<bool> opened = cipher->open(reinterpret_cast<const unsigned char *>(bytes.constData() + kMagic.size()),
                                       aad(purpose),
                                       QByteArrayView(bytes).sliced(header),
                                       plain.data());
    if (!opened)
        return opened.error();
    if (!*opened)
        return Error(ErrorCode::EnvelopeCorrupt,
                     QStringLiteral("changed, written for another purpose, or under another key"),
                     path);
    return plain;
}

} // namespace haip::crypto
