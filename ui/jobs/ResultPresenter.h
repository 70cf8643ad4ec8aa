// ResultPresenter: a finished job's result where radiologists look — the SEG placed on the
// series it was made for (dicom::SegmentPlacement: a SEG that does not fit is refused with its
// reason, never drawn) with its per-segment panel, and the HTML report in the locked-down web
// view with PDF export. When another series is on screen, the job's series is opened first.
#pragma once

#include "common/Result.h"
#include "dicom/SegmentPlacement.h"
#include "workflow/AnalysisJob.h"

#include <QObject>

#include <memory>

class QDockWidget;
class QPushButton;

namespace haip::ui {

class FindingsPanel;
class MainWindow;
class PresentationStateActions;
class SafeWebView;
class SegmentPanel;

class ResultPresenter : public QObject
{
    Q_OBJECT
public:
    explicit ResultPresenter(MainWindow &window);

    // Shows the result (after opening the job's series if needed). Errors reach the Problems
    // panel and the segment panel (refusals) too.
    void show(const workflow::AnalysisJob &job);
    // Writes the report on screen to `path` as PDF (asynchronously; reportExported on success).
    void exportReportTo(const QString &path);

    SegmentPanel *segmentPanel() const { return m_segments; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    PresentationStateActions *presentationActions() const { return m_presentation; }
    SafeWebView *reportView() const { return m_report; }
    QDockWidget *resultsDock() const { return m_segmentsDock; }
    QDockWidget *reportDock() const { return m_reportDock; }
    // The last result shown: nothing, its SEG placed, or the reason it was refused.
    const Error &lastError() const { return m_lastError; }

signals:
    void shown(bool segmentationPlaced);
    // The report of the job on `pseudonymousStudyUid` was written to `path`.
    void reportExported(const QString &pseudonymousStudyUid, const QString &path);

private:
    void showOnCurrentSeries(const workflow::AnalysisJob &job);
    Result<void> placeSegmentation(const workflow::AnalysisJob &job);
    void showFindings(const workflow::AnalysisJob &job);
    Result<void> showPresentationState(const workflow::AnalysisJob &job);
    void showFinding(int index);
    void showReport(const workflow::AnalysisJob &job);
    void exportReport();

    MainWindow &m_window;
    SegmentPanel *m_segments = nullptr;
    FindingsPanel *m_findings = nullptr;
    PresentationStateActions *m_presentation = nullptr;
    std::shared_ptr<const dicom::PlacedSegmentation> m_placed; // the SEG on screen, if any
    SafeWebView *m_report = nullptr;
    QPushButton *m_exportPdf = nullptr;
    QDockWidget *m_segmentsDock = nullptr;
    QDockWidget *m_reportDock = nullptr;
    Error m_lastError;
    QString m_reportName; // for the PDF's default file name
    QString m_reportStudy; // the shown report's pseudonymous study, for the audit trail
};

} // namespace haip::ui
