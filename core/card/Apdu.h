// ISO/IEC 7816-4 command and response APDUs, short and extended length, as the PIV client
// sends them and the virtual card receives them.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace haip::card {

// Status words the PIV client and card use (ISO/IEC 7816-4 §5.6, SP 800-73-4 Part 2 §5.6).
namespace sw {
constexpr quint16 Ok = 0x9000;
constexpr quint16 WrongLength = 0x6700;
constexpr quint16 SecurityNotSatisfied = 0x6982;
constexpr quint16 AuthenticationBlocked = 0x6983;
constexpr quint16 ConditionsNotSatisfied = 0x6985;
constexpr quint16 IncorrectData = 0x6A80;
constexpr quint16 FileNotFound = 0x6A82;
constexpr quint16 IncorrectP1P2 = 0x6A86;
constexpr quint16 DataNotFound = 0x6A88;
constexpr quint16 InsNotSupported = 0x6D00;
constexpr quint16 ClaNotSupported = 0x6E00;
constexpr quint16 NoPreciseDiagnosis = 0x6F00;
// 61xx: xx more bytes wait for GET RESPONSE; 63Cx: x tries left.
constexpr quint16 MoreDataMask = 0x6100;
constexpr quint16 TriesLeftMask = 0x63C0;
} // namespace sw

struct CommandApdu
{
    quint8 cla = 0;
    quint8 ins = 0;
    quint8 p1 = 0;
    quint8 p2 = 0;
    QByteArray data;
    // Expected response length: nullopt when absent; 0 with a present Le means "all" (256/65536).
    std::optional<int> le;

    bool isChained() const { return (cla & 0x10) != 0; }
    // Short form when data and Le fit (≤ 255 / ≤ 256), extended otherwise.
    QByteArray encode() const;
    // The four cases of ISO/IEC 7816-4 §5.1; nullopt when the lengths do not add up.
    static std::optional<CommandApdu> parse(QByteArrayView bytes);
};

struct ResponseApdu
{
    QByteArray data;
    quint16 status = 0;

    QByteArray encode() const;
    // nullopt when shorter than the two status bytes.
    static std::optional<ResponseApdu> parse(QByteArrayView bytes);
};

} // namespace haip::card
