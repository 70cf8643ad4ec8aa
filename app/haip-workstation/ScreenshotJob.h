// --screenshot: waits until the main window is idle with its first image on screen, saves the
// window as PNG and quits with 0 — or, after the timeout or when nothing could be shown,
// saves what is there, says why on stderr and quits with 1. Used by scripts/demo.sh under
// Xvfb and by the end-to-end test under the offscreen platform.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace haip::ui {
class MainWindow;
}

namespace haip::app {

class ScreenshotJob : public QObject
{
    Q_OBJECT
public:
    // `expectImage`: paths were given, so success means an image is shown.
    ScreenshotJob(ui::MainWindow &window, QString path, int timeoutSeconds, bool expectImage);

signals:
    void done(int exitCode);

private:
    void onIdle();
    void onTimeout();
    void finish(int exitCode, const QString &reason);

    ui::MainWindow &m_window;
    QString m_path;
    bool m_expectImage;
    bool m_finished = false;
    QTimer m_timeout;
};

} // namespace haip::app
