// Help ▸ About: product and version, the libraries it runs on (Qt, DCMTK, OpenJPEG) and the
// regulatory status a clinician must see before trusting an image on this screen.
#pragma once

#include <QDialog>

namespace haip::ui {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text shown (rich text), for tests and support reports.
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace haip::ui
