// ResultListing: the AI results kept with their studies in the local index (dicom::ImageIndex,
// table ai_result) — a completed job is listed, a removed job unlisted, jobs completed before the
// index knew them are listed at start-up, and the study browser is reloaded so its studies carry
// the AI mark. When a series reaches the screen, the newest result listed for it is shown again.
#pragma once

#include <QObject>
#include <QString>

namespace haip::workflow {
class JobQueue;
struct AnalysisJob;
} // namespace haip::workflow

namespace haip::ui {

class MainWindow;
class ResultPresenter;

class ResultListing : public QObject
{
    Q_OBJECT
public:
    // Lists the queue's completed jobs (one browser reload) and follows removals from then on.
    ResultListing(MainWindow &window,
                  workflow::JobQueue &queue,
                  ResultPresenter &presenter,
                  QString language,
                  QObject *parent = nullptr);

    // A job just completed: listed with its study.
    void list(const workflow::AnalysisJob &job);
    // The series on screen: its newest listed result, shown (nothing when it has none).
    void showNewestForCurrentSeries();

private:
    bool add(const workflow::AnalysisJob &job);
    void unlist(const QString &jobId);

    MainWindow &m_window;
    workflow::JobQueue &m_queue;
    ResultPresenter &m_presenter;
    QString m_language; // the service names the rows keep
};

} // namespace haip::ui
