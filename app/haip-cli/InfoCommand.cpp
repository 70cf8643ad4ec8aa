// haip-cli info: one JSON line per DICOM instance: identity, patient, image pixel module.
#include "CliOutput.h"
#include "Commands.h"

namespace haip::cli {

int runInfo(const QStringList &arguments, CliOutput &output)
{
    Q_UNUSED(arguments);
    return output.usage(QStringLiteral("'info' is not available in this build yet"));
}

} // namespace haip::cli
