#include "dicom/SegmentPlacement.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <cmath>
#include <numbers>
#include <utility>

namespace haip::dicom {
namespace {

using namespace Qt::StringLiterals;

QString tr(const char *text)
{
    return QCoreApplication::translate("SegmentPlacement", text);
}

QString mm(double v)
{
    return QString::number(v, 'f', 2);
}

QString vec(const Vec3 &v)
{
    return u"(%1, %2, %3)"_s.arg(
        QString::number(v.x, 'f', 3), QString::number(v.y, 'f', 3), QString::number(v.z, 'f', 3));
}

struct SliceRef
{
    int stack = -1;
    int slice = -1;
};

bool sameDirection(const Vec3 &a, const Vec3 &b)
{
    static const double minCos = std::cos(SegmentPlacement::OrientationToleranceDegrees * std::numbers::pi / 180.0);
    return a.normalized().dot(b.normalized()) >= minCos;
}

bool sameSpacing(double a, double b)
{
    return std::abs(a - b) <= SegmentPlacement::SpacingTolerance * std::max(a, b) + 1e-6;
}

// Half the distance between slices: how far along the normal a frame may sit from a slice.
double normalTolerance(const Stack &stack, const ImagePlane &plane)
{
    if (stack.spacing > 0.0)
        return stack.spacing / 2.0;
    if (plane.sliceThickness > 0.0)
        return plane.sliceThickness / 2.0;
    return 0.5;
}

class Placer
{
public:
    Placer(const Series &series, const Segmentation &seg) : m_series(series), m_seg(seg)
    {
        for (int s = 0; s < series.stacks.size(); ++s) {
            const QList<Slice> &slices = series.stacks[s].slices;
            for (int i = 0; i < slices.size(); ++i)
                m_sliceOf.insert(key(slices[i].instance, slices[i].frame), SliceRef {s, i});
        }
        for (int i = 0; i < series.instances.size(); ++i)
            m_instanceOf.insert(series.instances[i].sopInstanceUid, i);
    }

    // The slice of frame `f`, or the reason it has none.
    Result<SliceRef> place(int f) const
    {
        const SegmentationFrame &frame = m_seg.frames[f];
        const QString which = tr("frame %1 (segment %2)").arg(f + 1).arg(frame.segmentNumber);
        SliceRef referenced;
        if (!frame.sourceSopInstanceUid.isEmpty()) {
            const auto instance = m_instanceOf.constFind(frame.sourceSopInstanceUid);
            const int sourceFrame = std::max(frame.sourceFrame - 1, 0);
            const auto slice =
                instance == m_instanceOf.cend() ? m_sliceOf.cend() : m_sliceOf.constFind(key(*instance, sourceFrame));
            if (slice == m_sliceOf.cend())
                return refuse(tr("%1 was made from image %2, which is not in this series (%3)")
                                  .arg(which, frame.sourceSopInstanceUid, m_series.seriesInstanceUid));
            referenced = *slice;
        }
        if (!frame.plane.hasPosition || !frame.plane.hasOrientation) {
            if (referenced.stack < 0)
                return refuse(tr("%1 has neither a position in the patient nor a source image").arg(which));
            return checkGrid(which, frame, referenced);
        }
        // The nearest slice of a stack with the same orientation.
        SliceRef best;
        double bestDistance = 0.0;
        const Stack *orientedStack = nullptr;
        for (int s = 0; s < m_series.stacks.size(); ++s) {
            const Stack &stack = m_series.stacks[s];
            if (stack.slices.isEmpty())
                continue;
            const ImagePlane &first = planeOf(SliceRef {s, 0});
            if (!first.hasOrientation || !sameDirection(first.rowDirection, frame.plane.rowDirection) ||
                !sameDirection(first.columnDirection, frame.plane.columnDirection))
                continue;
            orientedStack = &stack;
            const Vec3 normal = first.normal();
            for (int i = 0; i < stack.slices.size(); ++i) {
                const ImagePlane &p = planeOf(SliceRef {s, i});
                const double d = std::abs((frame.plane.position - p.position).dot(normal));
                if (best.stack < 0 || d < bestDistance) {
                    best = SliceRef {s, i};
                    bestDistance = d;
                }
            }
        }
        if (orientedStack == nullptr) {
            const ImagePlane &image = referenced.stack >= 0 ? planeOf(referenced) : planeOf(SliceRef {0, 0});
            return refuse(tr("%1 is oriented differently from the images (rows %2, columns %3 against rows %4, "
                             "columns %5): flipped or rotated")
                              .arg(which,
                                   vec(frame.plane.rowDirection),
                                   vec(frame.plane.columnDirection),
                                   vec(image.rowDirection),
                                   vec(image.columnDirection)));
        }
        const Stack &stack = m_series.stacks[best.stack];
        const ImagePlane &image = planeOf(best);
        const double tolerance = normalTolerance(stack, image);
        if (bestDistance > tolerance)
            return refuse(tr("%1 lies %2 mm from the nearest slice (at most %3 mm allowed): it is on no slice of "
                             "this series")
                              .arg(which, mm(bestDistance), mm(tolerance)));
        if (referenced.stack >= 0 && (referenced.stack != best.stack || referenced.slice != best.slice))
            return refuse(tr("%1 lies on slice %2 but was made from slice %3: its position does not match its "
                             "source image")
                              .arg(which)
                              .arg(best.slice + 1)
                              .arg(referenced.slice + 1));
        // A frame that names its source image must lie on it, not merely nearer to it than to
        // its neighbours.
        const double onSource = std::max(SegmentPlacement::InPlaneToleranceMm, 0.1 * stack.spacing);
        if (referenced.stack >= 0 && bestDistance > onSource)
            return refuse(tr("%1 lies %2 mm from its source image (at most %3 mm allowed)")
                              .arg(which, mm(bestDistance), mm(onSource)));
        const Vec3 offset = frame.plane.position - image.position;
        const double inPlane =
            std::hypot(offset.dot(image.rowDirection.normalized()), offset.dot(image.columnDirection.normalized()));
        if (inPlane > SegmentPlacement::InPlaneToleranceMm)
            return refuse(tr("%1 is shifted %2 mm within the slice plane from the image (at most %3 mm allowed)")
                              .arg(which, mm(inPlane), mm(SegmentPlacement::InPlaneToleranceMm)));
        return checkGrid(which, frame, best);
    }

