// haip-cli pixels: decode one frame to raw stored values.
#include "CliOutput.h"
#include "Commands.h"

namespace haip::cli {

int runPixels(const QStringList &arguments, CliOutput &output)
{
    Q_UNUSED(arguments);
    return output.usage(QStringLiteral("'pixels' is not available in this build yet"));
}

} // namespace haip::cli
