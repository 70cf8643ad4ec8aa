#include "auth/EmergencyAccessForm.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace haip::ui {

EmergencyAccessForm::EmergencyAccessForm(QWidget *parent) : QWidget(parent)
{
    auto *intro = new QLabel(tr("Emergency access is for when your card cannot be used. Ask IT for a one-time "
                                "emergency code. The session is short, marked on screen and recorded."),
                             this);
    intro->setWordWrap(true);
    m_user = new QLineEdit(this);
    m_otp = new QLineEdit(this);
    m_otp->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,8}")), m_otp));
    m_otp->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
    m_code = new QLineEdit(this);
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[\\d -]{0,20}")), m_code));
    m_code->setEchoMode(QLineEdit::Password);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
    auto *form = new QFormLayout;
    form->addRow(tr("User ID"), m_user);
    form->addRow(tr("One-time password"), m_otp);
    form->addRow(tr("Emergency code from IT"), m_code);
    m_submit = new QPushButton(tr("Sign in with emergency access"), this);
    m_cancel = new QPushButton(tr("Back to card sign-in"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_submit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    connect(m_submit, &QPushButton::clicked, this, &EmergencyAccessForm::submit);
    connect(m_code, &QLineEdit::returnPressed, this, &EmergencyAccessForm::submit);
    connect(m_cancel, &QPushButton::clicked, this, &EmergencyAccessForm::cancelled);
}

void EmergencyAccessForm::clear()
{
    m_user->clear();
    m_otp->clear();
    m_code->clear();
}

void EmergencyAccessForm::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_otp->setEnabled(!busy);
    m_code->setEnabled(!busy);
}

void EmergencyAccessForm::submit()
{
    const QString user = m_user->text().trimmed();
    const QString otp = m_otp->text();
    QString code = m_code->text();
    if (user.isEmpty() || otp.size() < 6 || code.remove(u' ').remove(u'-').size() < 12)
        return;
    m_otp->clear();
    m_code->clear();
    emit submitted(user, otp, code);
}

} // namespace haip::ui
