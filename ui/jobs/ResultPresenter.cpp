#include "jobs/ResultPresenter.h"

#include "MainWindow.h"
#include "common/ProblemsPanel.h"
#include "dicom/DicomFile.h"
#include "dicom/PresentationStateReader.h"
#include "dicom/SegmentPlacement.h"
#include "dicom/SegmentationReader.h"
#include "dicom/StructuredReportReader.h"
#include "results/FindingsPanel.h"
#include "results/SegmentPanel.h"
#include "viewer/ImageView.h"
#include "viewer/PresentationStateActions.h"
#include "viewer/ViewerWidget.h"
#include "web/SafeWebView.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace haip::ui {

namespace {

constexpr const char *kSegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";
constexpr const char *kGrayscalePresentationState = "1.2.840.10008.5.1.4.1.1.11.1";
// SR classes that can hold a TID 1500 measurement report (PS3.4 B.5).
constexpr const char *kReportStorage[] = {"1.2.840.10008.5.1.4.1.1.88.22", // Enhanced SR
                                          "1.2.840.10008.5.1.4.1.1.88.33", // Comprehensive SR
                                          "1.2.840.10008.5.1.4.1.1.88.34"}; // Comprehensive 3D SR

// The first result file of one of the given SOP classes, or empty.
QString resultOfClass(const workflow::AnalysisJob &job, std::initializer_list<const char *> sopClasses)
{
    for (const QString &name : job.resultFiles) {
        if (!name.endsWith(QLatin1String(".dcm")))
            continue;
        const QString path = QDir(job.resultDir).filePath(name);
        Result<dicom::DicomFile> file = dicom::DicomFile::open(path, dicom::DicomFile::Content::HeaderOnly);
        if (!file)
            continue;
        for (const char *sopClass : sopClasses) {
            if (file->info().sopClassUid == QLatin1String(sopClass))
                return path;
        }
    }
    return {};
}

} // namespace

ResultPresenter::ResultPresenter(MainWindow &window) : QObject(&window), m_window(window)
{
    m_segments = new SegmentPanel;
    m_findings = new FindingsPanel;
    connect(m_findings, &FindingsPanel::findingActivated, this, &ResultPresenter::showFinding);
    // The presentation state's switches (GSPS boxes and labels; keep my window/level).
    m_presentation = new PresentationStateActions(window.viewer()->imageView(), this);
    auto *switches = new QWidget;
    auto *row = new QHBoxLayout(switches);
    row->setContentsMargins(4, 2, 4, 0);
    for (QAction *action : {m_presentation->showGraphicsAction(), m_presentation->graphicsOnlyAction()}) {
        auto *button = new QToolButton(switches);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(button);
    }
    row->addStretch(1);
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(switches);
    topLayout->addWidget(m_findings, 1);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(m_segments);
    m_segmentsDock = new QDockWidget(tr("AI result"), &window);
    m_segmentsDock->setObjectName(QStringLiteral("resultDock"));
    m_segmentsDock->setWidget(split);
    window.addDockWidget(Qt::RightDockWidgetArea, m_segmentsDock);
    m_segmentsDock->hide();

    auto *reportPage = new QWidget;
    m_report = new SafeWebView(reportPage);
    m_exportPdf = new QPushButton(tr("Export as PDF…"), reportPage);
    connect(m_exportPdf, &QPushButton::clicked, this, &ResultPresenter::exportReport);
    auto *layout = new QVBoxLayout(reportPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_report);
    layout->addWidget(m_exportPdf, 0, Qt::AlignRight);
    m_reportDock = new QDockWidget(tr("AI report"), &window);
    m_reportDock->setObjectName(QStringLiteral("reportDock"));
    m_reportDock->setWidget(reportPage);
    window.addDockWidget(Qt::RightDockWidgetArea, m_reportDock);
    window.tabifyDockWidget(m_segmentsDock, m_reportDock);
    m_reportDock->hide();
    connect(m_report, &SafeWebView::pdfExported, this, [this](const QString &path, bool ok) {
        if (!ok)
            m_window.problemsPanel()->addProblem(
                Error(ErrorCode::WriteFailed, tr("The report could not be exported."), path));
        else
            emit reportExported(m_reportStudy, path);
    });
}

void ResultPresenter::show(const workflow::AnalysisJob &job)
{
    if (job.stage != workflow::JobStage::Completed)
        return;
    if (m_window.currentSeries().seriesInstanceUid == job.seriesInstanceUid && m_window.hasImage()) {
        showOnCurrentSeries(job);
        return;
    }
    // The job's series first; the result follows its first image.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(&m_window, &MainWindow::firstImageShown, this, [this, job, connection] {
        disconnect(*connection);
        showOnCurrentSeries(job);
    });
    m_window.openSeries(job.seriesInstanceUid);
}

