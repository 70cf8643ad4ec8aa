#include "MainWindow.h"

namespace haip::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("HAIP Clinician Workstation"));
    resize(1280, 800);
}

} // namespace haip::ui
