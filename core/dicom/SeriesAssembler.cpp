#include "dicom/SeriesAssembler.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

namespace haip::dicom {

namespace {

constexpr double kSamePositionMm = 0.01; // closer than this along the normal: the same position
constexpr double kSpacingTolerance = 0.01; // a gap within 1 % of the median is "uniform"…
constexpr double kSpacingFloorMm = 0.01; // …or within this, for very thin slices
const double kOrientationCosine = std::cos(std::numbers::pi / 180.0); // directions within 1°

bool isFinite(const Vec3 &v)
{
    return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

// Usable geometry: position and orientation present, finite, and the two directions far from
// parallel (a zero or repeated direction cosine gives no normal to sort along).
bool hasGeometry(const ImagePlane &plane)
{
    if (!plane.hasPosition || !plane.hasOrientation || !isFinite(plane.position) || !isFinite(plane.rowDirection) ||
        !isFinite(plane.columnDirection))
        return false;
    return plane.rowDirection.normalized().cross(plane.columnDirection.normalized()).length() > 0.5;
}

bool sameOrientation(const ImagePlane &a, const ImagePlane &b)
{
    return a.rowDirection.normalized().dot(b.rowDirection.normalized()) >= kOrientationCosine &&
        a.columnDirection.normalized().dot(b.columnDirection.normalized()) >= kOrientationCosine;
}

struct Candidate
{
    int instance = 0;
    int frame = 0;
    double location = 0.0;
};

// Slices of one matrix, Frame of Reference and orientation (or all without geometry).
struct Group
{
    int rows = 0;
    int columns = 0;
    QString frameOfReference;
    bool geometry = false;
    ImagePlane reference; // the first member's plane
    QList<Candidate> members;
};

// The orders used where geometry cannot decide; the instance index ends every tie, so the
// result never depends on the sort algorithm.
class Order
{
public:
    explicit Order(const QList<InstanceInfo> &instances) : m_instances(instances) { }

    // Instance Number, SOP Instance UID, frame: the fallback without geometry.
    bool byInstance(const Candidate &a, const Candidate &b) const
    {
        const InstanceInfo &x = m_instances[a.instance];
        const InstanceInfo &y = m_instances[b.instance];
        return std::tie(x.instanceNumber, x.sopInstanceUid, a.instance, a.frame) <
            std::tie(y.instanceNumber, y.sopInstanceUid, b.instance, b.frame);
    }
    // Acquisition Number first: tells echoes, phases and repeats at one position apart.
    bool byAcquisition(const Candidate &a, const Candidate &b) const
    {
        const InstanceInfo &x = m_instances[a.instance];
        const InstanceInfo &y = m_instances[b.instance];
        return std::tie(x.acquisitionNumber, x.instanceNumber, x.sopInstanceUid, a.instance, a.frame) <
            std::tie(y.acquisitionNumber, y.instanceNumber, y.sopInstanceUid, b.instance, b.frame);
    }

private:
    const QList<InstanceInfo> &m_instances;
};

QList<Group> groupSlices(const QList<InstanceInfo> &instances)
{
    QList<Group> groups;
    for (int i = 0; i < instances.size(); ++i) {
        const InstanceInfo &info = instances[i];
        const int frames = info.hasPixelData ? std::max(1, info.numberOfFrames) : 0;
        for (int f = 0; f < frames; ++f) {
            const ImagePlane &plane = info.planeOfFrame(f);
            const bool geometry = hasGeometry(plane);
            auto group = std::find_if(groups.begin(), groups.end(), [&](const Group &g) {
                return g.geometry == geometry && g.rows == info.rows && g.columns == info.columns &&
                    (!geometry ||
                     (g.frameOfReference == info.frameOfReferenceUid && sameOrientation(g.reference, plane)));
            });
            if (group == groups.end()) {
                groups.append(Group {info.rows, info.columns, info.frameOfReferenceUid, geometry, plane, {}});
                group = groups.end() - 1;
            }
            group->members.append(Candidate {i, f, 0.0});
        }
    }
    return groups;
}

void computeSpacing(Stack &stack)
{
    if (stack.slices.size() < 2) {
        stack.spacing = 0.0;
        stack.uniformSpacing = true;
        return;
    }
    QList<double> gaps;
    for (qsizetype i = 1; i < stack.slices.size(); ++i)
        gaps.append(stack.slices[i].location - stack.slices[i - 1].location);
    QList<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    const double tolerance = std::max(kSpacingTolerance * median, kSpacingFloorMm);
    stack.spacing = median;
    stack.uniformSpacing =
        std::all_of(gaps.cbegin(), gaps.cend(), [&](double gap) { return std::abs(gap - median) <= tolerance; });
}

Slice sliceOf(const Candidate &c)
{
    return Slice {c.instance, c.frame, c.location};
}

// A stack ordered without geometry: location = rank.
Stack instanceOrderedStack(QList<Candidate> members, const Order &order, const ImagePlane &reference)
{
    std::sort(
        members.begin(), members.end(), [&](const Candidate &a, const Candidate &b) { return order.byInstance(a, b); });
    Stack stack;
    for (qsizetype i = 0; i < members.size(); ++i)
        stack.slices.append(Slice {members[i].instance, members[i].frame, double(i)});
    if (reference.hasOrientation && isFinite(reference.rowDirection) && isFinite(reference.columnDirection))
        stack.normal = reference.normal();
    stack.sortedByGeometry = false;
    stack.spacing = 0.0;
    stack.uniformSpacing = stack.slices.size() < 2;
    return stack;
}

// The slice normal turned so that increasing location follows the radiological reading order
// of the plane closest to it: axial head → feet (decreasing z in LPS), sagittal right → left
// (increasing x), coronal anterior → posterior (increasing y). Scanners number slices the same
// way, so "slice 1" is where a radiologist expects it to be.
Vec3 readingDirection(const Vec3 &normal)
{
    const double ax = std::abs(normal.x), ay = std::abs(normal.y), az = std::abs(normal.z);
    bool flip = false;
    if (az >= ax && az >= ay)
        flip = normal.z > 0.0;
    else if (ax >= ay)
        flip = normal.x < 0.0;
    else
        flip = normal.y < 0.0;
    return flip ? normal * -1.0 : normal;
}

QList<Stack> geometricStacks(const Group &group, const QList<InstanceInfo> &instances, const Order &order)
{
    const Vec3 normal = readingDirection(group.reference.normal());
    QList<Candidate> members = group.members;
    for (Candidate &m : members)
        m.location = instances[m.instance].planeOfFrame(m.frame).position.dot(normal);
    std::sort(members.begin(), members.end(), [&](const Candidate &a, const Candidate &b) {
        return a.location != b.location ? a.location < b.location : order.byAcquisition(a, b);
    });

    // Slices at one position, each position's slices in acquisition order.
    QList<QList<Candidate>> positions;
    for (const Candidate &m : members) {
        if (positions.isEmpty() || m.location - positions.last().first().location >= kSamePositionMm)
            positions.append(QList<Candidate> {});
        positions.last().append(m);
    }
    for (QList<Candidate> &p : positions)
        std::sort(
            p.begin(), p.end(), [&](const Candidate &a, const Candidate &b) { return order.byAcquisition(a, b); });

    if (positions.size() == 1 && members.size() > 1) { // a cine or a repeated single slice
        Stack stack;
        for (const Candidate &c : positions.first())
            stack.slices.append(sliceOf(c));
        stack.normal = normal;
        stack.sortedByGeometry = false;
        stack.spacing = 0.0;
        stack.uniformSpacing = false;
        return {stack};
    }

    qsizetype multiplicity = 0;
    for (const QList<Candidate> &p : positions)
        multiplicity = std::max(multiplicity, p.size());
    QList<Stack> stacks(multiplicity);
    for (const QList<Candidate> &p : positions) {
        for (qsizetype k = 0; k < p.size(); ++k)
            stacks[k].slices.append(sliceOf(p[k]));
    }
    for (Stack &stack : stacks) {
        stack.normal = normal;
        stack.sortedByGeometry = true;
        computeSpacing(stack);
    }
    return stacks;
}

struct SeriesKey
{
    QString studyDate;
    QString studyTime;
    QString studyInstanceUid;
    int seriesNumber = 0;
    QString seriesInstanceUid;

    bool operator<(const SeriesKey &o) const
    {
        return std::tie(studyDate, studyTime, studyInstanceUid, seriesNumber, seriesInstanceUid) <
            std::tie(o.studyDate, o.studyTime, o.studyInstanceUid, o.seriesNumber, o.seriesInstanceUid);
    }
};

// One copy per SOP Instance UID (the smallest path), in an order that does not depend on the input's.
QList<InstanceInfo> uniqueInstances(QList<InstanceInfo> instances)
{
    std::sort(instances.begin(), instances.end(), [](const InstanceInfo &a, const InstanceInfo &b) {
        return std::tie(a.sopInstanceUid, a.path) < std::tie(b.sopInstanceUid, b.path);
    });
    const auto end = std::unique(instances.begin(), instances.end(), [](const InstanceInfo &a, const InstanceInfo &b) {
        return !a.sopInstanceUid.isEmpty() && a.sopInstanceUid == b.sopInstanceUid;
    });
    instances.erase(end, instances.end());
    return instances;
}

} // namespace

QList<Stack> SeriesAssembler::buildStacks(const QList<InstanceInfo> &instances)
{
    const Order order(instances);
    struct Built
    {
        Stack stack;
        Candidate first; // the stack's earliest slice by instance order
    };
    QList<Built> built;
    for (const Group &group : groupSlices(instances)) {
        const QList<Stack> stacks = group.geometry
            ? geometricStacks(group, instances, order)
            : QList<Stack> {instanceOrderedStack(group.members, order, group.reference)};
        for (const Stack &stack : stacks) {
            Candidate first {stack.slices.first().instance, stack.slices.first().frame, 0.0};
            for (const Slice &s : stack.slices) {
                const Candidate c {s.instance, s.frame, 0.0};
                if (order.byInstance(c, first))
                    first = c;
            }
            built.append(Built {stack, first});
        }
    }
    std::sort(built.begin(), built.end(), [&](const Built &a, const Built &b) {
        if (a.stack.slices.size() != b.stack.slices.size())
            return a.stack.slices.size() > b.stack.slices.size();
        return order.byInstance(a.first, b.first);
    });
    QList<Stack> stacks;
    for (const Built &b : built)
        stacks.append(b.stack);
    return stacks;
}

QList<Series> SeriesAssembler::assemble(const QList<InstanceInfo> &instances)
{
    QMap<QString, QList<InstanceInfo>> bySeries;
    for (const InstanceInfo &info : uniqueInstances(instances))
        bySeries[info.seriesInstanceUid].append(info);

    QList<std::pair<SeriesKey, Series>> keyed;
    for (auto it = bySeries.begin(); it != bySeries.end(); ++it) {
        QList<InstanceInfo> members = it.value();
        std::sort(members.begin(), members.end(), [](const InstanceInfo &a, const InstanceInfo &b) {
            return std::tie(a.instanceNumber, a.sopInstanceUid, a.path) <
                std::tie(b.instanceNumber, b.sopInstanceUid, b.path);
        });
        const InstanceInfo &first = members.first();
        Series series;
        series.seriesInstanceUid = it.key();
        series.studyInstanceUid = first.studyInstanceUid;
        series.modality = first.modality;
        series.description = first.seriesDescription;
        series.seriesNumber = first.seriesNumber;
        series.instances = members;
        series.stacks = buildStacks(series.instances);
        keyed.append(
            {SeriesKey {first.studyDate, first.studyTime, first.studyInstanceUid, first.seriesNumber, it.key()},
             series});
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Series> result;
    for (const auto &[key, series] : keyed)
        result.append(series);
    return result;
}

} // namespace haip::dicom
