#include "crypto/HpkeSuite.h"

#include <array>

namespace haip::crypto {

namespace {

// RFC 9180 section 7.3, table 5.
constexpr std::array<AeadInfo, 4> kAeads {{
    {AeadId::Aes128Gcm, 16, 12, 16, "aes-128-gcm"},
    {AeadId::Aes256Gcm, 32, 12, 16, "aes-256-gcm"},
    {AeadId::ChaCha20Poly1305, 32, 12, 16, "chacha20-poly1305"},
    {AeadId::ExportOnly, 0, 0, 0, "export-only"},
}};

} // namespace

std::optional<AeadInfo> aeadInfo(quint16 id)
{
    for (const AeadInfo &info : kAeads) {
        if (quint16(info.id) == id)
            return info;
    }
    return std::nullopt;
}

std::optional<AeadId> aeadFromName(const QString &name)
{
    for (const AeadInfo &info : kAeads) {
        if (info.id != AeadId::ExportOnly && name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.id;
    }
    return std::nullopt;
}

QString aeadName(AeadId id)
{
    const std::optional<AeadInfo> info = aeadInfo(id);
    return info ? QLatin1String(info->name) : QStringLiteral("0x%1").arg(quint16(id), 4, 16, QLatin1Char('0'));
}

} // namespace haip::crypto
