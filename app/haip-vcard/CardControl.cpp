#include "CardControl.h"

#include "CardProfile.h"
#include "VpcdLink.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace haip::vcard {

CardControl::CardControl(VpcdLink &link, const CardProfile &profile, QObject *parent)
    : QObject(parent), m_link(link), m_profile(profile)
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &CardControl::onConnection);
}

bool CardControl::listen(const QString &path)
{
    QLocalServer::removeServer(path);
    return m_server.listen(path);
}

void CardControl::onConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                const QByteArray command = socket->readLine().trimmed();
                socket->write(answer(command) + '\n');
                socket->flush();
                if (command == "quit")
                    emit quitRequested();
            }
        });
    }
}

QByteArray CardControl::answer(const QByteArray &command)
{
    QJsonObject reply;
    if (command == "insert")
        m_link.insert();
    else if (command == "remove")
        m_link.remove();
    else if (command != "status" && command != "quit")
        reply[u"error"_s] = u"unknown command; use insert, remove, status or quit"_s;
    reply[u"inserted"_s] = m_link.isInserted() || command == "insert";
    reply[u"pinRetriesLeft"_s] = m_profile.pinRetriesLeft();
    return QJsonDocument(reply).toJson(QJsonDocument::Compact);
}

} // namespace haip::vcard
