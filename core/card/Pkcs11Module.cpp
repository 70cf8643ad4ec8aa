// Loading a PKCS#11 module: QLibrary by path, C_GetFunctionList, C_Initialize with OS locking,
// one instance per module file in the process, C_Finalize when the last user lets go.
#include "card/Pkcs11Module.h"

#include "card/internal/Pkcs11Api.h"

#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QRecursiveMutex>

#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace haip::card {

namespace {

// The modules alive in this process, by canonical path. The mutex also covers C_Initialize and
// C_Finalize, so a module closing on one thread and reopened on another never overlap.
QMutex registryMutex;
std::map<QString, std::weak_ptr<Pkcs11Module>> registry;

// The mutexes the module locks with (PKCS#11 2.40 section 5.4: with CKF_OS_LOCKING_OK and these
// functions, a module may use either). Recursive, because OpenSC 0.23 (Debian 12) re-locks a
// card mutex it has left held when a card is pulled in the middle of a transaction (OpenSC issue
// 2707); with its own plain pthread mutexes the next call on that card thread deadlocks.
CK_RV createMutex(void **mutex)
{
    if (!mutex)
        return CKR_ARGUMENTS_BAD;
    *mutex = new QRecursiveMutex;
    return CKR_OK;
}

CK_RV destroyMutex(void *mutex)
{
    delete static_cast<QRecursiveMutex *>(mutex);
    return CKR_OK;
}

CK_RV lockMutex(void *mutex)
{
    static_cast<QRecursiveMutex *>(mutex)->lock();
    return CKR_OK;
}

CK_RV unlockMutex(void *mutex)
{
    static_cast<QRecursiveMutex *>(mutex)->unlock();
    return CKR_OK;
}

Error moduleError(const QString &path, const QString &detail)
{
    return Error(ErrorCode::CardUnavailable, u"PKCS#11 module %1: %2"_s.arg(path, detail), path);
}

Result<std::unique_ptr<internal::Pkcs11ModuleState>> load(const QString &path)
{
    auto state = std::make_unique<internal::Pkcs11ModuleState>();
    state->library.setFileName(path);
    // Never unloaded: middleware often leaves threads or atexit handlers behind, and unloading
    // it under them crashes the process later. Reopening the same file finds it still mapped.
    state->library.setLoadHints(QLibrary::PreventUnloadHint);
    if (!state->library.load())
        return moduleError(path, u"cannot be loaded (%1)"_s.arg(state->library.errorString()));
    const auto getFunctionList = reinterpret_cast<CK_C_GetFunctionList>(state->library.resolve("C_GetFunctionList"));
    if (!getFunctionList)
        return moduleError(path, u"is not a PKCS#11 module (it has no C_GetFunctionList)"_s);
    CK_RV rv = getFunctionList(&state->functions);
    if (rv != CKR_OK || !state->functions)
        return moduleError(path, u"C_GetFunctionList failed: %1"_s.arg(internal::returnValueName(rv)));
    if (state->functions->version.major < 2)
        return moduleError(path,
                           u"speaks PKCS#11 %1.%2; 2.x or later is needed"_s.arg(state->functions->version.major)
                               .arg(state->functions->version.minor));

    CK_C_INITIALIZE_ARGS args = {};
    args.CreateMutex = createMutex;
    args.DestroyMutex = destroyMutex;
    args.LockMutex = lockMutex;
    args.UnlockMutex = unlockMutex;
    args.flags = CKF_OS_LOCKING_OK;
    rv = state->functions->C_Initialize(&args);
    if (rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        // Someone else in the process (another library) initialised it; it stays theirs.
        state->finalizeOnClose = false;
    } else if (rv == CKR_OK) {
        state->finalizeOnClose = true;
    } else {
        return moduleError(path, u"C_Initialize failed: %1"_s.arg(internal::returnValueName(rv)));
    }
    return state;
}

} // namespace

Pkcs11Module::Pkcs11Module(QString path, std::unique_ptr<internal::Pkcs11ModuleState> state)
    : m_path(std::move(path)), m_state(std::move(state))
{ }

