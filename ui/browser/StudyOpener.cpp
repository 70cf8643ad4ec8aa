#include "browser/StudyOpener.h"

#include "dicom/SeriesAssembler.h"

namespace haip::ui {

StudyOpener::StudyOpener(QString databasePath, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath))
{ }

StudyOpener::~StudyOpener()
{
    m_queue.clear();
    if (m_importer)
        m_importer->cancel(); // its destructor waits for the worker
}

bool StudyOpener::isRunning() const
{
    return m_importer != nullptr;
}

void StudyOpener::open(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_queue.append(paths);
    if (!m_importer)
        startNext();
}

void StudyOpener::cancel()
{
    m_queue.clear();
    if (m_importer)
        m_importer->cancel();
}

void StudyOpener::startNext()
{
    if (m_queue.isEmpty())
        return;
    const QStringList paths = m_queue.takeFirst();
    m_instances.clear();
    m_importer = std::make_unique<dicom::Importer>(m_databasePath);
    connect(m_importer.get(), &dicom::Importer::progress, this, &StudyOpener::progress);
    connect(m_importer.get(), &dicom::Importer::fileFailed, this, &StudyOpener::problem);
    connect(m_importer.get(), &dicom::Importer::instancesRead, this, [this](const QList<dicom::InstanceInfo> &read) {
        m_instances.append(read);
    });
    connect(m_importer.get(), &dicom::Importer::finished, this, &StudyOpener::onFinished);
    emit started(paths);
    m_importer->start(paths);
}

void StudyOpener::onFinished(const dicom::ImportSummary &summary)
{
    // The importer is done with its thread; delete it later, not inside its own signal.
    m_importer.release()->deleteLater();
    const QList<dicom::Series> series = dicom::SeriesAssembler::assemble(m_instances);
    m_instances.clear();
    emit finished(summary, series);
    startNext();
}

} // namespace haip::ui
