#include "crypto/SecureBuffer.h"

#include <openssl/crypto.h>

#include <cstring>

namespace haip::crypto {

SecureBuffer::SecureBuffer(qsizetype size)
    : m_data(size > 0 ? new unsigned char[size]() : nullptr), m_size(size > 0 ? size : 0)
{ }

SecureBuffer SecureBuffer::fromBytes(QByteArrayView bytes)
{
    SecureBuffer buffer(bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(buffer.data(), bytes.data(), size_t(bytes.size()));
    return buffer;
}

SecureBuffer::~SecureBuffer()
{
    clear();
}

SecureBuffer::SecureBuffer(const SecureBuffer &other) : SecureBuffer(fromBytes(other.view())) { }

SecureBuffer &SecureBuffer::operator=(const SecureBuffer &other)
{
    if (this != &other)
        *this = fromBytes(other.view());
    return *this;
}

SecureBuffer::SecureBuffer(SecureBuffer &&other) noexcept : m_data(std::move(other.m_data)), m_size(other.m_size)
{
    other.m_size = 0;
}

SecureBuffer &SecureBuffer::operator=(SecureBuffer &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::move(other.m_data);
        m_size = other.m_size;
        other.m_size = 0;
    }
    return *this;
}

QByteArrayView SecureBuffer::view() const
{
    return QByteArrayView(m_data.get(), m_size);
}

void SecureBuffer::clear()
{
    if (m_data)
        OPENSSL_cleanse(m_data.get(), size_t(m_size));
    m_data.reset();
    m_size = 0;
}

QByteArray SecureBuffer::toByteArray() const
{
    return view().toByteArray();
}

bool SecureBuffer::operator==(const SecureBuffer &other) const
{
    return constantTimeEquals(view(), other.view());
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace haip::crypto