Pkcs11Module::~Pkcs11Module()
{
    QMutexLocker lock(&registryMutex);
    if (m_state->finalizeOnClose) {
        // Nothing to tell anyone if this fails: the module is going away either way.
        const CK_RV rv = m_state->functions->C_Finalize(nullptr);
        if (rv != CKR_OK)
            qWarning(
                "haip: C_Finalize of %s: %s", qUtf8Printable(m_path), qUtf8Printable(internal::returnValueName(rv)));
    }
}

Result<std::shared_ptr<Pkcs11Module>> Pkcs11Module::open(const QString &path)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists())
        return Error(ErrorCode::FileNotFound, u"PKCS#11 module"_s, path);
    const QString canonical = info.canonicalFilePath();

    QMutexLocker lock(&registryMutex);
    if (std::shared_ptr<Pkcs11Module> alive = registry[canonical].lock())
        return alive;
    Result<std::unique_ptr<internal::Pkcs11ModuleState>> state = load(canonical);
    if (!state)
        return state.error();

    CK_INFO info11 = {};
    const CK_RV rv = (*state)->functions->C_GetInfo(&info11);
    if (rv != CKR_OK) {
        if ((*state)->finalizeOnClose)
            (*state)->functions->C_Finalize(nullptr); // already failing: its answer changes nothing
        return moduleError(canonical, u"C_GetInfo failed: %1"_s.arg(internal::returnValueName(rv)));
    }
    std::shared_ptr<Pkcs11Module> module(new Pkcs11Module(canonical, std::move(*state)));
    module->m_description =
        u"%1 (%2)"_s.arg(internal::paddedText(info11.libraryDescription, sizeof info11.libraryDescription),
                         internal::paddedText(info11.manufacturerID, sizeof info11.manufacturerID));
    registry[canonical] = module;
    return module;
}

Result<QList<Pkcs11Slot>> Pkcs11Module::slotsWithToken() const
{
    const CK_FUNCTION_LIST_PTR f = m_state->functions;
    std::vector<CK_SLOT_ID> ids;
    // The list can grow between the two calls (a card inserted): ask again until it fits.
    CK_RV rv = CKR_BUFFER_TOO_SMALL;
    for (int attempt = 0; attempt < 5 && rv == CKR_BUFFER_TOO_SMALL; ++attempt) {
        CK_ULONG count = 0;
        rv = f->C_GetSlotList(CK_TRUE, nullptr, &count);
        if (rv != CKR_OK)
            return internal::pkcs11Error(rv, "C_GetSlotList");
        ids.resize(count);
        rv = f->C_GetSlotList(CK_TRUE, ids.data(), &count);
        if (rv == CKR_OK)
            ids.resize(count);
    }
    if (rv != CKR_OK)
        return internal::pkcs11Error(rv, "C_GetSlotList");

    QList<Pkcs11Slot> present;
    for (const CK_SLOT_ID id : ids) {
        CK_SLOT_INFO slotInfo = {};
        CK_TOKEN_INFO tokenInfo = {};
        rv = f->C_GetSlotInfo(id, &slotInfo);
        if (rv == CKR_OK)
            rv = f->C_GetTokenInfo(id, &tokenInfo);
        // A card pulled since C_GetSlotList is simply not listed.
        if (rv == CKR_TOKEN_NOT_PRESENT || rv == CKR_DEVICE_REMOVED || rv == CKR_SLOT_ID_INVALID)
            continue;
        if (rv != CKR_OK)
            return internal::pkcs11Error(rv, "C_GetTokenInfo");
        // An uninitialised token (SoftHSM always offers one) holds no credential.
        if (!(tokenInfo.flags & CKF_TOKEN_INITIALIZED))
            continue;
        Pkcs11Slot slot;
        slot.id = id;
        slot.description = internal::paddedText(slotInfo.slotDescription, sizeof slotInfo.slotDescription);
        slot.label = internal::paddedText(tokenInfo.label, sizeof tokenInfo.label);
        slot.manufacturer = internal::paddedText(tokenInfo.manufacturerID, sizeof tokenInfo.manufacturerID);
        slot.model = internal::paddedText(tokenInfo.model, sizeof tokenInfo.model);
        slot.serialNumber = internal::paddedText(tokenInfo.serialNumber, sizeof tokenInfo.serialNumber);
        present.append(slot);
    }
    return present;
}

} // namespace haip::card
