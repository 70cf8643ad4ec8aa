// JobsModel: the analysis jobs of a JobQueue as rows — service, series, stage, progress and
// ETA — for the jobs panel. Progress is that of the stage: images prepared, then bytes uploaded,
// then the service's own percentage. The ETA is the upload's remaining bytes at its measured
// rate, then the service's expected turnaround less the time it has had.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QStringList>

namespace haip::workflow {
class JobQueue;
}

namespace haip::ui {

class JobsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ServiceColumn,
        SeriesColumn,
        StatusColumn,
        ProgressColumn,
        EtaColumn,
        ColumnCount
    };
    enum Role
    {
        JobIdRole = Qt::UserRole + 1,
        PercentRole, // 0–100, or -1 for a busy indicator
        StageRole, // workflow::JobStage as int
    };

    JobsModel(workflow::JobQueue &queue, QString language, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString jobId(int row) const { return m_ids.value(row); }
    int rowOf(const QString &id) const { return int(m_ids.indexOf(id)); }
    // "Uploading 12.5 of 40.0 MB", "Analysing — 40 %", "Result ready" …
    QString statusText(const QString &id) const;
    int percent(const QString &id) const;
    // Seconds left, or -1 when unknown.
    qint64 secondsLeft(const QString &id) const;

private:
    void onAdded(const QString &id);
    void onChanged(const QString &id);
    void onRemoved(const QString &id);

    struct Rate
    {
        QDateTime since;
        qint64 bytesAtStart = -1;
    };

    workflow::JobQueue &m_queue;
    QString m_language;
    QStringList m_ids; // newest first
    QHash<QString, Rate> m_uploadRates;
};

} // namespace haip::ui
