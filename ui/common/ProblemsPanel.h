// The "Problems" panel: every file that could not be opened or decoded, with the reason, in a
// non-modal list (a CD with 30 broken files must not raise 30 dialogs). Newest last; a
// double-click copies the path; Clear empties it.
#pragma once

#include "common/Error.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace haip::ui {

class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void addProblem(const haip::Error &error);
    void clear();
    int count() const { return int(m_problems.size()); }
    const QList<haip::Error> &problems() const { return m_problems; }
    QTreeWidget *list() const { return m_list; }

signals:
    void countChanged(int count);

private:
    void updateSummary();

    QList<haip::Error> m_problems;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace haip::ui
