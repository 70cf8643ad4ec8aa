#include "MainWindow.h"

#include "browser/DisplayText.h"
#include "browser/IndexSnapshot.h"
#include "browser/InitialSeries.h"
#include "browser/StudyBrowser.h"
#include "browser/StudyOpener.h"
#include "common/AboutDialog.h"
#include "common/AnonymisedBadge.h"
#include "common/AppSettings.h"
#include "common/OpenDialogs.h"
#include "common/ProblemsPanel.h"
#include "common/ProgressStatus.h"
#include "common/SettingsDialog.h"
#include "common/ShellActions.h"
#include "common/WelcomePage.h"
#include "dicom/ImageIndex.h"
#include "dicom/SeriesAssembler.h"
#include "theme/ThemedIcon.h"
#include "viewer/ImageView.h"
#include "viewer/ViewerWidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace haip::ui {

MainWindow::MainWindow(const QString &indexDatabasePath, QSettings &settings, QWidget *parent)
    : QMainWindow(parent), m_indexPath(indexDatabasePath), m_settings(std::make_unique<AppSettings>(settings))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app/haip.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_opener = new StudyOpener(m_indexPath, this);
    connect(m_opener, &StudyOpener::started, this, &MainWindow::onImportStarted);
    connect(m_opener, &StudyOpener::progress, this, [this](int done, int total) {
        m_progress->setText(tr("Reading files…"));
        m_progress->setProgress(done, total);
    });
    connect(m_opener, &StudyOpener::problem, this, &MainWindow::addProblem);
    connect(m_opener, &StudyOpener::finished, this, &MainWindow::onImportFinished);

    m_viewer = new ViewerWidget(this);
    m_viewer->setObjectName(QStringLiteral("viewer"));
    connect(m_viewer, &ViewerWidget::loadProgress, this, [this](int done, int total) {
        if (m_opener->isRunning())
            return; // the import's progress has the bar
        m_progress->setText(tr("Loading images…"));
        m_progress->setProgress(done, total);
    });
    connect(m_viewer, &ViewerWidget::sliceFailed, this, &MainWindow::addProblem);
    connect(m_viewer, &ViewerWidget::firstImageShown, this, [this] {
        m_imageShown = true;
        emit firstImageShown();
        checkIdle();
    });
    connect(m_viewer, &ViewerWidget::loadFinished, this, [this](int loaded, int failed, bool cancelled) {
        m_viewerLoading = false;
        if (!m_opener->isRunning()) {
            m_progress->finish(cancelled ? tr("Loading cancelled: %1 of %2 images.").arg(loaded).arg(loaded + failed)
                                   : failed > 0
                                   ? tr("%1 images loaded, %2 failed (see Problems).").arg(loaded).arg(failed)
                                   : tr("%1 images loaded.").arg(loaded));
        }
        checkIdle();
    });

    m_welcome = new WelcomePage(this);
    m_centre = new QStackedWidget(this);
    m_centre->addWidget(m_welcome);
    m_centre->addWidget(m_viewer);
    setCentralWidget(m_centre);

    createDocks();
    createActions();
    createMenus();
    createStatusBar();
    openIndex();
    reloadBrowser();
    restoreLayout();
    setAnonymisedDisplay(m_settings->anonymisedDisplay());
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::setSessionLocked(bool locked)
{
    if (locked == m_locked)
        return;
    m_locked = locked;
    if (!locked) {
        for (const QPointer<QWidget> &w : std::as_const(m_shownBeforeLock)) {
            if (w)
                w->show();
        }
        m_shownBeforeLock.clear();
        return;
    }
    QList<QWidget *> parts {menuBar(), statusBar(), centralWidget()};
    for (QToolBar *bar : findChildren<QToolBar *>(Qt::FindDirectChildrenOnly))
        parts.append(bar);
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        parts.append(dock);
    for (QWidget *w : parts) {
        if (w != nullptr && !w->isHidden()) {
            m_shownBeforeLock.append(w);
            w->hide();
        }
    }
}

void MainWindow::closeSeries()
{
    m_viewer->clear();
    m_currentSeries = {};
    m_imageShown = false;
    m_centre->setCurrentWidget(m_welcome);
    updateTitle();
}

