// ClinicianSession: the workstation's sign-in wiring. It owns the platform client, the reader
// monitor, the card thread, the login flow and the session guard, and decides what the main
// window shows: the login screen over it until a clinician signs in, the lock screen over it
// while locked (images and results hidden underneath, jobs running), the work in between. User
// input anywhere in the application counts as activity for the idle lock. Signing out — asked
// for, another clinician's card, the platform ending the session — puts the open series away and
// goes back to the login screen. Sign-ins (and failed attempts), locks, unlocks, card events and
// sign-outs go to the audit trail, forwarded to the platform while signed in when policy says so.
#pragma once

#include "audit/AuditEvent.h"
#include "auth/AuthPolicy.h"
#include "auth/CardLogin.h"
#include "auth/CardThread.h"
#include "auth/SessionGuard.h"
#include "card/ReaderMonitor.h"
#include "platform/ApiClient.h"
#include "platform/LoginSession.h"

#include <QObject>

#include <memory>

class QAction;
class QTimer;

namespace haip::audit {
class AuditForwarder;
class AuditLog;
} // namespace haip::audit

namespace haip::ui {

class LockScreen;
class LoginScreen;
class MainWindow;

class ClinicianSession : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        platform::PlatformEndpoint platform;
        auth::AuthPolicy policy;
        QString language; // "ja": the clinician's name in kanji, else in romaji
        QString auditLogPath; // empty: no audit trail (tests of the screens alone)
        bool auditForwarding = true; // policy AuditForwarding: send the trail to the platform
    };

    ClinicianSession(Settings settings, MainWindow &window, QObject *parent = nullptr);
    ~ClinicianSession() override;

    // Covers the window with the login screen and starts following the card readers.
    void start();
    void signOut();

    auth::CardLogin &login() { return *m_login; }
    auth::SessionGuard &guard() { return *m_guard; }
    platform::LoginSession &session() { return *m_session; }
    platform::ApiClient &api() { return *m_api; }
    LoginScreen *loginScreen() const { return m_loginScreen; }
    LockScreen *lockScreen() const { return m_lockScreen; }
    const QString &clinicianId() const { return m_clinicianId; }
    // Appends to the audit trail (and forwards while signed in, by policy).
    void record(const audit::AuditEvent &event);

signals:
    void signedIn(const haip::platform::SessionInfo &info);
    void signedOut();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSignedIn(const platform::SessionInfo &info, const auth::CardIdentity &card);
    QString displayName(const platform::ClinicianInfo &clinician) const;
    void wireAuditTrail();

    Settings m_settings;
    MainWindow &m_window;
    std::unique_ptr<platform::ApiClient> m_api;
    std::unique_ptr<platform::LoginSession> m_session;
    std::unique_ptr<card::ReaderMonitor> m_readers;
    std::unique_ptr<auth::CardThread> m_card;
    std::unique_ptr<auth::CardLogin> m_login;
    std::unique_ptr<auth::SessionGuard> m_guard;
    LoginScreen *m_loginScreen = nullptr; // children of the window
    LockScreen *m_lockScreen = nullptr;
    QAction *m_lockAction = nullptr;
    QTimer *m_emergencyEnd = nullptr; // an emergency session ends at its certificate's end
    std::unique_ptr<audit::AuditLog> m_audit;
    std::unique_ptr<audit::AuditForwarder> m_forwarder; // while signed in, by policy
    QString m_clinicianId; // who is signed in, for the audit trail
};

} // namespace haip::ui
