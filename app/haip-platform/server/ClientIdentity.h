// ClientIdentity: who sent a request on a session route — read from the session client
// certificate the peer presented over mutual TLS (never from a header or a bearer value).
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <functional>

namespace haip::server {

struct ClientIdentity
{
    QString clinicianId; // the directory's user id, e.g. "yamada"
    QString displayName; // as on the card certificate (Japanese name)
    QString sessionId; // stable across renewals of one login
    QByteArray certificateSerial; // hex, of the session certificate this request came with
    QDateTime notAfter; // the session certificate's end of validity (UTC)
};

// Verifies a peer's certificate chain (leaf first) and names the client, or says why not
// (AuthenticationRequired, SessionExpired). Provided by SessionCertificates.
using IdentityVerifier = std::function<Result<ClientIdentity>(const QList<QSslCertificate> &peerChain)>;

} // namespace haip::server
