// LibraryScope: the one initialise/shutdown pair of haip_core. Every program (app/, tests)
// creates exactly one, after QCoreApplication, before using anything else of core/: it
// registers the DICOM codecs (DCMTK JPEG, JPEG-LS, RLE; OpenJPEG for JPEG 2000), checks the
// DICOM data dictionary, and quiets DCMTK's own logger so library text never reaches stderr.
#pragma once

namespace haip {

class LibraryScope
{
public:
    LibraryScope();
    ~LibraryScope();
    LibraryScope(const LibraryScope &) = delete;
    LibraryScope &operator=(const LibraryScope &) = delete;
};

} // namespace haip
