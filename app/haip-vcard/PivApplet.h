// The PIV card application (NIST SP 800-73-4 Part 2) the virtual card answers with: SELECT,
// GET DATA (slot 9A certificate, CHUID, discovery object), VERIFY, CHANGE REFERENCE DATA,
// RESET RETRY COUNTER and GENERAL AUTHENTICATE, with command chaining and response chaining
// (61xx / GET RESPONSE) as real cards do, so independent clients such as OpenSC work with it.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace haip::card {
struct CommandApdu;
struct ResponseApdu;
} // namespace haip::card

namespace haip::vcard {

class CardProfile;

class PivApplet
{
public:
    explicit PivApplet(CardProfile &profile);

    // One command APDU in, its response APDU out (never empty: at least a status word).
    QByteArray process(QByteArrayView commandBytes);
    // Power cycle or warm reset: PIN verification, chaining and pending responses are lost.
    void reset();
    bool pinVerified() const { return m_pinVerified; }

private:
    card::ResponseApdu dispatch(const card::CommandApdu &command);
    card::ResponseApdu select(const card::CommandApdu &command);
    card::ResponseApdu getData(const card::CommandApdu &command) const;
    card::ResponseApdu verify(const card::CommandApdu &command);
    card::ResponseApdu changeReference(const card::CommandApdu &command);
    card::ResponseApdu resetRetryCounter(const card::CommandApdu &command);
    card::ResponseApdu generalAuthenticate(const card::CommandApdu &command);
    // Checks a PIN against the card and counts the try; Ok, 63Cx or 6983.
    quint16 checkPin(QByteArrayView paddedPin);
    // Sends the first part of a long answer and keeps the rest for GET RESPONSE.
    QByteArray chained(const card::ResponseApdu &response, int maxLength);
    void saveCounters() const;

    CardProfile &m_profile;
    bool m_selected = true; // the PIV application is the default application after reset
    bool m_pinVerified = false;
    QByteArray m_chainIns; // INS and P1/P2 of the command being chained, and its data so far
    QByteArray m_chainData;
    QByteArray m_pendingResponse;
};

} // namespace haip::vcard
