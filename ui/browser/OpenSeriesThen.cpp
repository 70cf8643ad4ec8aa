#include "browser/OpenSeriesThen.h"

#include "MainWindow.h"

#include <QObject>

#include <memory>

namespace haip::ui {

bool openSeriesThen(MainWindow &window, const QString &seriesInstanceUid, QObject *context, std::function<void()> then)
{
    if (seriesInstanceUid.isEmpty())
        return false;
    const auto isShown = [&window, seriesInstanceUid] {
        return window.currentSeries().seriesInstanceUid == seriesInstanceUid;
    };
    if (isShown() && window.hasImage()) {
        if (then)
            then();
        return true;
    }
    // Connected before opening: the first image may be shown before openSeries() returns.
    // One shot: the next first image decides, whichever series it belongs to.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        QObject::connect(&window, &MainWindow::firstImageShown, context, [connection, isShown, then = std::move(then)] {
            QObject::disconnect(*connection);
            if (then && isShown())
                then();
        });
    if (!isShown())
        window.openSeries(seriesInstanceUid);
    if (!isShown()) { // not in the index (or no images): MainWindow reported why, if anything failed
        QObject::disconnect(*connection);
        return false;
    }
    return true;
}

} // namespace haip::ui
