// The workstation's main window: the study browser (left dock), the image viewer (centre),
// the Problems panel (bottom dock, non-modal), a status bar with load progress, problem count
// and the index location. Everything the user opens — menu, drag and drop, command line —
// goes through openPaths(): import on a worker thread, then the best series is shown at once.
#pragma once

#include "config/EffectiveConfig.h"
#include "dicom/Importer.h"
#include "dicom/Series.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QSettings;
class QStackedWidget;
class QToolButton;

namespace haip::dicom {
class ImageIndex;
}

namespace haip::ui {

class AppSettings;
class ProblemsPanel;
class ProgressStatus;
class StudyBrowser;
class StudyOpener;
enum class OpenKind;
struct ShellActions;
class ViewerWidget;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `indexDatabasePath`: the local index file (created if missing). `settings` outlives the
    // window; layout, theme and language are kept there.
    MainWindow(const QString &indexDatabasePath, QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Files, folders and DICOMDIRs, as from File ▸ Open, a drop or the command line.
    void openPaths(const QStringList &paths);
    // Opens a series / the best series of a study already in the index.
    void openSeries(const QString &seriesInstanceUid);
    void openStudy(const QString &studyInstanceUid);

    // True while files are imported or the shown series is still decoding.
    bool isBusy() const;
    // The series on screen has shown its first image (reset by each new series).
    bool hasImage() const { return m_imageShown; }

    // Test seam for the modal file dialogs: the next Open… action takes these paths instead
    // of asking (an empty list behaves like Cancel).
    void setNextFileDialogAnswer(const QStringList &paths) { m_nextDialogAnswer = paths; }

    StudyBrowser *browser() const { return m_browser; }
    ViewerWidget *viewer() const { return m_viewer; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    ProgressStatus *progressStatus() const { return m_progress; }
    QDockWidget *browserDock() const { return m_browserDock; }
    QDockWidget *problemsDock() const { return m_problemsDock; }
    QString indexPath() const { return m_indexPath; }
    // The local index on the GUI thread; null when it could not be opened (the Problems panel says why).
    dicom::ImageIndex *index() const { return m_index.get(); }
    const dicom::Series &currentSeries() const { return m_currentSeries; }

    void saveLayout();
    void reloadBrowser();

    // While the session is locked the images, the study list, the results and the menus are
    // hidden, not merely covered (the lock screen lies on top); unlocking brings back what was
    // shown.
    void setSessionLocked(bool locked);
    bool isSessionLocked() const { return m_locked; }
    // Puts away the series on screen (a clinician signed out: the next one starts clean).
    void closeSeries();
    // The signed-in clinician in the status bar (empty: nobody — the local viewer).
    // `until`: an emergency-access session (no card), marked as such until it ends.
    void setClinician(const QString &name, const QDateTime &emergencyUntil = {});
    // The configuration in force (policy over user settings over defaults), shown in Settings.
    void setEffectiveConfig(const config::EffectiveConfig &config) { m_config = config; }

    // View ▸ Anonymised Display (kept in the settings): the viewer, the study browser and the
    // title hide who the patient is; other panels that show a patient follow the signal.
    bool isAnonymisedDisplay() const;
    void setAnonymisedDisplay(bool on);

signals:
    // An open request finished importing (the series it chose may still be decoding).
    void importFinished(const haip::dicom::ImportSummary &summary);
    void firstImageShown();
    // Nothing runs any more: imports done and the shown series fully loaded (or failed).
    void idle();
    void anonymisedDisplayChanged(bool on);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createStatusBar();
    void restoreLayout();
    void openIndex();

    std::optional<QStringList> askPaths(OpenKind kind);
    void onImportStarted(const QStringList &paths);
    void onImportFinished(const dicom::ImportSummary &summary, const QList<dicom::Series> &series);
    void showSeries(const dicom::Series &series, int stack);
    void addProblem(const haip::Error &error);
    void updateProblemCount(int count);
    void updateTitle();
    void checkIdle();

    QString m_indexPath;
    std::unique_ptr<AppSettings> m_settings;
    config::EffectiveConfig m_config;
    std::unique_ptr<dicom::ImageIndex> m_index;
    StudyOpener *m_opener = nullptr;

    StudyBrowser *m_browser = nullptr;
    ViewerWidget *m_viewer = nullptr;
    QStackedWidget *m_centre = nullptr;
    QWidget *m_welcome = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QDockWidget *m_browserDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    ProgressStatus *m_progress = nullptr;
    QToolButton *m_problemCount = nullptr;
    QLabel *m_indexLabel = nullptr;
    QLabel *m_clinicianLabel = nullptr;
    QList<QPointer<QWidget>> m_shownBeforeLock;
    bool m_locked = false;

    std::unique_ptr<ShellActions> m_actions;

    dicom::Series m_currentSeries;
    bool m_viewerLoading = false;
    bool m_imageShown = false;
    int m_problemsAtImportStart = 0;
    std::optional<QStringList> m_nextDialogAnswer;
};

} // namespace haip::ui
