// haip-cli phantom: write a synthetic CT study with ground truth.
#include "CliOutput.h"
#include "Commands.h"

namespace haip::cli {

int runPhantom(const QStringList &arguments, CliOutput &output)
{
    Q_UNUSED(arguments);
    return output.usage(QStringLiteral("'phantom' is not available in this build yet"));
}

} // namespace haip::cli
