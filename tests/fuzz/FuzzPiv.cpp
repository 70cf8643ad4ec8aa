// Fuzz target "piv": what a PIV card (or something posing as one in the reader) answers. The
// input is a script of response APDUs — each a two-byte big-endian length and that many bytes
// (data and status word) — that a scripted transport hands to the real PivClient, one per
// command it sends, through a whole card session: SELECT, GET DATA of the slot 9A certificate
// (response chaining, the BER-TLV of the object, gzip), the certificate into CardIdentity (X.509
// parsing), the PIN retry counter, VERIFY and GENERAL AUTHENTICATE (ECC and RSA answers). The
// whole input also goes through the BER-TLV parser and the response APDU parser directly.
#include "FuzzSupport.h"
#include "auth/CardIdentity.h"
#include "card/Apdu.h"
#include "card/ApduTransport.h"
#include "card/BerTlv.h"
#include "card/PivClient.h"

using namespace haip;

namespace {

class ScriptedCard : public card::ApduTransport
{
public:
    explicit ScriptedCard(QByteArrayView script) : m_script(script) { }

    Result<QByteArray> transmit(const QByteArray &command) override
    {
        Q_UNUSED(command);
        if (m_script.size() < 2)
            return Error(ErrorCode::CardRemoved, QStringLiteral("fuzz script ended"));
        const qsizetype length = (qsizetype(quint8(m_script[0])) << 8) | quint8(m_script[1]);
        m_script = m_script.sliced(2);
        const QByteArrayView answer = m_script.first(qMin(length, m_script.size()));
        m_script = m_script.sliced(answer.size());
        return answer.toByteArray();
    }

private:
    QByteArrayView m_script;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input = fuzz::view(data, size);
    (void)card::tlv::parse(input);
    (void)card::tlv::find(input, 0x53);
    (void)card::ResponseApdu::parse(input);

    ScriptedCard transport(input);
    card::PivClient piv(transport);
    (void)piv.select();
    if (Result<QByteArray> certificate = piv.readAuthenticationCertificate())
        (void)auth::CardIdentity::fromCertificate(QStringLiteral("fuzz reader"), *certificate);
    (void)piv.pinTriesLeft();
    (void)piv.verifyPin(QByteArrayLiteral("123456"));
    const QByteArray digest(32, '\x42');
    (void)piv.signSha256(0x11, digest);
    (void)piv.signSha256(0x07, digest);
    return 0;
}
