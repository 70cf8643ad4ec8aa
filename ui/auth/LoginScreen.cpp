#include "auth/LoginScreen.h"

#include "auth/EmergencyAccessForm.h"
#include "auth/PinInput.h"

#include <QComboBox>
#include <QDateTime>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

namespace haip::ui {

using Step = auth::CardLogin::Step;

namespace {
QLineEdit *digitField(int maxDigits, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,%1}").arg(maxDigits)), field));
    field->setMaxLength(maxDigits);
    field->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    field->setAlignment(Qt::AlignCenter);
    QFont font = field->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 4);
    field->setFont(font);
    return field;
}
} // namespace

LoginScreen::LoginScreen(auth::CardLogin &login, QWidget *parent) : QWidget(parent), m_login(login)
{
    setObjectName(QStringLiteral("loginScreen"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/app/haip.svg")).pixmap(QSize(72, 72), devicePixelRatio()));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Sign in to HAIP"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("loginStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_readers = new QComboBox(this);
    m_holder = new QLabel(this);
    m_holder->setObjectName(QStringLiteral("loginHolder"));
    m_holder->setAlignment(Qt::AlignCenter);
    m_holder->setWordWrap(true);
    QFont holderFont = m_holder->font();
    holderFont.setPointSizeF(holderFont.pointSizeF() * 1.25);
    holderFont.setBold(true);
    m_holder->setFont(holderFont);

    m_pin = digitField(8, this);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(tr("6–8 digits"));
    m_pinLabel = new QLabel(tr("Card PIN"), this);
    m_pinLabel->setBuddy(m_pin);
    m_tries = new QLabel(this);
    m_tries->setObjectName(QStringLiteral("loginTries"));
    m_otp = digitField(8, this);
    m_otp->setPlaceholderText(tr("6 digits"));
    m_otpLabel = new QLabel(tr("One-time password from your authenticator"), this);
    m_otpLabel->setWordWrap(true);
    m_otpLabel->setBuddy(m_otp);
    m_countdown = new QProgressBar(this);
    m_countdown->setObjectName(QStringLiteral("otpCountdown"));
    m_countdown->setTextVisible(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setTextFormat(Qt::PlainText);

    m_submit = new QPushButton(tr("Sign in"), this);
    m_submit->setDefault(true);
    m_submit->setAutoDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);

    m_emergencyLink = new QPushButton(tr("Card cannot be used? Emergency access"), this);
    m_emergencyLink->setFlat(true);
    m_emergencyLink->setCursor(Qt::PointingHandCursor);
    m_emergencyLink->hide();
    m_emergencyForm = new EmergencyAccessForm(this);
    m_emergencyForm->hide();

    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("loginPanel"));
    panel->setMaximumWidth(460);
    panel->setMinimumWidth(380);
    auto *outerForm = new QVBoxLayout(panel);
    outerForm->setSpacing(8);
    outerForm->setContentsMargins(32, 24, 32, 24);
    outerForm->addWidget(icon);
    outerForm->addWidget(title);
    outerForm->addSpacing(8);
    m_cardPart = new QWidget(panel);
    auto *form = new QVBoxLayout(m_cardPart);
    form->setContentsMargins(0, 0, 0, 0);
    form->setSpacing(8);
    outerForm->addWidget(m_cardPart);
    outerForm->addWidget(m_emergencyForm);
    form->addWidget(m_status);
    form->addWidget(m_readers);
    form->addWidget(m_holder);
    form->addSpacing(6);
    form->addWidget(m_pinLabel);
    form->addWidget(m_pin);
    form->addWidget(m_tries);
    form->addWidget(m_otpLabel);
    form->addWidget(m_otp);
    form->addWidget(m_countdown);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_submit);
    form->addLayout(buttons);
    outerForm->addWidget(m_error);
    outerForm->addWidget(m_emergencyLink, 0, Qt::AlignHCenter);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addWidget(panel, 0, Qt::AlignHCenter);
    outer->addStretch(3);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &LoginScreen::updateCountdown);
    connect(m_submit, &QPushButton::clicked, this, &LoginScreen::submit);
    connect(m_pin, &QLineEdit::returnPressed, this, &LoginScreen::submit);
    connect(m_otp, &QLineEdit::returnPressed, this, &LoginScreen::submit);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_error->clear();
        m_login.cancel();
    });
    connect(m_readers, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            m_login.chooseReader(m_readers->itemText(index));
    });
    connect(m_emergencyLink, &QPushButton::clicked, this, [this] {
        m_error->clear();
        m_cardPart->hide();
        m_emergencyLink->hide();
        m_emergencyForm->show();
    });
    connect(m_emergencyForm, &EmergencyAccessForm::cancelled, this, [this] {
        m_emergencyForm->hide();
        m_emergencyForm->clear();
        m_cardPart->show();
        m_emergencyLink->setVisible(m_emergencyEnabled);
    });
    connect(m_emergencyForm,
            &EmergencyAccessForm::submitted,
            this,
            [this](const QString &user, const QString &otp, const QString &code) {
                m_error->clear();
                m_emergencyForm->setBusy(true);
                m_login.signInWithoutCard(user, otp, code);
            });
    connect(&m_login, &auth::CardLogin::stepChanged, this, &LoginScreen::onStep);
    connect(&m_login, &auth::CardLogin::problem, this, &LoginScreen::onProblem);
    onStep(m_login.step());
}

