// Versions of the libraries the program runs with (Qt at run time, DCMTK as built, OpenJPEG
// at run time), for Help ▸ About, `--version` output and support reports.
#pragma once

#include <QString>

namespace haip {

struct LibraryVersions
{
    QString qt;
    QString dcmtk;
    QString openjpeg;
};

LibraryVersions libraryVersions();

} // namespace haip
