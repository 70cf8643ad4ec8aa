// Line icons drawn as SVG with stroke="currentColor", tinted at paint time with the palette's
// text colour (dimmed when disabled), so one file serves the dark and the light theme and
// every device pixel ratio renders sharp (HiDPI).
#pragma once

#include <QIcon>
#include <QString>

namespace haip::ui {

// `name`: a file under :/icons/app/ without extension, e.g. "open-folder".
QIcon themedIcon(const QString &name);

} // namespace haip::ui