void LoginScreen::setEmergencyAccessEnabled(bool enabled)
{
    m_emergencyEnabled = enabled;
    m_emergencyLink->setVisible(enabled && !m_emergencyForm->isVisible());
}

void LoginScreen::setOtpPeriodSeconds(int seconds)
{
    m_otpPeriod = qMax(1, seconds);
    updateCountdown();
}

void LoginScreen::showStatus(const QString &text, bool busy)
{
    m_status->setText(text);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void LoginScreen::onStep(Step step)
{
    if (m_emergencyForm->isVisible()) {
        // Emergency access in progress: the card part stays hidden until the user goes back.
        m_emergencyForm->setBusy(step == Step::ContactingPlatform);
        if (step != Step::SignedIn)
            return;
        m_emergencyForm->hide();
        m_emergencyForm->clear();
        m_cardPart->show();
    }
    const bool pin = step == Step::NeedPin || step == Step::CheckingPin;
    const bool otp = step == Step::NeedOtp || step == Step::CheckingOtp;
    const bool holder = pin || otp || step == Step::ContactingPlatform || step == Step::CardBlocked;
    m_readers->setVisible(step == Step::ChooseReader);
    m_holder->setVisible(holder);
    m_pinLabel->setVisible(pin);
    m_pin->setVisible(pin);
    m_tries->setVisible(pin);
    m_otpLabel->setVisible(otp);
    m_otp->setVisible(otp);
    m_countdown->setVisible(otp);
    m_submit->setVisible(step == Step::NeedPin || step == Step::NeedOtp || step == Step::CheckingPin ||
                         step == Step::CheckingOtp);
    m_submit->setEnabled(step == Step::NeedPin || step == Step::NeedOtp);
    m_cancel->setVisible(holder && step != Step::CardBlocked);
    m_pin->setEnabled(step == Step::NeedPin);
    m_otp->setEnabled(step == Step::NeedOtp);

    const auth::CardIdentity &card = m_login.identity();
    if (holder) {
        const platform::ClinicianInfo &named = m_login.otpPrompt().clinician;
        m_holder->setText(otp && !named.nameJa.isEmpty() ? tr("%1 (%2)").arg(named.nameJa, named.nameRomaji)
                                                         : card.holderName);
    }
    if (step != Step::NeedOtp && step != Step::CheckingOtp)
        m_tick->stop();

    switch (step) {
    case Step::ServiceUnavailable:
        return showStatus(tr("The smart-card service is not running. Ask IT to start it."), false);
    case Step::NoReader:
        return showStatus(tr("Connect a smart-card reader."), false);
    case Step::WaitingForCard:
        return showStatus(tr("Insert your HPKI card or staff card into the reader."), false);
    case Step::ChooseReader:
        m_readers->clear();
        m_readers->addItem(tr("Choose the reader with your card…"));
        m_readers->addItems(m_login.readersWithCard());
        return showStatus(tr("Several readers hold a card."), false);
    case Step::ReadingCard:
        return showStatus(tr("Reading the card…"), true);
    case Step::NeedPin: {
        const card::PinStatus &status = m_login.pinStatus();
        if (status.triesLeft >= 0)
            m_tries->setText(tr("%n tries left before the card is blocked.", nullptr, status.triesLeft));
        else if (status.finalTry)
            m_tries->setText(tr("Last try before the card is blocked."));
        else
            m_tries->setText(status.low ? tr("A wrong PIN was entered before.") : QString());
        m_tries->setProperty("warning", status.finalTry || (status.triesLeft >= 0 && status.triesLeft <= 1));
        m_pin->clear();
        m_pin->setFocus();
        m_submit->setText(tr("Sign in"));
        return showStatus(tr("Card in %1").arg(card.reader), false);
    }
    case Step::CheckingPin:
        return showStatus(tr("Checking the PIN…"), true);
    case Step::ContactingPlatform:
        return showStatus(tr("The card is proving who you are to the HAIP platform…"), true);
    case Step::NeedOtp:
        m_otp->clear();
        m_otp->setFocus();
        m_submit->setText(tr("Confirm"));
        m_tick->start();
        updateCountdown();
        return showStatus(tr("Enter the code your authenticator shows now."), false);
    case Step::CheckingOtp:
        return showStatus(tr("Checking the code…"), true);
    case Step::SignedIn:
        m_error->clear();
        return showStatus(tr("Signed in."), false);
    case Step::CardBlocked:
        return showStatus(tr("This card is blocked after too many wrong PINs. Ask IT to unblock it with its PUK."),
                          false);
    }
}

void LoginScreen::onProblem(const Error &error)
{
    m_error->setText(error.message());
}

void LoginScreen::submit()
{
    if (m_login.step() == Step::NeedPin) {
        std::optional<crypto::SecureBuffer> pin = takePin(m_pin);
        if (!pin) {
            m_error->setText(tr("A PIN has 6 to 8 digits."));
            return;
        }
        m_error->clear();
        m_login.submitPin(std::move(*pin));
    } else if (m_login.step() == Step::NeedOtp) {
        const QString code = m_otp->text();
        if (code.size() < 6) {
            m_error->setText(tr("The code has 6 digits."));
            return;
        }
        m_error->clear();
        m_otp->clear();
        m_login.submitOtp(code);
    }
}

void LoginScreen::updateCountdown()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const int left = m_otpPeriod - int(now % m_otpPeriod);
    m_countdown->setRange(0, m_otpPeriod);
    m_countdown->setValue(left);
    m_countdown->setFormat(tr("The code changes in %n s", nullptr, left));
}

} // namespace haip::ui
