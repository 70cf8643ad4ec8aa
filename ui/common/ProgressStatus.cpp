#include "common/ProgressStatus.h"

#include "theme/ThemedIcon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace haip::ui {

ProgressStatus::ProgressStatus(QWidget *parent) : QWidget(parent)
{
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("loadStatusText"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("loadProgress"));
    m_bar->setFixedWidth(180);
    m_bar->setTextVisible(true);
    m_bar->setVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelLoad"));
    m_cancel->setIcon(themedIcon(QStringLiteral("cancel")));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel loading (Esc)"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setAutoRaise(true);
    m_cancel->setVisible(false);
    connect(m_cancel, &QToolButton::clicked, this, &ProgressStatus::cancelRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
}

void ProgressStatus::start(const QString &text)
{
    m_label->setText(text);
    m_bar->setRange(0, 0);
    m_bar->setVisible(true);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
}

void ProgressStatus::setProgress(int done, int total)
{
    if (total <= 0) {
        m_bar->setRange(0, 0);
        return;
    }
    m_bar->setRange(0, total);
    m_bar->setValue(done);
    m_bar->setFormat(QStringLiteral("%1 / %2").arg(done).arg(total));
}

void ProgressStatus::setText(const QString &text)
{
    m_label->setText(text);
}

void ProgressStatus::finish(const QString &summary)
{
    m_label->setText(summary);
    m_bar->setVisible(false);
    m_cancel->setVisible(false);
}

bool ProgressStatus::isBusy() const
{
    return !m_bar->isHidden();
}

QString ProgressStatus::text() const
{
    return m_label->text();
}

} // namespace haip::ui
