#include "CardHarness.h"

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QLocalSocket>
#include <QThread>

using namespace Qt::StringLiterals;

namespace haip::test {

CardHarness::CardHarness()
{
    m_pcscd.setProcessChannelMode(QProcess::MergedChannels);
    endWithThisProcess(m_pcscd);
    endWithThisProcess(m_card);
}

CardHarness::~CardHarness()
{
    stop();
}

QString CardHarness::socketPath() const
{
    return m_dir.filePath(u"pcscd.comm"_s);
}

QProcessEnvironment CardHarness::clientEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PCSCLITE_CSOCK_NAME"_s, socketPath());
    return env;
}

Result<void> CardHarness::startPcscd(int timeoutMs)
{
    const QString pcscd = findTool(u"pcscd"_s);
    if (pcscd.isEmpty() || findTool(u"unshare"_s).isEmpty())
        return Error(ErrorCode::FileNotFound, u"pcscd is missing: install pcscd and vsmartcard-vpcd"_s);
    if (!QFileInfo::exists(u"/usr/lib/pcsc/drivers/serial/libifdvpcd.so"_s))
        return Error(ErrorCode::FileNotFound, u"the vpcd driver is missing: install vsmartcard-vpcd"_s);
    // A private /run/pcscd: this pcscd's socket lands in our folder, not the system's.
    m_pcscd.start(u"unshare"_s,
                  {u"-m"_s,
                   u"sh"_s,
                   u"-c"_s,
                   u"mkdir -p /run/pcscd && mount --bind \"$0\" /run/pcscd && exec \"$1\" -f"_s,
                   m_dir.path(),
                   pcscd});
    if (!m_pcscd.waitForStarted(timeoutMs))
        return Error(ErrorCode::Internal, u"pcscd did not start: "_s + m_pcscd.errorString());
    QDeadlineTimer deadline(timeoutMs);
    while (!QFileInfo::exists(socketPath())) {
        if (deadline.hasExpired() || m_pcscd.state() != QProcess::Running)
            return Error(ErrorCode::Internal, u"pcscd did not come up: "_s + QString::fromUtf8(m_pcscd.readAll()));
        QThread::msleep(20);
    }
    return {};
}

Result<void> CardHarness::startCard(const QString &profilePath, bool inserted, int timeoutMs)
{
    QStringList args {u"--profile"_s, profilePath, u"--control"_s, m_dir.filePath(u"vcard.sock"_s)};
    if (!inserted)
        args << u"--removed"_s;
    m_card.start(programPath(u"haip-vcard"_s), args);
    if (!m_card.waitForStarted(timeoutMs))
        return Error(ErrorCode::Internal, u"haip-vcard did not start: "_s + m_card.errorString());
    const QByteArray wanted = inserted ? "\"inserted\"" : "\"ready\"";
    QByteArray out;
    QDeadlineTimer deadline(timeoutMs);
    while (!out.contains(wanted)) {
        if (deadline.hasExpired() || m_card.state() != QProcess::Running)
            return Error(ErrorCode::Internal,
                         u"haip-vcard: "_s + QString::fromUtf8(out + m_card.readAllStandardError()));
        m_card.waitForReadyRead(100);
        out += m_card.readAllStandardOutput();
    }
    return {};
}

Result<QByteArray> CardHarness::control(const QByteArray &command)
{
    QLocalSocket socket;
    socket.connectToServer(m_dir.filePath(u"vcard.sock"_s));
    if (!socket.waitForConnected(5000))
        return Error(ErrorCode::Internal, u"haip-vcard control: "_s + socket.errorString());
    socket.write(command + '\n');
    socket.flush();
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(5000))
            return Error(ErrorCode::Internal, u"haip-vcard control: no answer"_s);
    }
    return socket.readLine().trimmed();
}

Result<QByteArray> CardHarness::runClient(const QString &tool, const QStringList &arguments, int timeoutMs) const
{
    const QString path = findTool(tool);
    if (path.isEmpty())
        return Error(ErrorCode::FileNotFound, tool + u" is missing: install opensc"_s);
    QProcess p;
    p.setProcessEnvironment(clientEnvironment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(path, arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return Error(ErrorCode::Internal, tool + u" did not finish"_s);
    }
    return p.readAll();
}

void CardHarness::stopCard()
{
    if (m_card.state() == QProcess::NotRunning)
        return;
    m_card.terminate();
    if (!m_card.waitForFinished(5000)) {
        m_card.kill();
        m_card.waitForFinished(2000);
    }
}

void CardHarness::stop()
{
    for (QProcess *p : {&m_card, &m_pcscd}) {
        if (p->state() == QProcess::NotRunning)
            continue;
        p->terminate();
        if (!p->waitForFinished(5000)) {
            p->kill();
            p->waitForFinished(2000);
        }
    }
}

} // namespace haip::test