    const ImagePlane &planeOf(SliceRef ref) const
    {
        const Slice &slice = m_series.stacks[ref.stack].slices[ref.slice];
        return m_series.instances[slice.instance].planeOfFrame(slice.frame);
    }

private:
    static qint64 key(int instance, int frame) { return (qint64(instance) << 32) | quint32(frame); }

    Result<SliceRef> checkGrid(const QString &which, const SegmentationFrame &frame, SliceRef ref) const
    {
        const Slice &slice = m_series.stacks[ref.stack].slices[ref.slice];
        const InstanceInfo &info = m_series.instances[slice.instance];
        if (info.rows != m_seg.rows || info.columns != m_seg.columns)
            return refuse(tr("%1 has %2 × %3 pixels but its image has %4 × %5")
                              .arg(which)
                              .arg(m_seg.columns)
                              .arg(m_seg.rows)
                              .arg(info.columns)
                              .arg(info.rows));
        const ImagePlane &image = info.planeOfFrame(slice.frame);
        if (frame.plane.hasSpacing() && image.hasSpacing() &&
            (!sameSpacing(frame.plane.rowSpacing, image.rowSpacing) ||
             !sameSpacing(frame.plane.columnSpacing, image.columnSpacing)))
            return refuse(tr("%1 has pixels of %2 × %3 mm but its image has %4 × %5 mm")
                              .arg(which,
                                   QString::number(frame.plane.rowSpacing, 'g', 6),
                                   QString::number(frame.plane.columnSpacing, 'g', 6),
                                   QString::number(image.rowSpacing, 'g', 6),
                                   QString::number(image.columnSpacing, 'g', 6)));
        return ref;
    }

    static Error refuse(const QString &reason) { return Error(ErrorCode::SegmentationMismatch, reason); }

