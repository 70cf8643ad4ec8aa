// haip-cli import: index files, folders and DICOMDIRs into the local database.
#include "CliOutput.h"
#include "Commands.h"

namespace haip::cli {

int runImport(const QStringList &arguments, CliOutput &output)
{
    Q_UNUSED(arguments);
    return output.usage(QStringLiteral("'import' is not available in this build yet"));
}

} // namespace haip::cli
