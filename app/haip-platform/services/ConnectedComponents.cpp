#include "ConnectedComponents.h"

#include <array>

namespace haip::services {
namespace {

struct Offset
{
    int dx, dy, dz;
};

std::vector<Offset> neighbours(Connectivity connectivity, bool planar)
{
    std::vector<Offset> n;
    for (int dz = planar ? 0 : -1; dz <= (planar ? 0 : 1); ++dz) {
        for (int dy = -1; dy <= 1; ++dy) {
            for (int dx = -1; dx <= 1; ++dx) {
                const int manhattan = std::abs(dx) + std::abs(dy) + std::abs(dz);
                if (manhattan == 0 || (connectivity == Connectivity::Faces && manhattan > 1))
                    continue;
                n.push_back({dx, dy, dz});
            }
        }
    }
    return n;
}

// Flood fill from every unvisited foreground voxel; `visited` doubles as the work marker.
void floodAll(const Mask &mask,
              const VoxelGrid &g,
              Connectivity connectivity,
              bool planar,
              const ConnectedComponents::Visitor &visitor)
{
    const std::vector<Offset> offsets = neighbours(connectivity, planar);
    std::vector<quint8> visited(mask.size(), 0);
    std::vector<std::uint32_t> component;
    for (std::size_t seed = 0; seed < mask.size(); ++seed) {
        if (mask[seed] == 0 || visited[seed] != 0)
            continue;
        component.clear();
        component.push_back(std::uint32_t(seed));
        visited[seed] = 1;
        // `component` is also the queue: entries before `head` are done.
        for (std::size_t head = 0; head < component.size(); ++head) {
            const std::size_t i = component[head];
            const int x = int(i % std::size_t(g.nx));
            const int y = int((i / std::size_t(g.nx)) % std::size_t(g.ny));
            const int z = int(i / g.sliceSize());
            for (const Offset &o : offsets) {
                const int xx = x + o.dx, yy = y + o.dy, zz = z + o.dz;
                if (!g.contains(xx, yy, zz))
                    continue;
                const std::size_t j = g.index(xx, yy, zz);
                if (mask[j] != 0 && visited[j] == 0) {
                    visited[j] = 1;
                    component.push_back(std::uint32_t(j));
                }
            }
        }
        visitor(component);
    }
}

} // namespace

void ConnectedComponents::visit(const Mask &mask,
                                const VoxelGrid &grid,
                                Connectivity connectivity,
                                const Visitor &visitor)
{
    floodAll(mask, grid, connectivity, false, visitor);
}

void ConnectedComponents::visitPlanar(const Mask &mask,
                                      const VoxelGrid &grid,
                                      Connectivity connectivity,
                                      const Visitor &visitor)
{
    floodAll(mask, grid, connectivity, true, visitor);
}

Mask ConnectedComponents::largest(const Mask &mask, const VoxelGrid &grid, Connectivity connectivity)
{
    std::vector<std::uint32_t> best;
    visit(mask, grid, connectivity, [&](const std::vector<std::uint32_t> &voxels) {
        if (voxels.size() > best.size())
            best = voxels;
    });
    Mask out(mask.size(), 0);
    for (const std::uint32_t i : best)
        out[i] = 1;
    return out;
}

Mask ConnectedComponents::fillHolesPerSlice(const Mask &mask, const VoxelGrid &g)
{
    Mask out(mask.size(), 1);
    parallelFor(g.nz, [&](int z) {
        // Flood the background from the slice border (4-connected, so a diagonal gap in an
        // 8-connected outline does not let the outside in).
        const std::size_t base = std::size_t(z) * g.sliceSize();
        std::vector<std::uint32_t> queue;
        auto seed = [&](int x, int y) {
            const std::size_t i = base + std::size_t(y) * std::size_t(g.nx) + std::size_t(x);
            if (mask[i] == 0 && out[i] == 1) {
                out[i] = 0;
                queue.push_back(std::uint32_t(i - base));
            }
        };
        for (int x = 0; x < g.nx; ++x) {
            seed(x, 0);
            seed(x, g.ny - 1);
        }
        for (int y = 0; y < g.ny; ++y) {
            seed(0, y);
            seed(g.nx - 1, y);
        }
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const int x = int(queue[head] % std::uint32_t(g.nx));
            const int y = int(queue[head] / std::uint32_t(g.nx));
            if (x > 0)
                seed(x - 1, y);
            if (x + 1 < g.nx)
                seed(x + 1, y);
            if (y > 0)
                seed(x, y - 1);
            if (y + 1 < g.ny)
                seed(x, y + 1);
        }
    });
    return out;
}

} // namespace haip::services
