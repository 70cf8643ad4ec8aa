// TlsServerConfig: the server's TLS identity read from the state folder (tls/server.pem with its
// CA chain, tls/server.key) and the pin clients use (SHA-256 of the platform CA's SPKI), turned
// into the QSslConfiguration of crypto::TlsPolicy with the session CA as the client-certificate
// authority.
#pragma once

#include "CertificateAuthority.h"
#include "PlatformState.h"
#include "common/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace haip::server {

struct TlsServerConfig
{
    QList<QSslCertificate> chain; // leaf first, then the platform TLS CA
    QSslKey key;
    QByteArray caSpkiSha256;

    static Result<TlsServerConfig> load(const PlatformState &state);
    QSslConfiguration configuration(const CertificateAuthority &sessionCa) const;
};

} // namespace haip::server
