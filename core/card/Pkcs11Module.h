// Pkcs11Module: a vendor's PKCS#11 middleware (the module path comes from policy), loaded by
// path with QLibrary and initialised for use from several threads (CKF_OS_LOCKING_OK). A
// module may be initialised only once per process, so open() hands out one shared instance
// per module file: every Pkcs11Token keeps its module alive, and the last one out finalises it.
// The PKCS#11 header stays in core/card/internal; this interface speaks Qt types.
#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

#include <memory>

namespace haip::card {

namespace internal {
struct Pkcs11ModuleState;
}

// A slot holding an initialised token, as the user picks it when there are several.
struct Pkcs11Slot
{
    quint64 id = 0;
    QString description; // the slot: for card middleware, usually the reader's name
    QString label; // the token's label
    QString manufacturer;
    QString model;
    QString serialNumber;
};

class Pkcs11Module
{
public:
    // FileNotFound when `path` does not exist; CardUnavailable when it is not a loadable
    // PKCS#11 module or refuses to initialise. The same file opened twice (by any path to it)
    // gives the same instance while one is alive.
    static Result<std::shared_ptr<Pkcs11Module>> open(const QString &path);
    ~Pkcs11Module();
    Pkcs11Module(const Pkcs11Module &) = delete;
    Pkcs11Module &operator=(const Pkcs11Module &) = delete;

    // The canonical path of the module file.
    const QString &path() const { return m_path; }
    // The module's own description and manufacturer (C_GetInfo), for logs and the admin.
    const QString &libraryDescription() const { return m_description; }
    // Slots with an initialised token present, in the module's order.
    Result<QList<Pkcs11Slot>> slotsWithToken() const;

    // For Pkcs11Token (core/card/internal/Pkcs11Api.h).
    const internal::Pkcs11ModuleState &state() const { return *m_state; }

private:
    Pkcs11Module(QString path, std::unique_ptr<internal::Pkcs11ModuleState> state);
    QString m_path;
    QString m_description;
    std::unique_ptr<internal::Pkcs11ModuleState> m_state;
};

} // namespace haip::card
