#include "WorkerSupervisor.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSupervisor, "haip.platform.workers")

namespace haip::server {

namespace {
constexpr int kMaxBackoffMs = 30'000;
constexpr int kStableMs = 10'000; // a worker that ran this long starts its back-off afresh
} // namespace

WorkerSupervisor::WorkerSupervisor(QString program, QString stateDir, QStringList extraArguments, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_stateDir(std::move(stateDir))
    , m_extra(std::move(extraArguments))
{ }

WorkerSupervisor::~WorkerSupervisor()
{
    stop();
}

void WorkerSupervisor::start(const QStringList &serviceIds)
{
    for (const QString &id : serviceIds) {
        auto *w = new Worker {id, new QProcess(this)};
        m_workers.append(w);
        // The worker's stdout (its ready line) is not needed; its log goes where ours goes.
        w->process->setStandardOutputFile(QProcess::nullDevice());
        w->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        auto *started = new QElapsedTimer;
        connect(w->process, &QProcess::started, this, [started] { started->start(); });
        connect(w->process, &QProcess::destroyed, this, [started] { delete started; });
        connect(w->process, &QProcess::finished, this, [this, w, started](int code, QProcess::ExitStatus) {
            if (m_stopping)
                return;
            if (started->isValid() && started->elapsed() > kStableMs)
                w->backoffMs = 1000;
            qCWarning(lcSupervisor).noquote()
                << "worker" << w->serviceId << "exited with" << code << "- restarting in" << w->backoffMs << "ms";
            QTimer::singleShot(w->backoffMs, this, [this, w] {
                if (!m_stopping)
                    launch(*w);
            });
            w->backoffMs = qMin(w->backoffMs * 2, kMaxBackoffMs);
        });
        launch(*w);
    }
}

void WorkerSupervisor::launch(Worker &worker)
{
    worker.process->start(m_program,
                          QStringList {QStringLiteral("worker"),
                                       QStringLiteral("--state"),
                                       m_stateDir,
                                       QStringLiteral("--service"),
                                       worker.serviceId,
                                       QStringLiteral("--supervised"),
                                       QString::number(QCoreApplication::applicationPid())} +
                              m_extra);
}

void WorkerSupervisor::stop()
{
    m_stopping = true;
    for (Worker *w : std::as_const(m_workers)) {
        if (w->process->state() != QProcess::NotRunning) {
            w->process->terminate();
            if (!w->process->waitForFinished(3000))
                w->process->kill();
            w->process->waitForFinished(1000);
        }
        delete w->process;
        delete w;
    }
    m_workers.clear();
}

} // namespace haip::server
