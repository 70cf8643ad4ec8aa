// JobsPanel: the analysis jobs in a dock — one row per job with a real progress bar, its status
// and time left — and Cancel, Retry, Remove and Show result for the selected job. A finished
// job is announced once (resultReady / jobFailed) so the window can notify the desktop.
#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace haip::workflow {
class JobQueue;
}

namespace haip::ui {

class JobsModel;

class JobsPanel : public QWidget
{
    Q_OBJECT
public:
    JobsPanel(workflow::JobQueue &queue, const QString &language, QWidget *parent = nullptr);

    JobsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString selectedJob() const;
    void selectJob(const QString &id);

    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *showButton() const { return m_show; }

signals:
    void showResultRequested(const QString &jobId);
    void resultReady(const QString &jobId);
    void jobFailed(const QString &jobId);

private:
    void updateButtons();
    void removeSelected();

    workflow::JobQueue &m_queue;
    JobsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_show = nullptr;
};

} // namespace haip::ui
