#include "common/AboutDialog.h"

#include "common/LibraryVersions.h"
#include "theme/ThemedIcon.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace haip::ui {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About HAIP Clinician Workstation"));
    setObjectName(QStringLiteral("aboutDialog"));

    const LibraryVersions versions = libraryVersions();
    m_text = tr("<h2>HAIP Clinician Workstation</h2>"
                "<p>Version %1</p>"
                "<p>The doctor's desktop client of the Healthcare AI Platform (HAIP): local DICOM viewing "
                "and, in later versions, medical-AI services.</p>"
                "<p><b>Regulatory status:</b> for research use only. Not approved as a medical device; "
                "do not use for primary diagnosis until approval is granted.</p>"
                "<p>Built with Qt %2, DCMTK %3, OpenJPEG %4.</p>")
                 .arg(QStringLiteral(HAIP_VERSION).toHtmlEscaped(),
                      versions.qt.toHtmlEscaped(),
                      versions.dcmtk.toHtmlEscaped(),
                      versions.openjpeg.toHtmlEscaped());

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/app/haip.svg")).pixmap(QSize(72, 72), devicePixelRatio()));
    icon->setAlignment(Qt::AlignTop);

    auto *label = new QLabel(m_text, this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumWidth(420);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addSpacing(12);
    row->addWidget(label, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &AboutDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

} // namespace haip::ui
