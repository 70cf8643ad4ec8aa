// What the centre of the window shows before any image: the product, and how to open a study
// (menu, drag and drop, the browser) — never an empty black area.
#pragma once

#include <QWidget>

namespace haip::ui {

class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
};

} // namespace haip::ui