void ResultPresenter::showOnCurrentSeries(const workflow::AnalysisJob &job)
{
    m_segments->setView(m_window.viewer()->imageView());
    const Result<void> placed = placeSegmentation(job);
    m_lastError = placed ? Error() : placed.error();
    if (!placed) {
        m_segments->setRefusal(placed.error());
        m_window.problemsPanel()->addProblem(placed.error());
    }
    showFindings(job);
    if (Result<void> drawn = showPresentationState(job); !drawn)
        m_window.problemsPanel()->addProblem(drawn.error());
    showReport(job);
    m_segmentsDock->show();
    m_reportDock->show();
    m_segmentsDock->raise();
    // Wide enough for the findings' names, sites and sizes side by side.
    constexpr int kResultWidth = 460;
    if (m_segmentsDock->width() < kResultWidth)
        m_window.resizeDocks({m_segmentsDock}, {kResultWidth}, Qt::Horizontal);
    emit shown(bool(placed));
}

Result<void> ResultPresenter::placeSegmentation(const workflow::AnalysisJob &job)
{
    m_placed.reset();
    m_window.viewer()->imageView()->setSegmentation(nullptr);
    const QString path = resultOfClass(job, {kSegmentationStorage});
    if (path.isEmpty())
        return {}; // nothing to outline (the SR says "no abnormality detected")
    Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromFile(path);
    if (!seg)
        return seg.error();
    auto shared = std::make_shared<const dicom::Segmentation>(std::move(*seg));
    Result<dicom::PlacedSegmentation> placed = dicom::SegmentPlacement::place(m_window.currentSeries(), shared);
    if (!placed)
        return placed.error();
    m_placed = std::make_shared<const dicom::PlacedSegmentation>(std::move(*placed));
    m_window.viewer()->imageView()->setSegmentation(m_placed);
    return {};
}

Result<void> ResultPresenter::showPresentationState(const workflow::AnalysisJob &job)
{
    ImageView *view = m_window.viewer()->imageView();
    view->setPresentationState(nullptr);
    const QString path = resultOfClass(job, {kGrayscalePresentationState});
    if (path.isEmpty())
        return {};
    Result<dicom::PresentationState> state = dicom::PresentationStateReader::fromFile(path);
    if (!state)
        return state.error();
    view->setPresentationState(std::make_shared<const dicom::PresentationState>(std::move(*state)),
                               m_presentation->graphicsOnlyAction()->isChecked());
    return {};
}

void ResultPresenter::showFindings(const workflow::AnalysisJob &job)
{
    const QString path = resultOfClass(job, {kReportStorage[0], kReportStorage[1], kReportStorage[2]});
    if (path.isEmpty()) {
        m_findings->clear();
        return;
    }
    Result<dicom::StructuredReport> report = dicom::StructuredReportReader::fromFile(path);
    if (!report) {
        m_findings->setError(report.error());
        m_window.problemsPanel()->addProblem(report.error());
        return;
    }
    m_findings->setReport(*report);
}

void ResultPresenter::showFinding(int index)
{
    const QList<dicom::ReportFinding> &findings = m_findings->report().findings;
    if (index < 0 || index >= findings.size() || !m_placed)
        return;
    const dicom::ReportFinding &finding = findings.at(index);
    // Only a segment of the SEG on screen: a finding of another object has no place here.
    if (finding.segmentNumber <= 0 ||
        (!finding.segmentationInstanceUid.isEmpty() &&
         finding.segmentationInstanceUid != m_placed->segmentation->sopInstanceUid))
        return;
    if (const std::optional<dicom::SegmentRegion> region = m_placed->regionOf(finding.segmentNumber))
        m_window.viewer()->imageView()->showRegion(region->slice, QRectF(region->imageRect));
}

void ResultPresenter::showReport(const workflow::AnalysisJob &job)
{
    for (const QString &name : job.resultFiles) {
        if (!name.endsWith(QLatin1String(".html")))
            continue;
        QFile file(QDir(job.resultDir).filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            m_window.problemsPanel()->addProblem(Error(ErrorCode::FileUnreadable, file.errorString(), file.fileName()));
            return;
        }
        m_report->showDocument(file.readAll());
        m_reportName = job.serviceId;
        m_reportStudy = job.pseudonymousStudyUid;
        return;
    }
    m_report->clearDocument();
}

void ResultPresenter::exportReport()
{
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Export report as PDF"), m_reportName + QStringLiteral(".pdf"), tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportReportTo(path);
}

void ResultPresenter::exportReportTo(const QString &path)
{
    m_report->exportPdf(path);
}

} // namespace haip::ui
