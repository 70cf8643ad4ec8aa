#include "jobs/SendConfirmation.h"

#include "dicom/TagNames.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace haip::ui {

namespace {

QString localized(const platform::CatalogText &text, const QString &language)
{
    return language.startsWith(QLatin1String("ja")) && !text.ja.isEmpty() ? text.ja : text.en;
}

QString syntaxName(const QString &uid)
{
    if (uid == QLatin1String("1.2.840.10008.1.2.4.80"))
        return SendConfirmation::tr("JPEG-LS lossless");
    if (uid == QLatin1String("1.2.840.10008.1.2.1.99"))
        return SendConfirmation::tr("deflate (lossless)");
    return SendConfirmation::tr("uncompressed");
}

} // namespace

QString regulatoryBadgeText(const QString &status)
{
    if (status == QLatin1String("pmda-approved"))
        return SendConfirmation::tr("Approved medical device (PMDA)");
    return SendConfirmation::tr("Research use only");
}

QColor regulatoryBadgeColour(const QString &status)
{
    return status == QLatin1String("pmda-approved") ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb3, 0x5c, 0x00);
}

SendConfirmation::SendConfirmation(const platform::CatalogService &service,
                                   const SendSummary &series,
                                   const workflow::PayloadPreview &preview,
                                   const QString &language,
                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Send to AI service"));
    setObjectName(QStringLiteral("sendConfirmation"));
    const auto label = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_labels.append(l);
        return l;
    };

    auto *destination = new QFormLayout;
    destination->addRow(tr("Service:"), label(localized(service.name, language)));
    destination->addRow(tr("Vendor:"), label(tr("%1, version %2").arg(service.vendor, service.version)));
    QLabel *badge = label(regulatoryBadgeText(service.regulatoryStatus));
    badge->setObjectName(QStringLiteral("regulatoryBadge"));
    badge->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: %1; border-radius: 3px; padding: 2px 6px; }")
            .arg(regulatoryBadgeColour(service.regulatoryStatus).name()));
    badge->setToolTip(localized(service.regulatoryText, language));
    badge->setWordWrap(false);
    auto *badgeRow = new QHBoxLayout;
    badgeRow->addWidget(badge);
    badgeRow->addStretch();
    destination->addRow(tr("Regulatory status:"), badgeRow);
    if (service.expectedTurnaroundSeconds > 0) {
        destination->addRow(tr("Expected time:"),
                            label(tr("about %n minute(s)", nullptr, (service.expectedTurnaroundSeconds + 59) / 60)));
    }

    const dicom::DeidReport &deid = preview.firstImage;
    int removed = 0;
    int replaced = 0;
    for (auto it = deid.actionCounts.cbegin(); it != deid.actionCounts.cend(); ++it) {
        if (it.key() == QLatin1String("X"))
            removed += it.value();
        else if (it.key() != QLatin1String("K"))
            replaced += it.value();
    }
    auto *leaves = new QVBoxLayout;
    leaves->addWidget(label(tr("What leaves this workstation: a de-identified copy of %n image(s) of %1, %2 MB "
                               "before compression, compressed as %3.",
                               nullptr,
                               series.images)
                                .arg(series.seriesText,
                                     QLocale().toString(double(series.bytes) / 1e6, 'f', 1),
                                     syntaxName(preview.transferSyntaxUid))));
    leaves->addWidget(label(tr("De-identification (DICOM PS3.15 Basic Profile): the patient's name and ID are "
                               "replaced by a pseudonym, %1 attributes removed, %2 emptied or replaced, private "
                               "attributes removed, every UID replaced. The originals stay on this workstation.")
                                .arg(removed)
                                .arg(replaced)));
    m_attributes = new QListWidget(this);
    m_attributes->setObjectName(QStringLiteral("changedAttributes"));
    for (const dicom::Tag &tag : deid.changedTags)
        m_attributes->addItem(dicom::tagKeyword(tag));
    m_attributes->setMaximumHeight(140);
    leaves->addWidget(m_attributes);
    leaves->addWidget(label(tr("End-to-end encrypted to the service's own key (HPKE, key %1): the platform "
                               "forwards it but cannot read it.")
                                .arg(service.keyId)));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *send = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    send->setObjectName(QStringLiteral("sendButton"));
    send->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(destination);
    layout->addSpacing(8);
    layout->addLayout(leaves);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString SendConfirmation::summaryText() const
{
    QStringList lines;
    for (const QLabel *l : m_labels)
        lines.append(l->text());
    return lines.join(QLatin1Char('\n'));
}

} // namespace haip::ui
