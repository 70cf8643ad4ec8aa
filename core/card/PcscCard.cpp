#include "card/PcscCard.h"

#ifdef Q_OS_WIN
#include <winscard.h>

#include <windows.h>
#else
#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>
#endif

using namespace Qt::StringLiterals;

namespace haip::card {

struct PcscCard::Handles
{
    SCARDCONTEXT context = 0;
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    QString reader;
    QByteArray atr;

    ~Handles()
    {
        if (card != 0)
            SCardDisconnect(card, SCARD_LEAVE_CARD);
        if (context != 0)
            SCardReleaseContext(context);
    }
};

namespace {

QString hexCode(long code)
{
    return u"0x"_s + QString::number(quint32(code), 16).rightJustified(8, u'0').toUpper();
}

// A context for one call or one connection.
Result<SCARDCONTEXT> establish()
{
    SCARDCONTEXT context = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS)
        return PcscCard::errorFor(rv, u"SCardEstablishContext"_s);
    return context;
}

} // namespace

Error PcscCard::errorFor(long code, const QString &what)
{
    const QString detail = what + u": "_s + hexCode(code);
    switch (quint32(code)) {
    case quint32(SCARD_W_REMOVED_CARD):
    case quint32(SCARD_E_NO_SMARTCARD):
    case quint32(SCARD_W_RESET_CARD):
    case quint32(SCARD_E_NOT_TRANSACTED):
        return Error(ErrorCode::CardRemoved, detail);
    case quint32(SCARD_E_NO_SERVICE):
    case quint32(SCARD_E_SERVICE_STOPPED):
    case quint32(SCARD_F_COMM_ERROR): // the service went away mid-call
        return Error(ErrorCode::CardUnavailable, u"the smart-card service is not running; "_s + detail);
    case quint32(SCARD_E_NO_READERS_AVAILABLE):
    case quint32(SCARD_E_UNKNOWN_READER):
    case quint32(SCARD_E_READER_UNAVAILABLE):
        return Error(ErrorCode::CardUnavailable, u"the reader is not connected; "_s + detail);
    case quint32(SCARD_E_SHARING_VIOLATION):
        return Error(ErrorCode::CardUnavailable, u"another program is using the card; "_s + detail);
    case quint32(SCARD_W_UNRESPONSIVE_CARD):
    case quint32(SCARD_W_UNPOWERED_CARD):
    case quint32(SCARD_E_PROTO_MISMATCH):
        return Error(ErrorCode::CardNotSupported, u"the card does not answer; "_s + detail);
    case quint32(SCARD_E_TIMEOUT):
        return Error(ErrorCode::CardUnavailable, u"the reader did not answer in time; "_s + detail);
    default:
        return Error(ErrorCode::CardFailed, detail);
    }
}

PcscCard::PcscCard(std::unique_ptr<Handles> handles) : m_handles(std::move(handles)) { }
PcscCard::~PcscCard() = default;
PcscCard::PcscCard(PcscCard &&) noexcept = default;
PcscCard &PcscCard::operator=(PcscCard &&) noexcept = default;

Result<QStringList> PcscCard::readers()
{
    Result<SCARDCONTEXT> context = establish();
    if (!context)
        return context.error();
    Handles owner;
    owner.context = *context;
    DWORD size = 0;
    LONG rv = SCardListReaders(owner.context, nullptr, nullptr, &size);
    if (rv == LONG(SCARD_E_NO_READERS_AVAILABLE))
        return QStringList();
    if (rv != SCARD_S_SUCCESS)
        return errorFor(rv, u"SCardListReaders"_s);
    QByteArray buffer(qsizetype(size), '\0');
    rv = SCardListReaders(owner.context, nullptr, buffer.data(), &size);
    if (rv == LONG(SCARD_E_NO_READERS_AVAILABLE))
        return QStringList();
    if (rv != SCARD_S_SUCCESS)
        return errorFor(rv, u"SCardListReaders"_s);
    // A multi-string: names separated by NUL, ended by an empty name.
    QStringList names;
    for (const QByteArray &name : buffer.left(qsizetype(size)).split('\0')) {
        if (!name.isEmpty())
            names.append(QString::fromUtf8(name));
    }
    return names;
}

Result<PcscCard> PcscCard::connect(const QString &reader)
{
    Result<SCARDCONTEXT> context = establish();
    if (!context)
        return context.error();
    auto handles = std::make_unique<Handles>();
    handles->context = *context;
    handles->reader = reader;
    const QByteArray name = reader.toUtf8();
    const LONG rv = SCardConnect(handles->context,
                                 name.constData(),
                                 SCARD_SHARE_SHARED,
                                 SCARD_PROTOCOL_T1 | SCARD_PROTOCOL_T0,
                                 &handles->card,
                                 &handles->protocol);
    if (rv != SCARD_S_SUCCESS)
        return errorFor(rv, u"SCardConnect"_s).withSubject(reader);
    unsigned char atr[MAX_ATR_SIZE];
    DWORD atrLength = sizeof atr;
    DWORD state = 0;
    DWORD protocol = 0;
    DWORD nameLength = 0;
    if (SCardStatus(handles->card, nullptr, &nameLength, &state, &protocol, atr, &atrLength) == SCARD_S_SUCCESS)
        handles->atr = QByteArray(reinterpret_cast<const char *>(atr), qsizetype(atrLength));
    return PcscCard(std::move(handles));
}

QString PcscCard::reader() const
{
    return m_handles->reader;
}

QByteArray PcscCard::atr() const
{
    return m_handles->atr;
}

Result<QByteArray> PcscCard::transmit(const QByteArray &command)
{
    const SCARD_IO_REQUEST *pci = m_handles->protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    // The largest extended-length answer plus its status word.
    QByteArray response(65538, Qt::Uninitialized);
    DWORD length = DWORD(response.size());
    const LONG rv = SCardTransmit(m_handles->card,
                                  pci,
                                  reinterpret_cast<const unsigned char *>(command.constData()),
                                  DWORD(command.size()),
                                  nullptr,
                                  reinterpret_cast<unsigned char *>(response.data()),
                                  &length);
    if (rv != SCARD_S_SUCCESS)
        return errorFor(rv, u"SCardTransmit"_s).withSubject(m_handles->reader);
    response.truncate(qsizetype(length));
    return response;
}

} // namespace haip::card
