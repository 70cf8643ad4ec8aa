#include "auth/LockScreen.h"

#include "auth/PinInput.h"
#include "common/WindowCover.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace haip::ui {

using State = auth::SessionGuard::State;
using Reason = auth::SessionGuard::LockReason;

LockScreen::LockScreen(auth::SessionGuard &guard, QWidget *window) : QWidget(window), m_guard(guard)
{
    setObjectName(QStringLiteral("lockScreen"));
    setAttribute(Qt::WA_StyledBackground, true);
    setAutoFillBackground(true);
    m_title = new QLabel(tr("Workstation locked"), this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_reason = new QLabel(this);
    m_reason->setAlignment(Qt::AlignCenter);
    m_reason->setWordWrap(true);
    m_who = new QLabel(this);
    m_who->setAlignment(Qt::AlignCenter);
    QFont whoFont = m_who->font();
    whoFont.setBold(true);
    whoFont.setPointSizeF(whoFont.pointSizeF() * 1.2);
    m_who->setFont(whoFont);
    auto *jobs = new QLabel(tr("Images and results are hidden. AI jobs continue in the background."), this);
    jobs->setObjectName(QStringLiteral("emptyHint"));
    jobs->setAlignment(Qt::AlignCenter);
    jobs->setWordWrap(true);
    m_prompt = new QLabel(this);
    m_prompt->setAlignment(Qt::AlignCenter);
    m_prompt->setWordWrap(true);
    m_pin = new QLineEdit(this);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,8}")), m_pin));
    m_pin->setMaxLength(8);
    m_pin->setAlignment(Qt::AlignCenter);
    m_pin->setPlaceholderText(tr("Card PIN"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_unlock = new QPushButton(tr("Unlock"), this);
    m_unlock->setDefault(true);
    m_signOut = new QPushButton(tr("Sign out"), this);

    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("loginPanel"));
    panel->setMaximumWidth(480);
    panel->setMinimumWidth(380);
    auto *column = new QVBoxLayout(panel);
    column->setSpacing(10);
    column->setContentsMargins(32, 24, 32, 24);
    column->addWidget(m_title);
    column->addWidget(m_reason);
    column->addWidget(m_who);
    column->addWidget(jobs);
    column->addSpacing(10);
    column->addWidget(m_prompt);
    column->addWidget(m_pin);
    column->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signOut);
    buttons->addStretch();
    buttons->addWidget(m_unlock);
    column->addLayout(buttons);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addWidget(panel, 0, Qt::AlignHCenter);
    outer->addStretch(3);

    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_pin, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(m_signOut, &QPushButton::clicked, this, &LockScreen::signOutRequested);
    connect(&m_guard, &auth::SessionGuard::stateChanged, this, &LockScreen::refresh);
    connect(&m_guard, &auth::SessionGuard::sessionCardChanged, this, &LockScreen::refresh);
    connect(&m_guard, &auth::SessionGuard::locked, this, [this] {
        m_error->clear();
        refresh();
    });
    connect(&m_guard, &auth::SessionGuard::unlockFailed, this, [this](const Error &error) {
        m_error->setText(error.message());
        refresh();
    });
    new WindowCover(this);
    refresh();
}

void LockScreen::setClinician(const QString &name)
{
    m_clinician = name;
    refresh();
}

void LockScreen::refresh()
{
    const State state = m_guard.state();
    const bool shown = state == State::Locked || state == State::Unlocking;
    setVisible(shown);
    if (!shown)
        return;
    raise();
    switch (m_guard.reason()) {
    case Reason::CardRemoved:
        m_reason->setText(tr("The card was removed from the reader."));
        break;
    case Reason::Idle:
        m_reason->setText(
            tr("Locked after %n minutes without activity.", nullptr, qMax(1, m_guard.policy().idleLockSeconds / 60)));
        break;
    case Reason::Manual:
    case Reason::None:
        m_reason->setText(tr("Locked by the user."));
        break;
    }
    m_who->setText(m_clinician.isEmpty() ? m_guard.card().holderName : m_clinician);
    const bool ready = m_guard.sessionCardPresent();
    const bool busy = state == State::Unlocking;
    m_prompt->setText(ready ? tr("Enter the PIN of your card to unlock.") : tr("Insert your card to unlock."));
    m_pin->setVisible(ready);
    m_pin->setEnabled(!busy);
    m_unlock->setVisible(ready);
    m_unlock->setEnabled(!busy);
    if (ready && !busy)
        m_pin->setFocus();
}

void LockScreen::submit()
{
    std::optional<crypto::SecureBuffer> pin = takePin(m_pin);
    if (!pin) {
        m_error->setText(tr("A PIN has 6 to 8 digits."));
        return;
    }
    m_error->clear();
    m_guard.unlock(std::move(*pin));
}

} // namespace haip::ui