void MainWindow::setClinician(const QString &name, const QDateTime &emergencyUntil)
{
    const bool emergency = emergencyUntil.isValid();
    m_clinicianLabel->setProperty("emergency", emergency);
    m_clinicianLabel->style()->unpolish(m_clinicianLabel);
    m_clinicianLabel->style()->polish(m_clinicianLabel);
    if (emergency)
        m_clinicianLabel->setText(
            tr("EMERGENCY ACCESS: %1 (until %2)")
                .arg(name, QLocale().toString(emergencyUntil.toLocalTime().time(), QLocale::ShortFormat)));
    else
        m_clinicianLabel->setText(name.isEmpty() ? QString() : tr("Signed in: %1").arg(name));
    m_clinicianLabel->setVisible(!name.isEmpty());
}

void MainWindow::createDocks()
{
    m_browser = new StudyBrowser(this);
    connect(m_browser, &StudyBrowser::seriesActivated, this, &MainWindow::openSeries);
    connect(m_browser, &StudyBrowser::studyActivated, this, &MainWindow::openStudy);
    m_browserDock = new QDockWidget(tr("Studies"), this);
    m_browserDock->setObjectName(QStringLiteral("browserDock"));
    m_browserDock->setWidget(m_browser);
    m_browserDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_browserDock);

    m_problems = new ProblemsPanel(this);
    connect(m_problems, &ProblemsPanel::countChanged, this, &MainWindow::updateProblemCount);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide(); // appears when something fails
}

