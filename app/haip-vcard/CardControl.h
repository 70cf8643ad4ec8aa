// The control socket of haip-vcard, so tests and the demo can pull and put back the card:
// a local socket taking one command per line — "insert", "remove", "status", "quit" — and
// answering each with one JSON line {"inserted": bool, "pinRetriesLeft": n}.
#pragma once

#include <QLocalServer>
#include <QObject>

namespace haip::vcard {

class VpcdLink;
class CardProfile;

class CardControl : public QObject
{
    Q_OBJECT

public:
    CardControl(VpcdLink &link, const CardProfile &profile, QObject *parent = nullptr);
    bool listen(const QString &path);
    QString errorString() const { return m_server.errorString(); }

signals:
    void quitRequested();

private:
    void onConnection();
    QByteArray answer(const QByteArray &command);

    VpcdLink &m_link;
    const CardProfile &m_profile;
    QLocalServer m_server;
};

} // namespace haip::vcard
