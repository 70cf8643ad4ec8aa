// WorkerSupervisor: `serve` runs each offered service's worker as a child process
// (`haip-platform worker --state DIR --service ID`) so the broker process never holds a
// service's private key. A worker that exits is restarted after 1 s, doubling up to 30 s while
// it keeps failing; all are stopped (terminate, then kill) when the supervisor goes.
#pragma once

#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>

namespace haip::server {

class WorkerSupervisor : public QObject
{
    Q_OBJECT
public:
    WorkerSupervisor(QString program, QString stateDir, QStringList extraArguments, QObject *parent = nullptr);
    ~WorkerSupervisor() override;

    void start(const QStringList &serviceIds);
    void stop();

private:
    struct Worker
    {
        QString serviceId;
        QProcess *process = nullptr;
        int backoffMs = 1000;
    };
    void launch(Worker &worker);

    QString m_program;
    QString m_stateDir;
    QStringList m_extra;
    QList<Worker *> m_workers;
    bool m_stopping = false;
};

} // namespace haip::server
