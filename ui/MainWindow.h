// The workstation's main window: study browser, image viewer and (later) AI panels.
#pragma once

#include <QMainWindow>

namespace haip::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace haip::ui
