#include "card/PivClient.h"

#include "card/Apdu.h"
#include "card/BerTlv.h"

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace haip::card {

namespace {

const QByteArray pivAid = QByteArray::fromHex("A000000308000010000100");
constexpr quint32 tagCertificate9A = 0x5FC105;
constexpr int maxChainedParts = 64; // 16 KiB of answer: far more than any PIV object

QString statusText(quint16 status)
{
    return u"status word "_s + QString::number(status, 16).toUpper().rightJustified(4, u'0');
}

Error cardError(quint16 status, const QString &what)
{
    if (status == sw::AuthenticationBlocked)
        return Error(ErrorCode::PinBlocked, what);
    if ((status & 0xFFF0) == sw::TriesLeftMask)
        return Error(ErrorCode::PinIncorrect, QString::number(status & 0x0F));
    if (status == sw::SecurityNotSatisfied)
        return Error(ErrorCode::CardFailed, what + u": the PIN has not been verified ("_s + statusText(status) + u')');
    return Error(ErrorCode::CardFailed, what + u": "_s + statusText(status));
}

// CertInfo bit 0 set: the certificate is gzip-compressed (SP 800-73-4 Part 1 Table 10).
Result<QByteArray> gunzip(const QByteArray &in)
{
    z_stream z {};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return Error(ErrorCode::Internal, u"inflateInit2"_s);
    QByteArray out;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    int rv = Z_OK;
    char buffer[4096];
    while (rv == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        rv = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
        if (out.size() > qsizetype(64) * 1024)
            rv = Z_DATA_ERROR;
    }
    inflateEnd(&z);
    if (rv != Z_STREAM_END)
        return Error(ErrorCode::CardFailed, u"the card's compressed certificate is damaged"_s);
    return out;
}

} // namespace

PivClient::PivClient(ApduTransport &transport) : m_transport(transport) { }

Result<ResponseApdu> PivClient::exchange(quint8 ins, quint8 p1, quint8 p2, const QByteArray &data, bool expectData)
{
    // Command chaining (ISO/IEC 7816-4 §5.3.3): parts of 255 bytes, CLA bit 0x10 on all but the last.
    qsizetype offset = 0;
    do {
        const QByteArray part = data.mid(offset, 255);
        offset += part.size();
        const bool last = offset >= data.size();
        CommandApdu command {quint8(last ? 0x00 : 0x10), ins, p1, p2, part, std::nullopt};
        if (last && expectData)
            command.le = 256;
        Result<QByteArray> raw = m_transport.transmit(command.encode());
        if (!raw)
            return raw.error();
        std::optional<ResponseApdu> response = ResponseApdu::parse(*raw);
        if (!response)
            return Error(ErrorCode::CardFailed, u"the card sent a response without a status word"_s);
        if (!last) {
            if (response->status != sw::Ok)
                return *response;
            continue;
        }
        // Response chaining: 61xx means xx (00: 256 or more) bytes wait for GET RESPONSE.
        int parts = 0;
        while ((response->status & 0xFF00) == sw::MoreDataMask) {
            if (++parts > maxChainedParts)
                return Error(ErrorCode::CardFailed, u"the card's answer does not end"_s);
            const int next = response->status & 0xFF;
            const CommandApdu getResponse {0x00, 0xC0, 0x00, 0x00, {}, next == 0 ? 256 : next};
            Result<QByteArray> more = m_transport.transmit(getResponse.encode());
            if (!more)
                return more.error();
            std::optional<ResponseApdu> moreResponse = ResponseApdu::parse(*more);
            if (!moreResponse)
                return Error(ErrorCode::CardFailed, u"the card sent a response without a status word"_s);
            moreResponse->data.prepend(response->data);
            response = std::move(moreResponse);
        }
        return *response;
    } while (true);
}

Result<void> PivClient::select()
{
    Result<ResponseApdu> r = exchange(0xA4, 0x04, 0x00, pivAid, true);
    if (!r)
        return r.error();
    if (r->status != sw::Ok)
        return Error(ErrorCode::CardNotSupported, u"SELECT PIV: "_s + statusText(r->status));
    return {};
}

Result<int> PivClient::pinTriesLeft()
{
    Result<ResponseApdu> r = exchange(0x20, 0x00, 0x80, {}, false);
    if (!r)
        return r.error();
    if (r->status == sw::AuthenticationBlocked)
        return 0;
    if ((r->status & 0xFFF0) == sw::TriesLeftMask)
        return r->status & 0x0F;
    if (r->status == sw::Ok) // already verified in this card session
        return -1;
    return cardError(r->status, u"VERIFY"_s);
}

Result<void> PivClient::verifyPin(const QByteArray &pin)
{
    if (pin.size() < 6 || pin.size() > 8)
        return Error(ErrorCode::InvalidArgument, u"a PIN has 6 to 8 digits"_s);
    QByteArray padded = pin + QByteArray(8 - pin.size(), '\xFF');
    Result<ResponseApdu> r = exchange(0x20, 0x00, 0x80, padded, false);
    padded.fill('\0'); // the PIN leaves memory as soon as it has been sent
    if (!r)
        return r.error();
    if (r->status != sw::Ok)
        return cardError(r->status, u"VERIFY"_s);
    return {};
}

Result<QByteArray> PivClient::getData(quint32 tag)
{
    QByteArray tagBytes;
    for (int shift = 16; shift >= 0; shift -= 8) {
        if ((tag >> shift) != 0 || shift == 0)
            tagBytes.append(char((tag >> shift) & 0xFF));
    }
    Result<ResponseApdu> r = exchange(0xCB, 0x3F, 0xFF, tlv::encode(0x5C, tagBytes), true);
    if (!r)
        return r.error();
    if (r->status == sw::FileNotFound)
        return Error(ErrorCode::CardNotSupported, u"the card holds no PIV Authentication certificate"_s);
    if (r->status != sw::Ok)
        return cardError(r->status, u"GET DATA"_s);
    std::optional<QByteArray> body = tlv::find(r->data, 0x53);
    if (!body)
        return Error(ErrorCode::CardFailed, u"GET DATA: the answer is not a PIV data object"_s);
    return *body;
}

Result<QByteArray> PivClient::readAuthenticationCertificate()
{
    Result<QByteArray> object = getData(tagCertificate9A);
    if (!object)
        return object.error();
    const std::optional<QByteArray> certificate = tlv::find(*object, 0x70);
    if (!certificate || certificate->isEmpty())
        return Error(ErrorCode::CardFailed, u"the certificate object holds no certificate"_s);
    const QByteArray info = tlv::find(*object, 0x71).value_or(QByteArray(1, '\0'));
    if (!info.isEmpty() && (quint8(info.at(0)) & 0x01) != 0)
        return gunzip(*certificate);
    return *certificate;
}

Result<QByteArray> PivClient::signSha256(int pivAlgorithm, const QByteArray &digest)
{
    if (digest.size() != 32)
        return Error(ErrorCode::InvalidArgument, u"a SHA-256 digest is 32 bytes"_s);
    QByteArray input;
    if (pivAlgorithm == 0x07) {
        // EMSA-PKCS1-v1_5 (RFC 8017 §9.2): 00 01 FF… 00 DigestInfo(SHA-256) — the card signs raw.
        const QByteArray digestInfo = QByteArray::fromHex("3031300d060960864801650304020105000420") + digest;
        input = QByteArray::fromHex("0001") + QByteArray(256 - 3 - digestInfo.size(), '\xFF') + QByteArray(1, '\0') +
            digestInfo;
    } else if (pivAlgorithm == 0x11) {
        input = digest;
    } else {
        return Error(ErrorCode::CardNotSupported, u"PIV algorithm %1 is not supported"_s.arg(pivAlgorithm));
    }
    const QByteArray templ = tlv::encode(0x7C, tlv::encode(0x82, {}) + tlv::encode(0x81, input));
    Result<ResponseApdu> r = exchange(0x87, quint8(pivAlgorithm), 0x9A, templ, true);
    if (!r)
        return r.error();
    if (r->status != sw::Ok)
        return cardError(r->status, u"GENERAL AUTHENTICATE"_s);
    const std::optional<QByteArray> answer = tlv::find(r->data, 0x7C);
    const std::optional<QByteArray> signature = answer ? tlv::find(*answer, 0x82) : std::nullopt;
    if (!signature || signature->isEmpty())
        return Error(ErrorCode::CardFailed, u"GENERAL AUTHENTICATE: the answer holds no signature"_s);
    return *signature;
}

} // namespace haip::card
