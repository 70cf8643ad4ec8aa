// FindingsPanel: the findings of the AI's structured report (TID 1500) as a list — one row
// per finding (what, where, size, score) that opens into its measurements with units and how
// they were derived. Clicking a finding asks for its region on the images (the lead row of
// the segment it references); the presenter scrolls, centres and highlights it.
#pragma once

#include "common/Error.h"
#include "dicom/StructuredReport.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace haip::ui {

class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        FindingColumn, // finding and tracking id
        SiteColumn,
        SizeColumn, // diameter (else the first measurement)
        ScoreColumn, // z-score, probability or certainty when the report gives one
        ColumnCount
    };

    explicit FindingsPanel(QWidget *parent = nullptr);

    void setReport(const dicom::StructuredReport &report);
    // Why the report could not be read (the list is cleared).
    void setError(const Error &error);
    void clear();

    QTreeWidget *findingList() const { return m_list; }
    const dicom::StructuredReport &report() const { return m_report; }
    // The label of finding `index` as the list shows it, e.g. "Nodule (nodule 1)".
    QString findingLabel(int index) const;
    // Selects finding `index` (as a click would) and emits findingActivated.
    void activateFinding(int index);

    // "mm3" → "mm³" and the other UCUM units findings use; unknown codes as written.
    static QString unitText(const dicom::CodedValue &unit);
    // "10.00 mm", "−40.2 HU" in the UI locale, with the report's precision.
    static QString measurementText(const dicom::ReportMeasurement &m);

signals:
    // A finding was clicked or activated: index into report().findings.
    void findingActivated(int index);

private:
    void rebuild();
    void onItemClicked(QTreeWidgetItem *item);

    dicom::StructuredReport m_report;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace haip::ui
