// Opens a series of the index the way the study browser does (MainWindow::openSeries) and runs
// a step once its first image is on screen — at once when it already is. A series dropped on an
// AI service is analysed this way: the doctor sees what is sent before it is sent.
#pragma once

#include <QString>

#include <functional>

class QObject;

namespace haip::ui {

class MainWindow;

// `then` (may be empty: only open) runs once, with the series on screen, in the event loop of
// `context` (which bounds its life). It never runs if the series cannot be opened (false is returned) or if another
// series reaches the screen first (the user opened something else meanwhile).
bool openSeriesThen(MainWindow &window, const QString &seriesInstanceUid, QObject *context, std::function<void()> then);

} // namespace haip::ui
