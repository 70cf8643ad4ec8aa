// Where the local image index lives, the same for every program that opens it
// (haip-workstation, haip-cli import …), whichever program asks.
#pragma once

#include <QString>

namespace haip::dicom {

// $HAIP_INDEX_DIR/index.sqlite when that variable is set (tests, or IT pointing it at a local
// disk); else index.sqlite in the workstation's data folder: <GenericDataLocation>/HAIP/
// haip-workstation — on Linux and macOS exactly the workstation's AppDataLocation, on Windows
// %LOCALAPPDATA% rather than the roaming profile, where a large database does not belong.
QString defaultIndexPath();

} // namespace haip::dicom
