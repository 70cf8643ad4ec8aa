// RogueServer: a TLS server on loopback that plays a hostile platform for the client's tests. It
// holds the certificate chain and key the test gives it — the real platform's (a valid, pinned
// TLS session) or another — and answers each request with the raw HTTP bytes the test set for
// the longest matching path prefix, then closes the connection. It parses only the request line
// and Content-Length: it is a liar on purpose, not an HTTP server.
#pragma once

#include <QList>
#include <QMap>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

namespace haip::test {

class RogueServer : public QTcpServer
{
    Q_OBJECT
public:
    RogueServer(QList<QSslCertificate> chain, QSslKey key, QObject *parent = nullptr);

    bool listenLocal() { return listen(QHostAddress::LocalHost, 0); }
    // Every request whose path starts with `pathPrefix` gets exactly `rawResponse`.
    void answer(const QString &pathPrefix, QByteArray rawResponse);
    int requests() const { return m_requests; }

    // A well-formed HTTP/1.1 response with Content-Length.
    static QByteArray http(int status, const QByteArray &contentType, const QByteArray &body);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QByteArray responseFor(const QByteArray &requestHead) const;

    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    QMap<QString, QByteArray> m_answers;
    int m_requests = 0;
};

} // namespace haip::test
