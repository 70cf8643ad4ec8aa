// haip-workstation: the clinicians' GUI. Wiring only; everything it shows lives in ui/ and core/.
#include "MainWindow.h"
#include "common/Library.h"
#include "common/Translations.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("haip-workstation"));
    QApplication::setOrganizationName(QStringLiteral("HAIP"));
    QApplication::setApplicationVersion(QStringLiteral(HAIP_VERSION));
    haip::LibraryScope library;
    haip::installTranslators(app);

    haip::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
