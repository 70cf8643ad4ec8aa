// SecureBuffer: an owned byte buffer for secrets (private keys, shared secrets, AEAD keys, export
// secrets). Its bytes are wiped with OPENSSL_cleanse when the buffer is destroyed, cleared or
// assigned over, and they are never implicitly shared (QByteArray's copy-on-write would leave
// copies behind that nobody wipes). Copies are deep and explicit; comparison is constant-time.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace haip::crypto {

class SecureBuffer
{
public:
    SecureBuffer() = default;
    // size zero bytes
    explicit SecureBuffer(qsizetype size);
    static SecureBuffer fromBytes(QByteArrayView bytes);
    ~SecureBuffer();

    SecureBuffer(const SecureBuffer &other);
    SecureBuffer &operator=(const SecureBuffer &other);
    SecureBuffer(SecureBuffer &&other) noexcept;
    SecureBuffer &operator=(SecureBuffer &&other) noexcept;

    unsigned char *data() { return m_data.get(); }
    const unsigned char *data() const { return m_data.get(); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const;

    // Wipes and releases the bytes.
    void clear();
    // A plain QByteArray copy, for tests, hex dumps in conformance tools and one-off encodings.
    // The caller owns the copy's lifetime: it is not wiped.
    QByteArray toByteArray() const;

    // Constant-time equality of size and content.
    bool operator==(const SecureBuffer &other) const;
    bool operator!=(const SecureBuffer &other) const { return !(*this == other); }

private:
    std::unique_ptr<unsigned char[]> m_data;
    qsizetype m_size = 0;
};

// Constant-time comparison of two byte strings of equal length (false when lengths differ).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace haip::crypto
