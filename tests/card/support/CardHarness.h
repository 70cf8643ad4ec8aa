// CardHarness: the real smart-card stack for tests — its own pcscd (foreground, a child of
// the test, in a private mount namespace so it does not clash with a system pcscd) with the
// vsmartcard vpcd driver, and haip-vcard playing a card profile in reader "Virtual PCD 00 00".
// Clients (OpenSC, core/card) reach this pcscd through PCSCLITE_CSOCK_NAME.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace haip::test {

class CardHarness
{
public:
    CardHarness();
    ~CardHarness();
    CardHarness(const CardHarness &) = delete;
    CardHarness &operator=(const CardHarness &) = delete;

    Result<void> startPcscd(int timeoutMs = 10000);
    // Starts haip-vcard with the profile and waits until it reports the card inserted (or,
    // with inserted = false, ready with the card out).
    Result<void> startCard(const QString &profilePath, bool inserted = true, int timeoutMs = 10000);
    // One control line ("insert", "remove", "status") and its JSON answer.
    Result<QByteArray> control(const QByteArray &command);
    // Takes the card out of the reader for good (haip-vcard ends) — to swap profiles.
    void stopCard();
    // Stops pcscd too (the smart-card service goes away).
    void stop();

    // The environment a PC/SC client needs to reach this pcscd.
    QProcessEnvironment clientEnvironment() const;
    QString socketPath() const;
    // Runs a PC/SC client tool (opensc-tool, pkcs15-tool…) against this pcscd.
    Result<QByteArray> runClient(const QString &tool, const QStringList &arguments, int timeoutMs = 30000) const;

private:
    QTemporaryDir m_dir;
    QProcess m_pcscd;
    QProcess m_card;
};

} // namespace haip::test
