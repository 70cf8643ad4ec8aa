// The status bar's load indicator: what is happening, a progress bar and a Cancel button,
// shown only while work runs; afterwards a short summary stays as text.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace haip::ui {

class ProgressStatus : public QWidget
{
    Q_OBJECT
public:
    explicit ProgressStatus(QWidget *parent = nullptr);

    void start(const QString &text); // busy indicator until the first setProgress()
    void setProgress(int done, int total);
    void setText(const QString &text);
    void finish(const QString &summary);
    bool isBusy() const;

    QProgressBar *bar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }
    QString text() const;

signals:
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
};

} // namespace haip::ui
