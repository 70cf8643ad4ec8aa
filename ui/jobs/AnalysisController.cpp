#include "jobs/AnalysisController.h"

#include "jobs/SendConfirmation.h"
#include "workflow/JobQueue.h"

#include <QFileInfo>

namespace haip::ui {

namespace {

// The series' files in stack order (what the service should see), each file once.
QStringList seriesFiles(const dicom::Series &series)
{
    QStringList files;
    for (const dicom::Stack &stack : series.stacks) {
        for (const dicom::Slice &slice : stack.slices) {
            const QString &path = series.instances.value(slice.instance).path;
            if (!path.isEmpty() && !files.contains(path))
                files.append(path);
        }
    }
    for (const dicom::InstanceInfo &instance : series.instances) {
        if (instance.hasPixelData && !files.contains(instance.path))
            files.append(instance.path);
    }
    return files;
}

dicom::OriginalStudy originalOf(const dicom::InstanceInfo &first)
{
    dicom::OriginalStudy o;
    o.studyInstanceUid = first.studyInstanceUid;
    o.patientName = first.patientName;
    o.patientId = first.patientId;
    o.patientBirthDate = first.patientBirthDate;
    o.patientSex = first.patientSex;
    o.studyDate = first.studyDate;
    o.studyTime = first.studyTime;
    o.studyId = first.studyId;
    o.accessionNumber = first.accessionNumber;
    o.referringPhysicianName = first.referringPhysicianName;
    return o;
}

} // namespace

AnalysisController::AnalysisController(workflow::JobQueue &queue, QString language, QWidget *dialogParent)
    : QObject(dialogParent), m_queue(queue), m_language(std::move(language)), m_parent(dialogParent)
{ }

Result<QString> AnalysisController::analyse(const QString &serviceId, const dicom::Series &series, bool confirm)
{
    const platform::CatalogService *service = m_queue.environment().service(serviceId);
    if (!service)
        return Error(ErrorCode::NotFound, tr("The service is not in the verified catalog."), serviceId);
    if (series.instances.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("Open a series first."));
    workflow::AnalysisRequest request;
    request.serviceId = serviceId;
    request.studyInstanceUid = series.studyInstanceUid;
    request.seriesInstanceUid = series.seriesInstanceUid;
    request.seriesDescription = series.description;
    request.modality = series.modality;
    request.files = seriesFiles(series);
    request.original = originalOf(series.instances.front());

    if (confirm) {
        workflow::PayloadRequest probe;
        probe.inputFiles = request.files;
        probe.options = m_queue.environment().deidOptions;
        probe.deidSecret = m_queue.environment().deidSecret;
        probe.service = *service;
        Result<workflow::PayloadPreview> preview = workflow::PayloadBuilder::preview(probe);
        if (!preview)
            return preview.error();
        SendSummary summary;
        summary.seriesText = QStringLiteral("%1 %2").arg(series.modality, series.description).simplified();
        summary.images = preview->images;
        summary.bytes = preview->originalBytes;
        SendConfirmation dialog(*service, summary, *preview, m_language, m_parent);
        emit confirmationShown(&dialog);
        bool send = false;
        if (m_nextAnswer) {
            send = *m_nextAnswer;
            m_nextAnswer.reset();
        } else {
            send = dialog.exec() == QDialog::Accepted;
        }
        if (!send)
            return Error(ErrorCode::Cancelled);
    }
    return m_queue.submit(request);
}

} // namespace haip::ui
