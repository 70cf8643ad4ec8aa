// TlsAnchorProbe: finds the platform CA certificate when the policy ships only its pin. It makes
// one TLS handshake that verifies nothing and sends no application data, takes the certificate
// chain the server presents, closes the connection and returns the CA certificate in that chain
// whose SubjectPublicKeyInfo matches the pin (TlsPolicy::pinnedAnchor). Nothing learnt from this
// handshake is trusted by itself: the caller then verifies every real connection fully against
// that anchor alone, so a server without the pinned CA in its chain is refused either way.
#pragma once

#include "common/Result.h"
#include "crypto/TlsPolicy.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace haip::platform {

class TlsAnchorProbe : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<QSslCertificate> anchor)>;

    TlsAnchorProbe(const QUrl &server, const crypto::TlsPolicy &policy, int timeoutMs, QObject *parent = nullptr);
    // `done` is called once, from the event loop.
    void start(Callback done);

private:
    void finish(Result<QSslCertificate> result);

    QUrl m_server;
    crypto::TlsPolicy m_policy;
    QSslSocket m_socket;
    QTimer m_timeout;
    Callback m_done;
};

} // namespace haip::platform
