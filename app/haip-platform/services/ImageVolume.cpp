#include "ImageVolume.h"

#include <algorithm>
#include <cmath>

namespace haip::services {

Vec3 ImageVolume::patientPosition(double c, double r, double k) const
{
    const VolumeGeometry &g = geometry;
    Vec3 origin;
    if (!sources.isEmpty()) {
        // Interpolate between the recorded slice positions, so unevenly placed slices stay exact.
        const int last = int(sources.size()) - 1;
        const double kk = std::clamp(k, 0.0, double(last));
        const int k0 = std::min(int(std::floor(kk)), last);
        const int k1 = std::min(k0 + 1, last);
        const double t = kk - k0;
        origin = sources[k0].position * (1.0 - t) + sources[k1].position * t;
        if (k < 0.0 || k > last) // outside the stack: extrapolate along the normal
            origin = origin + g.normal * ((k - kk) * g.sliceSpacing);
    }
    return origin + g.rowDirection * (c * g.columnSpacing) + g.columnDirection * (r * g.rowSpacing);
}

} // namespace haip::services
