// haip-cli bench: measure loading and decoding of a series.
#include "CliOutput.h"
#include "Commands.h"

namespace haip::cli {

int runBench(const QStringList &arguments, CliOutput &output)
{
    Q_UNUSED(arguments);
    return output.usage(QStringLiteral("'bench' is not available in this build yet"));
}

} // namespace haip::cli
