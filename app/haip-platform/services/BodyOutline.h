// The patient's body on a CT: in each slice the largest 4-connected region denser than a
// threshold (the body wall — the couch is a separate thin shell and drops out), and that
// region with its holes filled (the whole body, lungs included).
#pragma once

#include "ImageVolume.h"
#include "VoxelGrid.h"

namespace haip::services {

class BodyOutline
{
public:
    static Mask wall(const ImageVolume &volume, float threshold);
    static Mask body(const ImageVolume &volume, float threshold);
    static Mask filled(const Mask &wall, const VoxelGrid &grid);
};

} // namespace haip::services
