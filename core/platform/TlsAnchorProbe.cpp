#include "platform/TlsAnchorProbe.h"

#include <QSslConfiguration>

namespace haip::platform {

TlsAnchorProbe::TlsAnchorProbe(const QUrl &server, const crypto::TlsPolicy &policy, int timeoutMs, QObject *parent)
    : QObject(parent), m_server(server), m_policy(policy)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
}

void TlsAnchorProbe::start(Callback done)
{
    m_done = std::move(done);
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setCiphers(crypto::TlsPolicy::allowedCiphers());
    // Only to read the chain: nothing is sent on this connection and nothing of it is trusted.
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket.setSslConfiguration(c);
    connect(&m_socket, &QSslSocket::encrypted, this, [this] {
        const QList<QSslCertificate> chain = m_socket.peerCertificateChain();
        m_socket.abort();
        Result<QSslCertificate> anchor = m_policy.pinnedAnchor(chain);
        if (!anchor)
            finish(Error(ErrorCode::TlsFailure,
                         QStringLiteral("the server's certificate chain holds no CA certificate with the pinned key "
                                        "(%1 certificates presented)")
                             .arg(chain.size()),
                         m_server.authority()));
        else
            finish(*anchor);
    });
    connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        const ErrorCode code =
            error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError
            ? ErrorCode::TlsFailure
            : ErrorCode::NetworkUnavailable;
        finish(Error(code, m_socket.errorString(), m_server.authority()));
    });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_socket.abort();
        finish(Error(ErrorCode::NetworkUnavailable,
                     QStringLiteral("no TLS handshake within %1 s").arg(m_timeout.interval() / 1000),
                     m_server.authority()));
    });
    m_timeout.start();
    m_socket.connectToHostEncrypted(m_server.host(), quint16(m_server.port(443)));
}

void TlsAnchorProbe::finish(Result<QSslCertificate> result)
{
    if (!m_done)
        return;
    m_timeout.stop();
    Callback done = std::move(m_done);
    m_done = nullptr;
    done(std::move(result));
}

} // namespace haip::platform
