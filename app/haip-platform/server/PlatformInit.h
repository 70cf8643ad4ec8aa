// PlatformInit: creates a platform state folder (see PlatformState for the layout) — the test
// HPKI CA with its CRL, the platform TLS CA and server certificate, the session CA, the catalog
// signing key, the services' envelope keys and the demo clinicians with their card profiles and
// TOTP secrets. Idempotent: every piece that exists is kept; a second run creates nothing.
#pragma once

#include "CertificateAuthority.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace haip::server {

class PlatformState;

struct InitReport
{
    QStringList created; // paths relative to the state folder, in creation order
    bool changed() const { return !created.isEmpty(); }
};

class PlatformInit
{
public:
    explicit PlatformInit(const PlatformState &state);
    Result<InitReport> run();

private:
    Result<void> createHpkiCa(InitReport &report);
    Result<void> createTls(InitReport &report);
    Result<void> createSessionCa(InitReport &report);
    Result<void> createCatalogKey(InitReport &report);
    Result<void> createServiceKeys(InitReport &report);
    Result<void> createClinicians(InitReport &report);
    Result<void> writeCrl(const CertificateAuthority &ca, const QList<RevokedCertificate> &revoked, InitReport &report);
    Result<void> writeManifest(InitReport &report);
    void note(InitReport &report, const QString &path) const;

    const PlatformState &m_state;
};

} // namespace haip::server
