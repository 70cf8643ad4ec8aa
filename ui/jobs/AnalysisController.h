// AnalysisController: "Analyse with…" from request to job — checks that the service is in the
// verified catalog, previews the de-identification of the series' first image, shows
// SendConfirmation and, when the clinician sends, submits the job to the JobQueue. The work
// itself runs in the queue (off the UI thread); this class only asks and hands over.
#pragma once

#include "common/Result.h"
#include "dicom/Series.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace haip::workflow {
class JobQueue;
}

namespace haip::ui {

class AnalysisController : public QObject
{
    Q_OBJECT
public:
    AnalysisController(workflow::JobQueue &queue, QString language, QWidget *dialogParent);

    // Asks and, on Send, submits; the job's id, or an error (Cancelled when the clinician
    // declined). `confirm` false skips the dialog (tests of the pipeline below it).
    Result<QString> analyse(const QString &serviceId, const dicom::Series &series, bool confirm = true);

    // Test seam: the next confirmation is answered with this instead of being shown modally.
    void setNextAnswer(bool send) { m_nextAnswer = send; }

signals:
    // The dialog on screen (tests grab it), just before it is run.
    void confirmationShown(QWidget *dialog);

private:
    workflow::JobQueue &m_queue;
    QString m_language;
    QPointer<QWidget> m_parent;
    std::optional<bool> m_nextAnswer;
};

} // namespace haip::ui
