#include "auth/ClinicianSession.h"

#include "MainWindow.h"
#include "audit/AuditForwarder.h"
#include "audit/AuditLocation.h"
#include "audit/AuditLog.h"
#include "auth/LockScreen.h"
#include "auth/LoginScreen.h"
#include "common/WindowCover.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QTimer>

namespace haip::ui {

ClinicianSession::ClinicianSession(Settings settings, MainWindow &window, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_window(window)
{
    m_api = std::make_unique<platform::ApiClient>(m_settings.platform);
    m_session = std::make_unique<platform::LoginSession>(*m_api);
    m_readers = std::make_unique<card::ReaderMonitor>();
    // PIV over PC/SC by default; a vendor's PKCS#11 module where policy names one.
    m_card = std::make_unique<auth::CardThread>(auth::CardThread::openerFor(m_settings.policy));
    m_login = std::make_unique<auth::CardLogin>(*m_readers, *m_card, *m_session);
    m_guard = std::make_unique<auth::SessionGuard>(*m_readers, *m_card, m_settings.policy);

    m_loginScreen = new LoginScreen(*m_login, &window);
    m_loginScreen->setEmergencyAccessEnabled(m_settings.policy.emergencyAccess);
    new WindowCover(m_loginScreen);
    m_loginScreen->hide();
    m_lockScreen = new LockScreen(*m_guard, &window);

    m_lockAction = new QAction(tr("Lock the Workstation"), this);
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_lockAction, &QAction::triggered, m_guard.get(), &auth::SessionGuard::lockNow);
    window.addAction(m_lockAction);

    connect(m_login.get(), &auth::CardLogin::signedIn, this, &ClinicianSession::onSignedIn);
    connect(m_guard.get(), &auth::SessionGuard::locked, this, [this] {
        // An emergency session has no card to unlock with: locking ends it.
        if (m_session->info().emergency)
            return signOut();
        m_window.setSessionLocked(true);
    });
    connect(m_guard.get(), &auth::SessionGuard::unlocked, this, [this] { m_window.setSessionLocked(false); });
    connect(m_guard.get(), &auth::SessionGuard::otherCardInserted, this, &ClinicianSession::signOut);
    connect(m_guard.get(), &auth::SessionGuard::otpRequired, this, &ClinicianSession::signOut);
    connect(m_lockScreen, &LockScreen::signOutRequested, this, &ClinicianSession::signOut);
    connect(m_session.get(), &platform::LoginSession::sessionEnded, this, &ClinicianSession::signOut);
    m_emergencyEnd = new QTimer(this);
    m_emergencyEnd->setSingleShot(true);
    connect(m_emergencyEnd, &QTimer::timeout, this, &ClinicianSession::signOut);
    qApp->installEventFilter(this);
    wireAuditTrail();
}

void ClinicianSession::wireAuditTrail()
{
    if (m_settings.auditLogPath.isEmpty())
        return;
    Result<audit::AuditLog> log = audit::AuditLog::open(m_settings.auditLogPath, audit::defaultWorkstationId());
    if (!log) {
        qWarning().noquote() << "audit trail unavailable:" << log.error().detail();
        return;
    }
    m_audit = std::make_unique<audit::AuditLog>(std::move(*log));
    connect(m_login.get(), &auth::CardLogin::problem, this, [this](const Error &error) {
        // Refused credentials, not a card taken out half-way or an unreachable platform.
        switch (error.code()) {
        case ErrorCode::PinIncorrect:
        case ErrorCode::PinBlocked:
        case ErrorCode::AuthenticationFailed:
        case ErrorCode::AccountLocked:
        case ErrorCode::CertificateRejected:
        case ErrorCode::SignatureInvalid:
            record(audit::AuditEvent::loginFailure(QString(), error));
            break;
        default:
            break;
        }
    });
    connect(m_guard.get(), &auth::SessionGuard::locked, this, [this](auth::SessionGuard::LockReason reason) {
        const audit::LockReason why = reason == auth::SessionGuard::LockReason::CardRemoved
            ? audit::LockReason::CardRemoved
            : reason == auth::SessionGuard::LockReason::Idle ? audit::LockReason::Idle
                                                             : audit::LockReason::Manual;
        record(audit::AuditEvent::lock(m_clinicianId, why));
    });
    connect(m_guard.get(), &auth::SessionGuard::unlocked, this, [this] {
        record(audit::AuditEvent::unlock(m_clinicianId));
    });
    connect(m_guard.get(), &auth::SessionGuard::unlockFailed, this, [this](const Error &error) {
        record(audit::AuditEvent::loginFailure(m_clinicianId, error));
    });
    connect(m_readers.get(), &card::ReaderMonitor::cardInserted, this, [this](const QString &reader) {
        record(audit::AuditEvent::cardInserted(reader));
    });
    connect(m_readers.get(), &card::ReaderMonitor::cardRemoved, this, [this](const QString &reader) {
        record(audit::AuditEvent::cardRemoved(reader));
    });
}

void ClinicianSession::record(const audit::AuditEvent &event)
{
    if (!m_audit)
        return;
    // A failed append is shown to IT through the log, never to the clinician mid-work.
    if (Result<audit::AuditRecord> r = m_audit->append(event); !r)
        qWarning().noquote() << "audit record not written:" << r.error().detail();
    else if (m_forwarder)
        m_forwarder->forwardNow();
}

ClinicianSession::~ClinicianSession()
{
    qApp->removeEventFilter(this);
}

void ClinicianSession::start()
{
    m_window.setSessionLocked(true);
    m_loginScreen->show();
    m_loginScreen->raise();
    m_readers->start();
    m_login->start();
}

void ClinicianSession::onSignedIn(const platform::SessionInfo &info, const auth::CardIdentity &card)
{
    m_guard->activate(card);
    m_clinicianId = info.clinician.id;
    record(info.emergency ? audit::AuditEvent::emergencyAccess(info.clinician.id, info.sessionId)
                          : audit::AuditEvent::loginSuccess(info.clinician.id));
    if (m_audit && m_settings.auditForwarding) {
        m_forwarder = std::make_unique<audit::AuditForwarder>(*m_api, m_settings.auditLogPath);
        m_forwarder->start();
    }
    const QString name = displayName(info.clinician);
    m_window.setClinician(name, info.emergency ? info.notAfter : QDateTime());
    if (info.emergency)
        m_emergencyEnd->start(
            int(qBound(qint64(0), m_api->serverNow().msecsTo(info.notAfter), qint64(24) * 3600 * 1000)));
    m_lockScreen->setClinician(name);
    m_loginScreen->hide();
    m_window.setSessionLocked(false);
    emit signedIn(info);
}

void ClinicianSession::signOut()
{
    if (!m_clinicianId.isEmpty()) {
        // Forwarded with the next session: this one's certificate is about to be revoked.
        record(audit::AuditEvent::logout(m_clinicianId));
    }
    m_clinicianId.clear();
    if (m_session->state() != platform::LoginSession::State::SignedOut)
        m_session->logout();
    m_guard->deactivate();
    m_emergencyEnd->stop();
    m_window.closeSeries();
    m_window.setClinician({});
    m_lockScreen->setClinician({});
    m_window.setSessionLocked(true);
    m_loginScreen->show();
    m_loginScreen->raise();
    m_login->restart();
    m_forwarder.reset(); // what it could not send yet waits in the log for the next session
    emit signedOut();
}

QString ClinicianSession::displayName(const platform::ClinicianInfo &clinician) const
{
    if (m_settings.language == QLatin1String("ja") && !clinician.nameJa.isEmpty())
        return clinician.nameJa;
    return clinician.nameRomaji.isEmpty() ? clinician.id : clinician.nameRomaji;
}

bool ClinicianSession::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        m_guard->noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace haip::ui
