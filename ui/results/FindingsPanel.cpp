#include "results/FindingsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace haip::ui {
namespace {

constexpr int FindingIndexRole = Qt::UserRole + 1;

// UCUM codes of the units findings carry, as a reader writes them.
struct UnitName
{
    const char *ucum;
    const char16_t *display;
};
constexpr UnitName kUnits[] = {
    {"mm", u"mm"},
    {"mm2", u"mm²"},
    {"mm3", u"mm³"},
    {"cm", u"cm"},
    {"cm2", u"cm²"},
    {"cm3", u"cm³"},
    {"ml", u"mL"},
    {"mL", u"mL"},
    {"[hnsf'U]", u"HU"},
    {"%", u"%"},
    {"1", u""}, // no units (scores, ratios)
    {"{ratio}", u""},
};

// Concepts that rate a finding rather than measure it (PS3.16): shown as its score.
struct ScoreConcept
{
    const char *value;
    const char *scheme;
};
constexpr ScoreConcept kScores[] = {
    {"113071", "DCM"}, // Z-Score
    {"111047", "DCM"}, // Probability of cancer
    {"111012", "DCM"}, // Certainty of Finding
};
constexpr const char *kDiameter[] = {"81827009", "SCT"};

const dicom::ReportMeasurement *scoreOf(const dicom::ReportFinding &f)
{
    for (const ScoreConcept &c : kScores) {
        if (const dicom::ReportMeasurement *m = f.measurement(c.value, c.scheme))
            return m;
    }
    return nullptr;
}

const dicom::ReportMeasurement *sizeOf(const dicom::ReportFinding &f)
{
    if (const dicom::ReportMeasurement *m = f.measurement(kDiameter[0], kDiameter[1]))
        return m;
    return f.measurements.isEmpty() ? nullptr : &f.measurements.front();
}

} // namespace

FindingsPanel::FindingsPanel(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("findingList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Finding"), tr("Site"), tr("Size"), tr("Score")});
    m_list->setUniformRowHeights(true);
    // Every column as wide as its words: a clipped "Nodule (nodu…" helps nobody.
    m_list->header()->setStretchLastSection(false);
    for (int c = 0; c < ColumnCount; ++c)
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemClicked, this, &FindingsPanel::onItemClicked);
    connect(m_list, &QTreeWidget::itemActivated, this, &FindingsPanel::onItemClicked);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    clear();
}

void FindingsPanel::setReport(const dicom::StructuredReport &report)
{
    m_report = report;
    rebuild();
}

void FindingsPanel::setError(const Error &error)
{
    m_report = {};
    m_list->clear();
    m_summary->setText(tr("The findings could not be read: %1").arg(error.message()));
}

void FindingsPanel::clear()
{
    m_report = {};
    m_list->clear();
    m_summary->setText(tr("No structured findings."));
}

QString FindingsPanel::findingLabel(int index) const
{
    if (index < 0 || index >= m_report.findings.size())
        return {};
    const dicom::ReportFinding &f = m_report.findings.at(index);
    const QString what = f.finding.meaning.isEmpty() ? tr("Finding") : f.finding.meaning;
    return f.trackingId.isEmpty() ? what : tr("%1 (%2)").arg(what, f.trackingId);
}

void FindingsPanel::activateFinding(int index)
{
    if (index < 0 || index >= m_list->topLevelItemCount())
        return;
    m_list->setCurrentItem(m_list->topLevelItem(index));
    emit findingActivated(index);
}

QString FindingsPanel::unitText(const dicom::CodedValue &unit)
{
    for (const UnitName &u : kUnits) {
        if (unit.value == QLatin1String(u.ucum))
            return QString::fromUtf16(u.display);
    }
    return unit.value.isEmpty() ? unit.meaning : unit.value;
}

QString FindingsPanel::measurementText(const dicom::ReportMeasurement &m)
{
    // The report's decimals, the locale's digits and a real minus sign.
    const int dot = m.valueText.indexOf(QLatin1Char('.'));
    const int decimals = dot < 0 ? 0 : int(m.valueText.size()) - dot - 1;
    QString number = QLocale().toString(m.value, 'f', decimals);
    if (number.startsWith(QLatin1Char('-')))
        number.replace(0, 1, QChar(0x2212));
    const QString unit = unitText(m.unit);
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

void FindingsPanel::rebuild()
{
    m_list->clear();
    const int n = int(m_report.findings.size());
    if (n == 0) {
        QStringList said;
        for (const dicom::CodedValue &e : m_report.evaluations)
            said << e.meaning;
        m_summary->setText(said.isEmpty()
                               ? tr("The report lists no findings.")
                               : tr("The report lists no findings: %1.").arg(said.join(QStringLiteral("; "))));
        return;
    }
    m_summary->setText(tr("%n finding(s). Click one to show it on the images.", nullptr, n));
    bool scored = false;
    for (int i = 0; i < n; ++i) {
        const dicom::ReportFinding &f = m_report.findings.at(i);
        auto *row = new QTreeWidgetItem(m_list);
        row->setData(FindingColumn, FindingIndexRole, i);
        row->setText(FindingColumn, findingLabel(i));
        row->setText(SiteColumn, f.site.meaning);
        if (const dicom::ReportMeasurement *size = sizeOf(f))
            row->setText(SizeColumn, measurementText(*size));
        if (const dicom::ReportMeasurement *score = scoreOf(f)) {
            row->setText(ScoreColumn, measurementText(*score));
            scored = true;
        }
        if (!f.algorithmName.isEmpty())
            row->setToolTip(FindingColumn, tr("Algorithm: %1").arg(f.algorithmName));
        for (const dicom::ReportMeasurement &m : f.measurements) {
            auto *child = new QTreeWidgetItem(row);
            child->setData(FindingColumn, FindingIndexRole, i);
            child->setText(FindingColumn,
                           m.derivation.isEmpty() ? m.name.meaning
                                                  : tr("%1 (%2)").arg(m.name.meaning, m.derivation.meaning));
            child->setText(SizeColumn, measurementText(m));
        }
    }
    m_list->setColumnHidden(ScoreColumn, !scored); // an empty column only takes room
}

void FindingsPanel::onItemClicked(QTreeWidgetItem *item)
{
    if (item == nullptr)
        return;
    const QVariant index = item->data(FindingColumn, FindingIndexRole);
    if (index.isValid())
        emit findingActivated(index.toInt());
}

} // namespace haip::ui