    const Series &m_series;
    const Segmentation &m_seg;
    QHash<qint64, SliceRef> m_sliceOf; // (instance, frame) → slice
    QHash<QString, int> m_instanceOf; // SOP Instance UID → index into instances
};

QString subjectOf(const Segmentation &seg)
{
    return seg.seriesDescription.isEmpty() ? seg.sopInstanceUid : seg.seriesDescription;
}

double frameVoxels(const Segmentation &seg, const SegmentationFrame &frame)
{
    if (!seg.isFractional())
        return frame.nonZero;
    const auto *p = reinterpret_cast<const quint8 *>(frame.pixels.constData());
    double sum = 0.0;
    if (seg.fractionalType == FractionalType::Occupancy) {
        for (qsizetype k = 0; k < frame.pixels.size(); ++k)
            sum += p[k];
        return sum / seg.maximumFractionalValue;
    }
    for (qsizetype k = 0; k < frame.pixels.size(); ++k)
        sum += 2 * int(p[k]) >= seg.maximumFractionalValue ? 1.0 : 0.0;
    return sum;
}

} // namespace

QList<int> PlacedSegmentation::framesOnSlice(int slice) const
{
    return slice >= 0 && slice < m_framesOfSlice.size() ? m_framesOfSlice[slice] : QList<int> {};
}

const SegmentMeasure *PlacedSegmentation::measure(int segmentNumber) const
{
    for (const SegmentMeasure &m : measures)
        if (m.segmentNumber == segmentNumber)
            return &m;
    return nullptr;
}

std::optional<SegmentRegion> PlacedSegmentation::regionOf(int segmentNumber) const
{
    if (!segmentation)
        return std::nullopt;
    int bestFrame = -1;
    for (int f = 0; f < segmentation->frames.size(); ++f) {
        const SegmentationFrame &frame = segmentation->frames[f];
        if (frame.segmentNumber == segmentNumber && frame.nonZero > 0 &&
            (bestFrame < 0 || frame.nonZero > segmentation->frames[bestFrame].nonZero))
            bestFrame = f;
    }
    if (bestFrame < 0)
        return std::nullopt;
    const SegmentationFrame &frame = segmentation->frames[bestFrame];
    QRect box;
    const int columns = segmentation->columns;
    for (int r = 0; r < segmentation->rows; ++r)
        for (int c = 0; c < columns; ++c)
            if (frame.pixels[r * columns + c] != 0)
                box |= QRect(c, r, 1, 1);
    return SegmentRegion {sliceOfFrame[bestFrame], box};
}

Result<PlacedSegmentation> SegmentPlacement::place(const Series &series,
                                                   std::shared_ptr<const Segmentation> segmentation)
{
    if (!segmentation)
        return Error(ErrorCode::InvalidArgument, u"no segmentation"_s);
    const Segmentation &seg = *segmentation;
    const QString subject = subjectOf(seg);
    const auto refuse = [&](const QString &reason) {
        return Error(ErrorCode::SegmentationMismatch, reason, subject);
    };
    if (seg.frames.isEmpty())
        return refuse(tr("the segmentation has no frames"));
    if (series.stacks.isEmpty())
        return refuse(tr("the series %1 has no images").arg(series.seriesInstanceUid));

    // Frame of Reference: the SEG's must be the series'. Without one, every frame must name
    // its source image.
    if (!seg.frameOfReferenceUid.isEmpty()) {
        QSet<QString> seriesFrames;
        for (const InstanceInfo &info : series.instances)
            if (!info.frameOfReferenceUid.isEmpty())
                seriesFrames.insert(info.frameOfReferenceUid);
        if (!seriesFrames.contains(seg.frameOfReferenceUid))
            return refuse(
                tr("its frame of reference %1 is not that of the images (%2): it was made for another "
                   "scan or patient position")
                    .arg(seg.frameOfReferenceUid,
                         seriesFrames.isEmpty() ? tr("none") : QStringList(seriesFrames.values()).join(u", "_s)));
    }

    Placer placer(series, seg);
    PlacedSegmentation out;
    out.segmentation = std::move(segmentation); // seg still refers to the same object, now owned by out
    out.sliceOfFrame.reserve(seg.frames.size());
    int stack = -1;
    for (int f = 0; f < seg.frames.size(); ++f) {
        Result<SliceRef> ref = placer.place(f);
        if (!ref)
            return ref.error().withSubject(subject);
        if (stack >= 0 && ref->stack != stack)
            return refuse(
                tr("its frames lie on different stacks of the series (%1 and %2)").arg(stack + 1).arg(ref->stack + 1));
        stack = ref->stack;
        out.sliceOfFrame << ref->slice;
    }
    out.stack = stack;
    const Stack &placedStack = series.stacks[stack];
    out.sliceCount = placedStack.slices.size();
    out.m_framesOfSlice.resize(out.sliceCount);
    for (int f = 0; f < out.sliceOfFrame.size(); ++f)
        out.m_framesOfSlice[out.sliceOfFrame[f]] << f;

    // Measures: pixel size from the images, slice spacing from the stack (else the SEG's).
    const ImagePlane &image = placer.planeOf(SliceRef {stack, out.sliceOfFrame.first()});
    out.rowSpacing = image.rowSpacing > 0 ? image.rowSpacing : seg.frames.first().plane.rowSpacing;
    out.columnSpacing = image.columnSpacing > 0 ? image.columnSpacing : seg.frames.first().plane.columnSpacing;
    out.sliceSpacing = placedStack.spacing > 0 ? placedStack.spacing
        : seg.spacingBetweenSlices > 0         ? seg.spacingBetweenSlices
        : seg.sliceThickness > 0               ? seg.sliceThickness
                                               : image.sliceThickness;
    const double voxelMl = out.rowSpacing * out.columnSpacing * out.sliceSpacing / 1000.0;
    for (const Segment &segment : seg.segments) {
        SegmentMeasure m;
        m.segmentNumber = segment.number;
        QSet<int> slices;
        for (int f = 0; f < seg.frames.size(); ++f) {
            if (seg.frames[f].segmentNumber != segment.number)
                continue;
            const double v = frameVoxels(seg, seg.frames[f]);
            m.voxels += v;
            if (v > 0)
                slices.insert(out.sliceOfFrame[f]);
        }
        m.slices = slices.size();
        m.volumeMl = m.voxels * voxelMl;
        out.measures << m;
    }
    return out;
}

} // namespace haip::dicom
