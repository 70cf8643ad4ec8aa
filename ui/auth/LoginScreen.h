// LoginScreen: the sign-in page the workstation opens with. It shows what the CardLogin flow is
// waiting for — the reader and card state, the holder's name from the card, the PIN with the
// tries left, the one-time password with the time step's countdown — and every failure in a
// sentence a doctor understands. The PIN field is cleared as soon as it is handed to the card.
#pragma once

#include "auth/CardLogin.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace haip::ui {

class LoginScreen : public QWidget
{
    Q_OBJECT
public:
    explicit LoginScreen(auth::CardLogin &login, QWidget *parent = nullptr);

    // The one-time password's time step, for the countdown (RFC 6238: 30 s by default).
    void setOtpPeriodSeconds(int seconds);

private:
    void onStep(auth::CardLogin::Step step);
    void onProblem(const Error &error);
    void submit();
    void updateCountdown();
    void showStatus(const QString &text, bool busy);

    auth::CardLogin &m_login;
    QLabel *m_status = nullptr;
    QComboBox *m_readers = nullptr;
    QLabel *m_holder = nullptr;
    QLabel *m_pinLabel = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_tries = nullptr;
    QLabel *m_otpLabel = nullptr;
    QLineEdit *m_otp = nullptr;
    QProgressBar *m_countdown = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_tick = nullptr;
    int m_otpPeriod = 30;
};

} // namespace haip::ui
