#include "common/LibraryVersions.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <openjpeg.h>

namespace haip {

LibraryVersions libraryVersions()
{
    LibraryVersions versions;
    versions.qt = QString::fromLatin1(qVersion());
    versions.dcmtk = QString::fromLatin1(OFFIS_DCMTK_VERSION);
    versions.openjpeg = QString::fromLatin1(opj_version());
    return versions;
}

} // namespace haip
