// EmergencyAccessForm: sign-in without the card, for when it is lost, broken or blocked and
// policy allows emergency access — the user id, the authenticator's one-time password and the
// one-time code IT gives after checking who is asking. The session it opens is short and marked.
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace haip::ui {

class EmergencyAccessForm : public QWidget
{
    Q_OBJECT
public:
    explicit EmergencyAccessForm(QWidget *parent = nullptr);
    void clear();
    void setBusy(bool busy);

signals:
    void submitted(const QString &userId, const QString &otp, const QString &emergencyCode);
    void cancelled();

private:
    void submit();

    QLineEdit *m_user = nullptr;
    QLineEdit *m_otp = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace haip::ui
