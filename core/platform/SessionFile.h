// SessionFile: a signed-in session saved for scripts (haip-cli login writes it; catalog, submit,
// jobs and result read it) — the platform URL and CA pin, who is signed in and until when, the
// session certificate chain and the session private key (PKCS#8 PEM). It is a short-lived secret
// (the certificate lasts minutes): written 0600, and the workstation GUI never writes one.
#pragma once

#include "common/Result.h"
#include "platform/SessionInfo.h"
#include "platform/SessionKey.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace haip::platform {

struct SessionFile
{
    QUrl platform;
    QByteArray caPin; // SHA-256 of the platform CA's SPKI
    SessionInfo info;
    QList<QSslCertificate> chain;
    SessionKey key;

    Result<void> save(const QString &path) const;
    static Result<SessionFile> load(const QString &path);
};

} // namespace haip::platform
