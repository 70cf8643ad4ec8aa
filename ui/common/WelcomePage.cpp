#include "common/WelcomePage.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace haip::ui {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/app/haip.svg")).pixmap(QSize(96, 96), devicePixelRatio()));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("HAIP Clinician Workstation"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *hint = new QLabel(tr("Open DICOM files, a folder or a CD (DICOMDIR) from the File menu,\n"
                               "drop them onto this window, or double-click a series in the study browser."),
                            this);
    hint->setObjectName(QStringLiteral("emptyHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(12);
    layout->addWidget(title);
    layout->addSpacing(6);
    layout->addWidget(hint);
    layout->addStretch(3);
}

} // namespace haip::ui
