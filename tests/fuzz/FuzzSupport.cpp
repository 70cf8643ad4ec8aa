#include "FuzzSupport.h"

#include "common/Library.h"

#include <QCoreApplication>

#include <cstdlib>

namespace {

void quiet(QtMsgType, const QMessageLogContext &, const QString &) { }

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Both live until the process ends (reachable: no leak report); a fuzzer never returns.
    static QCoreApplication *app = new QCoreApplication(*argc, *argv);
    static haip::LibraryScope *library = new haip::LibraryScope();
    Q_UNUSED(app);
    Q_UNUSED(library);
    const char *verbose = std::getenv("HAIP_FUZZ_VERBOSE");
    if (verbose == nullptr || verbose[0] != '1')
        qInstallMessageHandler(quiet);
    return 0;
}
