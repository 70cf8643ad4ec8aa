#include "PivApplet.h"

#include "CardProfile.h"
#include "card/Apdu.h"
#include "card/BerTlv.h"

#include <QDate>
#include <QTextStream>

namespace haip::vcard {

using card::CommandApdu;
using card::ResponseApdu;
namespace sw = card::sw;
namespace tlv = card::tlv;

namespace {

// SP 800-73-4 Part 1 §2.2: the PIV application's AID; a SELECT may name its first 9 bytes.
const QByteArray pivAid = QByteArray::fromHex("A000000308000010000100");
constexpr int pivAidMinimumPrefix = 5; // the RID

// SP 800-73-4 Part 1 Table 3: data object tags used with GET DATA.
constexpr quint32 tagChuid = 0x5FC102;
constexpr quint32 tagCertificate9A = 0x5FC105;
constexpr quint32 tagDiscovery = 0x7E;

// Instructions (SP 800-73-4 Part 2 Table 7) and key references.
enum : quint8
{
    InsVerify = 0x20,
    InsChangeReference = 0x24,
    InsResetRetryCounter = 0x2C,
    InsGeneralAuthenticate = 0x87,
    InsSelect = 0xA4,
    InsGetResponse = 0xC0,
    InsGetData = 0xCB,
};
constexpr quint8 keyPivPin = 0x80;
constexpr quint8 keyPivAuthentication = 0x9A;

ResponseApdu status(quint16 sw)
{
    return {{}, sw};
}

// PIN reference data are 8 bytes, the PIN's digits padded with 0xFF.
QByteArray unpadPin(QByteArrayView padded)
{
    QByteArray pin = padded.toByteArray();
    while (!pin.isEmpty() && quint8(pin.back()) == 0xFF)
        pin.chop(1);
    return pin;
}

bool isValidPin(const QByteArray &pin)
{
    if (pin.size() < 6 || pin.size() > 8)
        return false;
    for (const char c : pin) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

quint16 triesLeft(int left)
{
    return left <= 0 ? sw::AuthenticationBlocked : quint16(sw::TriesLeftMask | quint16(qMin(left, 15)));
}

} // namespace

PivApplet::PivApplet(CardProfile &profile) : m_profile(profile) { }

void PivApplet::reset()
{
    m_selected = true;
    m_pinVerified = false;
    m_chainIns.clear();
    m_chainData.clear();
    m_pendingResponse.clear();
}

QByteArray PivApplet::process(QByteArrayView commandBytes)
{
    std::optional<CommandApdu> command = CommandApdu::parse(commandBytes);
    if (!command)
        return status(sw::WrongLength).encode();
    if ((command->cla & ~0x10) != 0)
        return status(sw::ClaNotSupported).encode();
    const int maxLength = command->le.value_or(256);
    if (command->ins == InsGetResponse) {
        if (m_pendingResponse.isEmpty())
            return status(sw::ConditionsNotSatisfied).encode();
        return chained({std::exchange(m_pendingResponse, {}), sw::Ok}, maxLength);
    }
    m_pendingResponse.clear();

    // Command chaining (ISO/IEC 7816-4 §5.3.3): collect the parts, answer the last one.
    QByteArray header;
    header.append(char(command->ins)).append(char(command->p1)).append(char(command->p2));
    if (!m_chainIns.isEmpty() && m_chainIns != header) {
        m_chainIns.clear();
        m_chainData.clear();
    }
    if (command->isChained()) {
        m_chainIns = header;
        m_chainData += command->data;
        return status(sw::Ok).encode();
    }
    if (!m_chainIns.isEmpty()) {
        command->data.prepend(m_chainData);
        m_chainIns.clear();
        m_chainData.clear();
    }
    return chained(dispatch(*command), maxLength);
}

QByteArray PivApplet::chained(const ResponseApdu &response, int maxLength)
{
    const int chunk = qBound(1, maxLength, 65536);
    if (response.data.size() <= chunk)
        return response.encode();
    m_pendingResponse = response.data.mid(chunk);
    const qsizetype rest = m_pendingResponse.size();
    ResponseApdu first {response.data.left(chunk), quint16(sw::MoreDataMask | (rest >= 256 ? 0 : rest))};
    return first.encode();
}

ResponseApdu PivApplet::dispatch(const CommandApdu &command)
{
    if (command.ins == InsSelect)
        return select(command);
    if (!m_selected)
        return status(sw::InsNotSupported);
    switch (command.ins) {
    case InsGetData:
        return getData(command);
    case InsVerify:
        return verify(command);
    case InsChangeReference:
        return changeReference(command);
    case InsResetRetryCounter:
        return resetRetryCounter(command);
    case InsGeneralAuthenticate:
        return generalAuthenticate(command);
    default:
        return status(sw::InsNotSupported);
    }
}

ResponseApdu PivApplet::select(const CommandApdu &command)
{
    if (command.p1 != 0x04)
        return status(sw::IncorrectP1P2);
    if (command.data.size() < pivAidMinimumPrefix || !pivAid.startsWith(command.data)) {
        m_selected = false;
        m_pinVerified = false;
        return status(sw::FileNotFound);
    }
    m_selected = true;
    // Application property template (SP 800-73-4 Part 2 Table 3).
    const QByteArray algorithms =
        tlv::encode(0x80, QByteArray(1, char(m_profile.pivAlgorithmId()))) + tlv::encode(0x06, {});
    const QByteArray body = tlv::encode(0x4F, pivAid.mid(5)) + tlv::encode(0x79, tlv::encode(0x4F, pivAid.left(5))) +
        tlv::encode(0x50, "HAIP virtual PIV") + tlv::encode(0xAC, algorithms);
    return {tlv::encode(0x61, body), sw::Ok};
}

ResponseApdu PivApplet::getData(const CommandApdu &command) const
{
    if (command.p1 != 0x3F || command.p2 != 0xFF)
        return status(sw::IncorrectP1P2);
    const std::optional<QByteArray> tagBytes = tlv::find(command.data, 0x5C);
    if (!tagBytes || tagBytes->isEmpty() || tagBytes->size() > 3)
        return status(sw::IncorrectData);
    quint32 tag = 0;
    for (const char b : *tagBytes)
        tag = (tag << 8) | quint8(b);
    switch (tag) {
    case tagCertificate9A: {
        // CertInfo 0x00: not compressed; an empty error detection code closes the object.
        const QByteArray body = tlv::encode(0x70, m_profile.certificateDer()) + tlv::encode(0x71, QByteArray(1, '\0')) +
            tlv::encode(0xFE, {});
        return {tlv::encode(0x53, body), sw::Ok};
    }
    case tagChuid: {
        // FASC-N of a non-federal issuer (all-9 agency code as SP 800-73-4 allows), GUID,
        // expiry date, and an empty issuer signature: the virtual card is not a federal card.
        const QByteArray fascn = QByteArray::fromHex("D4E739DA739CED39CE739D836858210842108421C84210C3EB");
        const QByteArray expiry = QDate::currentDate().addYears(5).toString(QStringLiteral("yyyyMMdd")).toLatin1();
        const QByteArray body = tlv::encode(0x30, fascn) + tlv::encode(0x34, m_profile.cardholderUuid()) +
            tlv::encode(0x35, expiry) + tlv::encode(0x3E, {}) + tlv::encode(0xFE, {});
        return {tlv::encode(0x53, body), sw::Ok};
    }
    case tagDiscovery: {
        // PIN usage policy 0x40 0x00: the PIV PIN only, no global PIN, no OCC.
        const QByteArray body = tlv::encode(0x4F, pivAid) + tlv::encode(0x5F2F, QByteArray::fromHex("4000"));
        return {tlv::encode(0x7E, body), sw::Ok};
    }
    default:
        return status(sw::FileNotFound);
    }
}

quint16 PivApplet::checkPin(QByteArrayView paddedPin)
{
    if (m_profile.pinRetriesLeft() <= 0)
        return sw::AuthenticationBlocked;
    if (m_profile.pinMatches(unpadPin(paddedPin))) {
        m_profile.setPinRetriesLeft(m_profile.pinRetries());
        saveCounters();
        return sw::Ok;
    }
    m_profile.setPinRetriesLeft(m_profile.pinRetriesLeft() - 1);
    m_pinVerified = false;
    saveCounters();
    return triesLeft(m_profile.pinRetriesLeft());
}

ResponseApdu PivApplet::verify(const CommandApdu &command)
{
    if (command.p2 != keyPivPin)
        return status(sw::DataNotFound);
    if (command.p1 == 0xFF && command.data.isEmpty()) {
        m_pinVerified = false;
        return status(sw::Ok);
    }
    if (command.p1 != 0x00)
        return status(sw::IncorrectP1P2);
    if (command.data.isEmpty()) // status query: verified, tries left or blocked
        return status(m_pinVerified ? sw::Ok : triesLeft(m_profile.pinRetriesLeft()));
    if (command.data.size() != 8)
        return status(sw::IncorrectData);
    const quint16 result = checkPin(command.data);
    m_pinVerified = result == sw::Ok;
    return status(result);
}

ResponseApdu PivApplet::changeReference(const CommandApdu &command)
{
    if (command.p1 != 0x00 || command.p2 != keyPivPin)
        return status(sw::DataNotFound);
    if (command.data.size() != 16)
        return status(sw::IncorrectData);
    const QByteArray newPin = unpadPin(command.data.mid(8));
    if (!isValidPin(newPin))
        return status(sw::IncorrectData);
    const quint16 result = checkPin(command.data.left(8));
    if (result != sw::Ok)
        return status(result);
    m_profile.setPin(newPin);
    saveCounters();
    return status(sw::Ok);
}

ResponseApdu PivApplet::resetRetryCounter(const CommandApdu &command)
{
    if (command.p1 != 0x00 || command.p2 != keyPivPin)
        return status(sw::DataNotFound);
    if (command.data.size() != 16)
        return status(sw::IncorrectData);
    const QByteArray newPin = unpadPin(command.data.mid(8));
    if (!isValidPin(newPin))
        return status(sw::IncorrectData);
    if (m_profile.pukRetriesLeft() <= 0)
        return status(sw::AuthenticationBlocked);
    if (!m_profile.pukMatches(command.data.left(8))) {
        m_profile.setPukRetriesLeft(m_profile.pukRetriesLeft() - 1);
        saveCounters();
        return status(triesLeft(m_profile.pukRetriesLeft()));
    }
    m_profile.setPukRetriesLeft(m_profile.pukRetries());
    m_profile.setPin(newPin);
    m_profile.setPinRetriesLeft(m_profile.pinRetries());
    saveCounters();
    return status(sw::Ok);
}

ResponseApdu PivApplet::generalAuthenticate(const CommandApdu &command)
{
    if (command.p2 != keyPivAuthentication || command.p1 != m_profile.pivAlgorithmId())
        return status(sw::IncorrectP1P2);
    if (!m_pinVerified)
        return status(sw::SecurityNotSatisfied);
    // Dynamic authentication template: 7C { 82 (empty: "answer here"), 81 challenge }.
    const std::optional<QByteArray> templ = tlv::find(command.data, 0x7C);
    if (!templ)
        return status(sw::IncorrectData);
    const std::optional<QList<card::Tlv>> items = tlv::parse(*templ);
    if (!items)
        return status(sw::IncorrectData);
    std::optional<QByteArray> challenge;
    bool responseRequested = false;
    for (const card::Tlv &item : *items) {
        if (item.tag == 0x81)
            challenge = item.value;
        else if (item.tag == 0x82 && item.value.isEmpty())
            responseRequested = true;
    }
    if (!challenge || !responseRequested)
        return status(sw::IncorrectData);
    Result<QByteArray> signature = m_profile.authenticationKey().sign(*challenge);
    if (!signature)
        return status(sw::IncorrectData);
    return {tlv::encode(0x7C, tlv::encode(0x82, *signature)), sw::Ok};
}

void PivApplet::saveCounters() const
{
    // A card that cannot persist its counters must not pretend to: say so on stderr.
    if (Result<void> r = m_profile.saveCounters(); !r)
        QTextStream(stderr) << "haip-vcard: " << r.error().message() << '\n';
}

} // namespace haip::vcard
