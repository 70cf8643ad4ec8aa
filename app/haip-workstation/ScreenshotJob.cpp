#include "ScreenshotJob.h"

#include "MainWindow.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>

#include <cstdio>

namespace haip::app {

ScreenshotJob::ScreenshotJob(ui::MainWindow &window, QString path, int timeoutSeconds, bool expectImage)
    : QObject(&window), m_window(window), m_path(std::move(path)), m_expectImage(expectImage)
{
    connect(&m_window, &ui::MainWindow::idle, this, &ScreenshotJob::onIdle);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutSeconds * 1000);
    connect(&m_timeout, &QTimer::timeout, this, &ScreenshotJob::onTimeout);
    m_timeout.start();
    if (!m_expectImage) // nothing to open: the start screen is the picture
        QTimer::singleShot(200, this, [this] { finish(0, {}); });
}

void ScreenshotJob::onIdle()
{
    if (m_finished)
        return;
    if (m_window.hasImage()) {
        // Let queued repaints (annotations, the last W/L) land before the grab.
        QTimer::singleShot(100, this, [this] { finish(0, {}); });
        return;
    }
    if (m_window.currentSeries().instances.isEmpty())
        finish(1, tr("nothing that could be shown was opened (see the Problems panel in the screenshot)"));
    // else: the series is loaded but its first image not yet announced; wait for the next idle.
}

void ScreenshotJob::onTimeout()
{
    finish(1, tr("no image was shown within %1 s").arg(m_timeout.interval() / 1000));
}

void ScreenshotJob::finish(int exitCode, const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    const QPixmap picture = m_window.grab();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (!picture.save(m_path, "PNG")) {
        std::fprintf(stderr, "haip-workstation: cannot write the screenshot %s\n", qUtf8Printable(m_path));
        emit done(1);
        return;
    }
    if (exitCode != 0)
        std::fprintf(
            stderr, "haip-workstation: screenshot %s taken, but %s\n", qUtf8Printable(m_path), qUtf8Printable(reason));
    else
        std::fprintf(stderr, "haip-workstation: screenshot saved to %s\n", qUtf8Printable(m_path));
    emit done(exitCode);
}

} // namespace haip::app