void MainWindow::createActions()
{
    m_actions = std::make_unique<ShellActions>(this);
    const auto openWith = [this](OpenKind kind) {
        return [this, kind] {
            if (const auto paths = askPaths(kind))
                openPaths(*paths);
        };
    };
    connect(m_actions->openFiles, &QAction::triggered, this, openWith(OpenKind::Files));
    connect(m_actions->openFolder, &QAction::triggered, this, openWith(OpenKind::Folder));
    connect(m_actions->openDicomDir, &QAction::triggered, this, openWith(OpenKind::DicomDir));
    connect(m_actions->settings, &QAction::triggered, this, [this] {
        auto *dialog = new SettingsDialog(*m_settings, m_config, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_actions->quit, &QAction::triggered, this, &MainWindow::close);
    connect(m_actions->fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });
    connect(m_actions->find, &QAction::triggered, this, [this] {
        m_browserDock->show();
        m_browserDock->raise();
        m_browser->focusSearch();
    });
    connect(m_actions->anonymisedDisplay, &QAction::toggled, this, &MainWindow::setAnonymisedDisplay);
    connect(m_actions->about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions->openFiles);
    file->addAction(m_actions->openFolder);
    file->addAction(m_actions->openDicomDir);
    file->addSeparator();
    file->addAction(m_actions->settings);
    file->addSeparator();
    file->addAction(m_actions->quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *browserToggle = m_browserDock->toggleViewAction();
    browserToggle->setIcon(themedIcon(QStringLiteral("browser")));
    browserToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    browserToggle->setText(tr("Study &Browser"));
    QAction *problemsToggle = m_problemsDock->toggleViewAction();
    problemsToggle->setIcon(themedIcon(QStringLiteral("problems")));
    problemsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    problemsToggle->setText(tr("&Problems"));
    view->addAction(browserToggle);
    view->addAction(problemsToggle);
    view->addAction(m_actions->find);
    view->addAction(m_actions->fullScreen);
    view->addAction(m_actions->anonymisedDisplay);
    view->addSeparator();

    QToolBar *toolbar = addToolBar(tr("Main Toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setIconSize(QSize(22, 22));
    toolbar->addAction(m_actions->openFiles);
    toolbar->addAction(m_actions->openFolder);
    toolbar->addAction(m_actions->openDicomDir);
    toolbar->addSeparator();
    toolbar->addAction(browserToggle);
    toolbar->addSeparator();
    // The viewer's tools, presets and image actions (separators included) in both places.
    const QList<QAction *> viewerActions = m_viewer->viewerActions();
    for (QAction *action : viewerActions) {
        toolbar->addAction(action);
        view->addAction(action);
    }
    toolbar->addSeparator();
    toolbar->addAction(m_actions->anonymisedDisplay);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_actions->about);
}

void MainWindow::createStatusBar()
{
    m_progress = new ProgressStatus(this);
    connect(m_progress, &ProgressStatus::cancelRequested, this, [this] {
        // One Cancel for whatever the bar shows: reading files, or decoding the series after it.
        m_opener->cancel();
        if (m_viewer->isLoading())
            m_viewer->cancelLoading();
        m_progress->setText(tr("Cancelling…"));
    });
    statusBar()->addWidget(m_progress, 1);
    m_clinicianLabel = new QLabel(this);
    m_clinicianLabel->setObjectName(QStringLiteral("clinicianLabel"));
    m_clinicianLabel->hide();
    statusBar()->addPermanentWidget(m_clinicianLabel);

    m_problemCount = new QToolButton(this);
    m_problemCount->setObjectName(QStringLiteral("problemCount"));
    m_problemCount->setAutoRaise(true);
    m_problemCount->setIcon(themedIcon(QStringLiteral("problems")));
    m_problemCount->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemCount->setToolTip(tr("Show the Problems panel"));
    connect(m_problemCount, &QToolButton::clicked, this, [this] {
        m_problemsDock->show();
        m_problemsDock->raise();
    });
    statusBar()->addPermanentWidget(m_problemCount);

    m_indexLabel = new QLabel(this);
    m_indexLabel->setObjectName(QStringLiteral("indexLocation"));
    // Long paths are elided in the middle (both ends identify a folder); the tooltip has it all.
    const QString folder = QDir::toNativeSeparators(QFileInfo(m_indexPath).absolutePath());
    m_indexLabel->setText(tr("Index: %1").arg(m_indexLabel->fontMetrics().elidedText(folder, Qt::ElideMiddle, 280)));
    m_indexLabel->setToolTip(QDir::toNativeSeparators(m_indexPath));
    statusBar()->addPermanentWidget(m_indexLabel);

    auto *research = new QLabel(tr("Research use only"), this);
    research->setObjectName(QStringLiteral("regulatoryNotice"));
    research->setToolTip(tr("Not approved as a medical device; not for primary diagnosis."));
    statusBar()->addPermanentWidget(research);
    updateProblemCount(0);
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(std::max(1024, available.width() * 85 / 100), std::max(700, available.height() * 85 / 100));
    }
    const QByteArray state = m_settings->windowState();
    if (state.isEmpty() || !restoreState(state))
        resizeDocks({m_browserDock}, {480}, Qt::Horizontal);
    // An empty Problems panel only takes room from the image; it comes back when something fails.
    if (m_problems->count() == 0)
        m_problemsDock->hide();
}

void MainWindow::saveLayout()
{
    m_settings->setWindowLayout(saveGeometry(), saveState());
    m_settings->sync();
}

void MainWindow::openIndex()
{
    if (!QDir().mkpath(QFileInfo(m_indexPath).absolutePath())) {
        addProblem(Error(ErrorCode::WriteFailed, tr("cannot create the index folder"), m_indexPath));
        return;
    }
    auto index = dicom::ImageIndex::open(m_indexPath);
    if (!index) {
        addProblem(index.error());
        return;
    }
    m_index = std::move(*index);
}

void MainWindow::reloadBrowser()
{
    if (!m_index)
        return;
    auto contents = readBrowserContents(*m_index);
    if (!contents) {
        addProblem(contents.error());
        return;
    }
    m_browser->model()->setContents(*contents);
    if (auto recent = m_index->recentStudies(10))
        m_browser->setRecentStudies(*recent);
    else
        addProblem(recent.error());
}

std::optional<QStringList> MainWindow::askPaths(OpenKind kind)
{
    if (m_nextDialogAnswer) {
        const QStringList answer = *std::exchange(m_nextDialogAnswer, std::nullopt);
        return answer.isEmpty() ? std::nullopt : std::optional<QStringList>(answer);
    }
    return askOpenPaths(this, kind, *m_settings);
}

void MainWindow::openPaths(const QStringList &paths)
{
    if (!paths.isEmpty())
        m_opener->open(paths);
}

void MainWindow::onImportStarted(const QStringList &paths)
{
    m_problemsAtImportStart = m_problems->count();
    const QString what = paths.size() == 1 ? QDir::toNativeSeparators(paths.first()) : tr("%1 items").arg(paths.size());
    m_progress->start(tr("Opening %1…").arg(what));
}

void MainWindow::onImportFinished(const dicom::ImportSummary &summary, const QList<dicom::Series> &series)
{
    reloadBrowser();
    const int newProblems = std::max(0, m_problems->count() - m_problemsAtImportStart);
    QString text = summary.cancelled ? tr("Opening cancelled: %1 images read.").arg(summary.instances)
                                     : tr("%1 images in %2 series read.").arg(summary.instances).arg(series.size());
    if (newProblems > 0) {
        text += QLatin1Char(' ') + tr("%1 file(s) could not be read (see Problems).").arg(newProblems);
        // Once per open, never a dialog per file. Non-DICOM neighbours (README, viewer
        // programs on a CD, JSON) are listed but only raise the panel when nothing opened.
        const QList<Error> &all = m_problems->problems();
        const qsizetype first = std::min<qsizetype>(m_problemsAtImportStart, all.size()); // Clear may have run
        const bool serious = std::any_of(
            all.cbegin() + first, all.cend(), [](const Error &e) { return e.code() != ErrorCode::NotDicom; });
        if (serious || summary.instances == 0)
            m_problemsDock->show();
    }
    m_progress->finish(text);
    emit importFinished(summary);

    const SeriesChoice choice = chooseInitialSeries(series);
    if (choice.isValid()) {
        showSeries(series[choice.series], choice.stack);
        m_browser->selectSeries(series[choice.series].seriesInstanceUid);
    } else if (!summary.studyInstanceUids.isEmpty()) {
        m_browser->selectStudy(summary.studyInstanceUids.first());
    }
    checkIdle();
}

void MainWindow::openSeries(const QString &seriesInstanceUid)
{
    if (!m_index)
        return;
    auto instances = m_index->instances(seriesInstanceUid);
    if (!instances) {
        addProblem(instances.error());
        return;
    }
    const QList<dicom::Series> assembled = dicom::SeriesAssembler::assemble(*instances);
    if (assembled.isEmpty())
        return;
    showSeries(assembled.first(), largestStack(assembled.first()));
}

void MainWindow::openStudy(const QString &studyInstanceUid)
{
    if (!m_index)
        return;
    auto seriesList = m_index->series(studyInstanceUid);
    if (!seriesList) {
        addProblem(seriesList.error());
        return;
    }
    QList<dicom::InstanceInfo> instances;
    for (const dicom::SeriesRecord &record : *seriesList) {
        auto some = m_index->instances(record.seriesInstanceUid);
        if (!some) {
            addProblem(some.error());
            continue;
        }
        instances.append(*some);
    }
    const QList<dicom::Series> assembled = dicom::SeriesAssembler::assemble(instances);
    const SeriesChoice choice = chooseInitialSeries(assembled);
    if (choice.isValid()) {
        showSeries(assembled[choice.series], choice.stack);
        m_browser->selectSeries(assembled[choice.series].seriesInstanceUid);
    }
}

void MainWindow::showSeries(const dicom::Series &series, int stack)
{
    m_currentSeries = series;
    m_imageShown = false;
    m_viewerLoading = true;
    m_centre->setCurrentWidget(m_viewer);
    m_viewer->showSeries(series, stack);
    if (m_index) {
        if (auto marked = m_index->markOpened(series.studyInstanceUid, QDateTime::currentDateTime()); !marked)
            addProblem(marked.error());
        else if (auto recent = m_index->recentStudies(10))
            m_browser->setRecentStudies(*recent);
    }
    updateTitle();
}

void MainWindow::addProblem(const haip::Error &error)
{
    m_problems->addProblem(error);
}

void MainWindow::updateProblemCount(int count)
{
    m_problemCount->setText(tr("%1 problem(s)").arg(count));
    m_problemCount->setVisible(count > 0);
}

bool MainWindow::isAnonymisedDisplay() const
{
    return m_actions->anonymisedDisplay->isChecked();
}

void MainWindow::setAnonymisedDisplay(bool on)
{
    // A change made here re-enters once through the action's toggled(); the check below ends it.
    m_actions->anonymisedDisplay->setChecked(on);
    if (m_browser->isAnonymised() == on && m_viewer->imageView()->isAnonymised() == on)
        return;
    m_browser->setAnonymised(on);
    m_viewer->imageView()->setAnonymised(on);
    m_settings->setAnonymisedDisplay(on);
    updateTitle();
    emit anonymisedDisplayChanged(on);
}

void MainWindow::updateTitle()
{
    const QString product = tr("HAIP Clinician Workstation");
    // Anonymised: the title (seen in task bars, window lists and screen shares) says so instead
    // of naming the patient.
    const bool anonymised = isAnonymisedDisplay();
    if (m_currentSeries.instances.isEmpty()) {
        setWindowTitle(anonymised ? QStringLiteral("%1 — %2").arg(AnonymisedBadge::text(), product) : product);
        return;
    }
    const dicom::InstanceInfo &first = m_currentSeries.instances.first();
    QStringList parts;
    parts << (anonymised ? AnonymisedBadge::text() : display::personName(first.patientName));
    if (!first.studyDescription.isEmpty())
        parts << first.studyDescription;
    parts << product;
    parts.removeAll(QString());
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

bool MainWindow::isBusy() const
{
    return m_opener->isRunning() || m_viewerLoading;
}

void MainWindow::checkIdle()
{
    if (!isBusy())
        emit idle();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    openPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_opener->cancel();
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace haip::ui
