#include "jobs/JobsModel.h"

#include "workflow/JobQueue.h"
#include "workflow/JobRunner.h"

#include <QLocale>

#include <algorithm>

namespace haip::ui {

using workflow::AnalysisJob;
using workflow::JobStage;

namespace {

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / 1e6, 'f', 1);
}

QString durationText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return JobsModel::tr("%n s", nullptr, int(seconds));
    return JobsModel::tr("%n min", nullptr, int((seconds + 59) / 60));
}

} // namespace

JobsModel::JobsModel(workflow::JobQueue &queue, QString language, QObject *parent)
    : QAbstractTableModel(parent), m_queue(queue), m_language(std::move(language))
{
    m_ids = queue.ids();
    std::reverse(m_ids.begin(), m_ids.end());
    connect(&queue, &workflow::JobQueue::jobAdded, this, &JobsModel::onAdded);
    connect(&queue, &workflow::JobQueue::jobChanged, this, &JobsModel::onChanged);
    connect(&queue, &workflow::JobQueue::jobFinished, this, &JobsModel::onChanged);
    connect(&queue, &workflow::JobQueue::jobRemoved, this, &JobsModel::onRemoved);
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int JobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn:
        return tr("AI service");
    case SeriesColumn:
        return tr("Series");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case EtaColumn:
        return tr("Time left");
    default:
        return {};
    }
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size())
        return {};
    const QString &id = m_ids[index.row()];
    const AnalysisJob *job = m_queue.job(id);
    if (!job)
        return {};
    switch (role) {
    case JobIdRole:
        return id;
    case PercentRole:
        return percent(id);
    case StageRole:
        return int(job->stage);
    case Qt::ToolTipRole:
        return job->stage == JobStage::Failed ? job->failure.message() : statusText(id);
    case Qt::DisplayRole:
        switch (index.column()) {
        case ServiceColumn:
            return job->serviceName(m_language);
        case SeriesColumn:
            return tr("%1 %2 (%n images)", nullptr, job->imageCount)
                .arg(job->modality, job->seriesDescription)
                .simplified();
        case StatusColumn:
            return statusText(id);
        case ProgressColumn:
            return percent(id) >= 0 ? QVariant(QStringLiteral("%1 %").arg(percent(id))) : QVariant();
        case EtaColumn:
            return durationText(secondsLeft(id));
        default:
            return {};
        }
    default:
        return {};
    }
}

QString JobsModel::statusText(const QString &id) const
{
    const AnalysisJob *job = m_queue.job(id);
    if (!job)
        return {};
    switch (job->stage) {
    case JobStage::Preparing:
        return tr("De-identifying and encrypting");
    case JobStage::Creating:
        return tr("Waiting for the platform");
    case JobStage::Uploading:
        return tr("Uploading %1 of %2 MB").arg(megabytes(job->uploadedBytes), megabytes(job->payloadBytes));
    case JobStage::Processing:
        return job->serviceStage.isEmpty() ? tr("Analysing") : tr("Analysing — %1").arg(job->serviceStage);
    case JobStage::Downloading:
        return tr("Receiving the result");
    case JobStage::Completed:
        return tr("Result ready");
    case JobStage::Failed:
        return tr("Failed: %1").arg(job->failure.message());
    case JobStage::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

int JobsModel::percent(const QString &id) const
{
    const AnalysisJob *job = m_queue.job(id);
    const workflow::JobRunner *runner = m_queue.runner(id);
    if (!job || !runner)
        return -1;
    switch (job->stage) {
    case JobStage::Preparing:
        return runner->preparationSteps() > 0 ? 100 * runner->preparedSteps() / runner->preparationSteps() : -1;
    case JobStage::Uploading:
        return job->payloadBytes > 0 ? int(100 * job->uploadedBytes / job->payloadBytes) : -1;
    case JobStage::Processing:
        return job->serviceProgress;
    case JobStage::Completed:
        return 100;
    case JobStage::Creating:
    case JobStage::Downloading:
        return -1;
    case JobStage::Failed:
    case JobStage::Cancelled:
        return 0;
    }
    return -1;
}

qint64 JobsModel::secondsLeft(const QString &id) const
{
    const AnalysisJob *job = m_queue.job(id);
    if (!job)
        return -1;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (job->stage == JobStage::Uploading) {
        const Rate rate = m_uploadRates.value(id);
        const qint64 elapsedMs = rate.since.isValid() ? rate.since.msecsTo(now) : 0;
        const qint64 sent = job->uploadedBytes - rate.bytesAtStart;
        if (elapsedMs < 500 || sent <= 0)
            return -1;
        return (job->payloadBytes - job->uploadedBytes) * elapsedMs / sent / 1000 + job->expectedTurnaroundSeconds;
    }
    if (job->stage == JobStage::Processing && job->processingSince.isValid())
        return std::max<qint64>(0, job->expectedTurnaroundSeconds - job->processingSince.secsTo(now));
    return -1;
}

void JobsModel::onAdded(const QString &id)
{
    beginInsertRows({}, 0, 0);
    m_ids.prepend(id);
    endInsertRows();
}

void JobsModel::onChanged(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    if (const AnalysisJob *job = m_queue.job(id); job && job->stage == JobStage::Uploading) {
        Rate &rate = m_uploadRates[id];
        if (rate.bytesAtStart < 0) {
            rate.since = QDateTime::currentDateTimeUtc();
            rate.bytesAtStart = job->uploadedBytes;
        }
    } else {
        m_uploadRates.remove(id);
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobsModel::onRemoved(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.removeAt(row);
    endRemoveRows();
    m_uploadRates.remove(id);
}

} // namespace haip::ui
