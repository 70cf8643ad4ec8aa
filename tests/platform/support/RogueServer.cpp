#include "RogueServer.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace haip::test {

RogueServer::RogueServer(QList<QSslCertificate> chain, QSslKey key, QObject *parent)
    : QTcpServer(parent), m_chain(std::move(chain)), m_key(std::move(key))
{ }

void RogueServer::answer(const QString &pathPrefix, QByteArray rawResponse)
{
    m_answers.insert(pathPrefix, std::move(rawResponse));
}

QByteArray RogueServer::http(int status, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType +
        "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray RogueServer::responseFor(const QByteArray &requestHead) const
{
    const QList<QByteArray> line = requestHead.left(requestHead.indexOf("\r\n")).split(' ');
    const QString path = line.size() >= 2 ? QString::fromLatin1(line[1]) : QString();
    QString best;
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it) {
        if (path.startsWith(it.key()) && it.key().size() >= best.size())
            best = it.key();
    }
    return m_answers.contains(best) ? m_answers.value(best) : http(404, "text/plain", "no answer set");
}

void RogueServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(m_chain);
    tls.setPrivateKey(m_key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // a client certificate is neither asked nor checked
    socket->setSslConfiguration(tls);
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QSslSocket::errorOccurred, socket, [socket] { socket->abort(); });
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer] {
        *buffer += socket->readAll();
        const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        // Wait for a request body announced by Content-Length before answering.
        qsizetype length = 0;
        for (const QByteArray &h : buffer->left(headEnd).split('\n')) {
            if (h.toLower().startsWith("content-length:"))
                length = h.mid(15).trimmed().toLongLong();
        }
        if (buffer->size() < headEnd + 4 + length)
            return;
        ++m_requests;
        socket->write(responseFor(*buffer));
        buffer->clear();
        socket->disconnectFromHost();
    });
    socket->startServerEncryption();
}

} // namespace haip::test
