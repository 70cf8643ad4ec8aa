// SendConfirmation: what the clinician sees before anything leaves the workstation — the
// destination service with its vendor, version and regulatory status, the series and how many
// images and bytes, that a de-identified copy is sent (which attributes are removed or
// replaced, from de-identifying the first image), the lossless compression, and that the
// payload is end-to-end encrypted to the service's own key. Send or Cancel.
#pragma once

#include "platform/Catalog.h"
#include "workflow/PayloadBuilder.h"

#include <QDialog>

class QLabel;
class QListWidget;

namespace haip::ui {

struct SendSummary
{
    QString seriesText; // "CT Chest 1.25 mm"
    int images = 0;
    qint64 bytes = 0;
};

class SendConfirmation : public QDialog
{
    Q_OBJECT
public:
    SendConfirmation(const platform::CatalogService &service,
                     const SendSummary &series,
                     const workflow::PayloadPreview &preview,
                     const QString &language,
                     QWidget *parent = nullptr);

    QListWidget *attributeList() const { return m_attributes; }
    QString summaryText() const; // everything the dialog says, for tests and logs of the UI

private:
    QListWidget *m_attributes = nullptr;
    QList<QLabel *> m_labels;
};

// The badge text and colour for a regulatory status ("pmda-approved", "research-use-only").
QString regulatoryBadgeText(const QString &status);
QColor regulatoryBadgeColour(const QString &status);

} // namespace haip::ui
