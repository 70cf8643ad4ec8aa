// The chest CT phantom: an adult thorax in arterial-phase contrast, from the upper abdomen to
// the lower neck. Values are typical HU (body fat −100, muscle 50, lung −850 with a gravity
// gradient, contrast-filled aorta 200, cortical bone 1000, cancellous bone 300) and the shapes
// are ellipses, ellipsoids and capsules in patient mm, so every slice thickness and matrix
// samples the same anatomy. Six lung nodules (4–20 mm, one part-solid) are the ground truth.
#include "dicom/internal/PhantomModel.h"
#include "dicom/internal/PhantomPainter.h"
#include "dicom/internal/PhantomRandom.h"

#include <cmath>
#include <numbers>

namespace haip::dicom::phantom {
namespace {

using namespace Qt::StringLiterals;

// Typical HU of the tissues drawn (arterial-phase chest CT).
constexpr float kSkin = 30.0f;
constexpr float kFat = -100.0f;
constexpr float kMediastinalFat = -90.0f;
constexpr float kMuscle = 50.0f;
constexpr float kNeckSoftTissue = 45.0f;
constexpr float kLung = -850.0f;
constexpr float kLungGradientPerMm = 0.2f; // dependent (posterior) lung is denser
constexpr float kPulmonaryVessel = 80.0f;
constexpr float kBronchialWall = 40.0f;
constexpr float kHeart = 40.0f;
constexpr float kBloodPool = 48.0f;
constexpr float kAortaContrast = 200.0f;
constexpr float kPulmonaryArteryContrast = 180.0f;
constexpr float kVenaCava = 120.0f;
constexpr float kLiver = 60.0f;
constexpr float kSpleen = 48.0f;
constexpr float kStomach = 25.0f;
constexpr float kCorticalBone = 1000.0f;
constexpr float kPosteriorElements = 800.0f;
constexpr float kCancellousBone = 300.0f;
constexpr float kDisc = 80.0f;
constexpr float kCostalCartilage = 120.0f;
constexpr float kCsf = 10.0f;
constexpr float kTableShell = 350.0f;
constexpr float kTableFoam = -900.0f;
constexpr float kNodule = 30.0f;
constexpr float kGroundGlass = -600.0f;

// Body and thoracic cavity outlines (mm, centred on the isocentre).
constexpr double kBodyA = 160.0, kBodyB = 112.0;
constexpr double kCavityA = 130.0, kCavityB = 80.0;
constexpr double kTableTop = 114.0;

struct Segment
{
    Vec3 p;
    Vec3 q;
    double radius;
    double zMin;
    double zMax;
};

Segment segment(const Vec3 &p, const Vec3 &q, double radius)
{
    return {p, q, radius, std::min(p.z, q.z) - radius, std::max(p.z, q.z) + radius};
}

// Height of the diaphragm under (x, y): two domes, the right one higher (liver below it).
double diaphragmZ(double x, double y)
{
    const double u = (std::abs(x) - 62.0) / 78.0;
    const double v = (y - 5.0) / 95.0;
    const double dome = std::max(0.0, 1.0 - u * u - v * v);
    const double right = std::clamp((20.0 - x) / 40.0, 0.0, 1.0); // blend over the midline
    return -150.0 + 48.0 * dome + 12.0 * right * right * (3.0 - 2.0 * right);
}

class ChestModel final : public AnatomyModel
{
public:
    ChestModel()
    {
        m_profile = StudyProfile {"chest-ct",
                                  "CHEST",
                                  "CT CHEST WITH CONTRAST ",
                                  u"胸部造影CT"_s,
                                  "Chest 1.25mm Standard",
                                  "Routine chest (phantom)",
                                  "STANDARD",
                                  120.0,
                                  220,
                                  8.4,
                                  {{-600.0, 1500.0, "LUNG"}, {40.0, 400.0, "MEDIASTINUM"}}};
        // Known lesions: centres inside the lung fields, away from the hila. nodule-5 (4 mm) sits
        // clear of the vessel tree (≥ 5 mm to the nearest vessel wall): at its first place, inside a
        // bifurcation of 4–5 mm vessels, no reader or algorithm could have told it from them.
        m_lesions = {
            {u"nodule-1"_s, u"solid-nodule"_s, u"right upper lobe"_s, {-80.0, -10.0, 90.0}, 8.0, kNodule, 0, 0},
            {u"nodule-2"_s, u"solid-nodule"_s, u"left upper lobe"_s, {85.0, 10.0, 60.0}, 12.0, kNodule, 0, 0},
            {u"nodule-3"_s, u"solid-nodule"_s, u"right lower lobe"_s, {-90.0, 40.0, -60.0}, 20.0, kNodule, 0, 0},
            {u"nodule-4"_s, u"solid-nodule"_s, u"left lower lobe"_s, {95.0, 30.0, -40.0}, 6.0, kNodule, 0, 0},
            {u"nodule-5"_s, u"solid-nodule"_s, u"right middle lobe"_s, {-90.0, -40.0, -10.0}, 4.0, kNodule, 0, 0},
            {u"nodule-6"_s,
             u"part-solid-nodule"_s,
             u"left upper lobe, lingula"_s,
             {70.0, -40.0, 20.0},
             16.0,
             kGroundGlass,
             6.0,
             kNodule},
        };
        buildVessels();
        buildMediastinalVessels();
    }

    const StudyProfile &profile() const override { return m_profile; }
    int defaultSlices() const override { return 300; }
    double defaultScanLength() const override { return 375.0; }
    double scanCentre() const override { return 0.0; }
    double fieldOfView() const override { return 360.0; }
    double noiseSd() const override { return 6.0; }
    const QList<Lesion> &lesions() const override { return m_lesions; }
    void removeLesions() override { m_lesions.clear(); }

    void render(double z, const PlaneGrid &grid, float *hu) const override
    {
        PhantomPainter p(grid, hu);
        paintTable(p);
        paintBody(p, z);
        paintLungsAndAbdomen(p, z);
        paintMediastinum(p, z);
        paintSpine(p, z);
        paintRibs(p, z);
        paintShoulderGirdle(p, z);
        paintPulmonaryTrees(p, z);
        paintLesions(p, z);
    }

private:
    void paintTable(PhantomPainter &p) const
    {
        // A carbon-fibre couch: two thin shells around a foam core, curved up at the sides.
        p.eachInBox(
            -175.0, 175.0, kTableTop - 25.0, kTableTop + 12.0, maskOf(LabelAir), [&](int i, double x, double y) {
                const double dy = y - (kTableTop - 0.0006 * x * x);
                if ((dy >= 0.0 && dy < 1.5) || (dy >= 9.0 && dy < 10.5))
                    p.set(i, kTableShell, LabelTable);
                else if (dy >= 1.5 && dy < 9.0)
                    p.set(i, kTableFoam, LabelTable);
            });
    }

    void paintBody(PhantomPainter &p, double z) const
    {
        p.ellipse(0.0, 0.0, kBodyA, kBodyB, kSkin, LabelSkin);
        p.ellipse(0.0, 0.0, kBodyA - 2.0, kBodyB - 2.0, kFat, LabelFat);
        p.ellipse(0.0, 2.0, 144.0, 96.0, kMuscle, LabelMuscle);
        // Pectoral muscles in front of the chest wall, paraspinal muscles behind it.
        for (const double s : {-1.0, 1.0}) {
            p.ellipse(s * 62.0, -90.0, 55.0, 11.0, kMuscle, LabelMuscle, maskOf(LabelFat));
            p.ellipse(s * 32.0, 100.0, 24.0, 11.0, kMuscle, LabelMuscle, maskOf(LabelFat));
        }
        const float fill = z > 150.0 ? kNeckSoftTissue : kMediastinalFat;
        p.ellipse(0.0, 0.0, kCavityA, kCavityB, fill, LabelCavity, maskOf(LabelMuscle));
    }

    void paintLungsAndAbdomen(PhantomPainter &p, double z) const
    {
        // Lungs taper to the apices above z = 90 and stop at the diaphragm below.
        const double taper = z > 90.0 ? ellipsoidScale(z, 90.0, 78.0) : 1.0;
        for (const double s : {-1.0, 1.0}) {
            p.eachInEllipse(
                s * 72.0, 8.0, 60.0 * taper, 76.0 * taper, maskOf(LabelCavity), [&](int i, double x, double y) {
                    if (z > diaphragmZ(x, y))
                        p.set(i, kLung + kLungGradientPerMm * float(y), LabelLung);
                });
        }
        if (z > -40.0)
            return;
        const quint32 below = maskOf(LabelCavity);
        auto organ = [&](double cx, double cy, double a, double b, auto value) {
            p.eachInEllipse(cx, cy, a, b, below, [&](int i, double x, double y) {
                if (z <= diaphragmZ(x, y))
                    p.set(i, value(y), LabelSoft);
            });
        };
        organ(-45.0, 0.0, 90.0, 75.0, [](double) { return kLiver; });
        organ(85.0, 45.0, 30.0, 28.0, [](double) { return kSpleen; });
        // Stomach with an air-fluid level (air anterior, the patient lying supine).
        organ(60.0, -20.0, 45.0, 40.0, [](double y) { return y < -35.0 ? -1000.0f : kStomach; });
    }

    void paintMediastinum(PhantomPainter &p, double z) const
    {
        const quint32 thorax = maskOf(LabelCavity) | maskOf(LabelLung);
        // Heart: an ellipsoid pointing left, in a rim of pericardial fat.
        const double k = ellipsoidScale(z, -80.0, 58.0);
        if (k > 0.0) {
            p.ellipse(22.0, -18.0, 68.0 * k + 3.0, 56.0 * k + 3.0, kMediastinalFat, LabelCavity, thorax);
            p.ellipse(22.0, -18.0, 68.0 * k, 56.0 * k, kHeart, LabelSoft, thorax);
            p.ellipse(38.0, -22.0, 26.0 * k, 20.0 * k, kBloodPool, LabelSoft, maskOf(LabelSoft));
        }
        if (z > -40.0 && z < 150.0)
            p.ellipse(3.0, -5.0, 30.0, 70.0, kMediastinalFat, LabelCavity, maskOf(LabelLung));
        const quint32 soft = thorax | maskOf(LabelSoft) | maskOf(LabelMuscle) | maskOf(LabelFat);
        for (const auto &[seg, value] : m_mediastinalVessels) {
            if (z >= seg.zMin && z <= seg.zMax)
                p.capsule(z, seg.p, seg.q, seg.radius, value, LabelSoft, soft);
        }
        // Trachea and main bronchi: a soft-tissue wall around air.
        for (const Segment &seg : m_airways) {
            if (z < seg.zMin || z > seg.zMax)
                continue;
            p.capsule(z, seg.p, seg.q, seg.radius + 2.0, kBronchialWall, LabelSoft, soft);
            p.capsule(z, seg.p, seg.q, seg.radius, -1000.0f, LabelSoft, soft);
        }
    }

    void paintSpine(PhantomPainter &p, double z) const
    {
        const quint32 over =
            maskOf(LabelCavity) | maskOf(LabelLung) | maskOf(LabelMuscle) | maskOf(LabelFat) | maskOf(LabelSoft);
        // Vertebral bodies 22 mm high between 6 mm discs.
        const bool disc = std::fmod(z + 1000.0, 28.0) < 6.0;
        if (disc) {
            p.ellipse(0.0, 60.0, 21.0, 18.0, kDisc, LabelSoft, over);
        } else {
            p.ellipse(0.0, 60.0, 21.0, 18.0, kCorticalBone, LabelBone, over);
            p.ellipse(0.0, 60.0, 18.5, 15.5, kCancellousBone, LabelBone, maskOf(LabelBone));
        }
        // Posterior arch, spinal canal, spinous and transverse processes.
        p.ellipse(0.0, 88.0, 15.0, 14.0, kPosteriorElements, LabelBone, over);
        p.ellipse(0.0, 88.0, 9.0, 8.0, kCsf, LabelSoft, maskOf(LabelBone));
        p.capsule(z, {0.0, 100.0, z}, {0.0, 112.0, z - 8.0}, 4.0, kPosteriorElements, LabelBone, over);
        for (const double s : {-1.0, 1.0})
            p.capsule(z, {s * 8.0, 84.0, z}, {s * 30.0, 90.0, z}, 4.0, kPosteriorElements, LabelBone, over);
    }

    void paintRibs(PhantomPainter &p, double z) const
    {
        // Twelve pairs: each rib leaves the spine at zPost and descends ~50 mm towards the front.
        constexpr double kTopRib = 140.0, kRibPitch = 23.0, kDrop = 50.0;
        constexpr double kRadialCentre = 4.5, kRadialHalf = 5.0, kZHalf = 7.0;
        const quint32 over = maskOf(LabelMuscle) | maskOf(LabelCavity) | maskOf(LabelLung) | maskOf(LabelFat);
        p.eachInEllipse(0.0, 0.0, kCavityA + 14.0, kCavityB + 14.0, over, [&](int i, double x, double y) {
            const double phi = std::atan2(x, y); // 0 posterior, ±π anterior
            const double theta = std::abs(phi);
            const double sn = std::sin(phi) / kCavityA, cs = std::cos(phi) / kCavityB;
            const double d = std::hypot(x, y) - 1.0 / std::sqrt(sn * sn + cs * cs);
            if (d < kRadialCentre - kRadialHalf || d > kRadialCentre + kRadialHalf || theta < 0.35)
                return;
            const double drop = kDrop * std::pow(theta / std::numbers::pi, 1.3);
            const int k = int(std::lround((kTopRib - drop - z) / kRibPitch));
            if (k < 0 || k > 11)
                return;
            const double dz = z - (kTopRib - k * kRibPitch - drop);
            const double u = (d - kRadialCentre) / kRadialHalf, v = dz / kZHalf;
            const double rho = std::sqrt(u * u + v * v);
            if (rho > 1.0)
                return;
            const double boneEnd = k >= 10 ? 1.9 - 0.3 * (k - 10) : 2.55; // floating ribs are short
            if (theta <= boneEnd)
                p.set(i, rho > 0.65 ? kCorticalBone : kCancellousBone, LabelBone);
            else if (k < 7 && theta < 2.9) // true ribs reach the sternum through cartilage
                p.set(i, kCostalCartilage, LabelSoft);
        });
        if (z > -120.0 && z < 60.0) { // sternum
            p.ellipse(0.0, -84.0, 15.0, 7.0, kCorticalBone * 0.7f, LabelBone, over);
            p.ellipse(0.0, -84.0, 12.0, 4.5, kCancellousBone * 0.8f, LabelBone, maskOf(LabelBone));
        }
    }

    void paintShoulderGirdle(PhantomPainter &p, double z) const
    {
        const quint32 over = maskOf(LabelMuscle) | maskOf(LabelFat) | maskOf(LabelCavity);
        for (const double s : {-1.0, 1.0}) {
            p.capsule(z, {s * 60.0, 100.0, 40.0}, {s * 115.0, 72.0, 150.0}, 5.0, kPosteriorElements, LabelBone, over);
            p.capsule(z, {s * 15.0, -95.0, 148.0}, {s * 125.0, -75.0, 158.0}, 7.0, kPosteriorElements, LabelBone, over);
        }
    }

    void paintPulmonaryTrees(PhantomPainter &p, double z) const
    {
        // Vessels fade into the lung over one pixel so thin branches keep their partial volume.
        const double px = p.grid().spacing;
        const quint32 lung = maskOf(LabelLung) | maskOf(LabelVessel);
        for (const Segment &seg : m_vessels) {
            if (z < seg.zMin || z > seg.zMax)
                continue;
            p.eachInCapsule(z, seg.p, seg.q, seg.radius + 0.5 * px, lung, [&](int i, double dist) {
                const double w = std::clamp((seg.radius - dist) / px + 0.5, 0.0, 1.0);
                const float v = float(p.hu()[i] + (kPulmonaryVessel - p.hu()[i]) * w);
                if (v > p.hu()[i])
                    p.set(i, v, LabelVessel);
            });
        }
        for (const Segment &seg : m_bronchi) {
            if (z < seg.zMin - 1.5 || z > seg.zMax + 1.5)
                continue;
            p.capsule(z, seg.p, seg.q, seg.radius + 1.2, kBronchialWall, LabelVessel, lung);
            p.capsule(z, seg.p, seg.q, seg.radius, -1000.0f, LabelVessel, lung);
        }
    }

    void paintLesions(PhantomPainter &p, double z) const
    {
        for (const Lesion &l : m_lesions) {
            p.sphere(z, l.centre, l.diameter / 2.0, float(l.hu), LabelLesion);
            if (l.coreDiameter > 0.0)
                p.sphere(z, l.centre, l.coreDiameter / 2.0, float(l.coreHu), LabelLesion);
        }
    }

    // Pulmonary vessel and bronchial trees: four lobar trunks per lung branching dichotomously
    // from the hilum. The shape comes from a fixed anatomical seed, not the study seed, so
    // every phantom has the same anatomy and only noise and identifiers change with the seed.
    void buildVessels()
    {
        SplitMix64 rng(0x0A4A70A11ULL);
        const std::array<Vec3, 7> trunks {{{0.45, -0.15, 0.85},
                                           {0.5, 0.5, 0.6},
                                           {0.9, -0.45, -0.05},
                                           {0.8, 0.3, 0.2},
                                           {0.55, 0.35, -0.75},
                                           {0.35, 0.75, -0.45},
                                           {0.5, -0.4, -0.6}}};
        for (const double s : {-1.0, 1.0}) {
            const Vec3 hilum {s * 42.0, 4.0, -2.0};
            for (const Vec3 &t : trunks)
                branch(rng, hilum, Vec3 {s * t.x, t.y, t.z}.normalized(), 26.0, 5.5, 0);
        }
    }

    void branch(SplitMix64 &rng, const Vec3 &from, const Vec3 &dir, double length, double radius, int depth)
    {
        const Vec3 to = from + dir * length;
        m_vessels.append(segment(from, to, radius));
        if (depth <= 1)
            m_bronchi.append(segment(from + Vec3 {0.0, 5.0, 0.0}, to + Vec3 {0.0, 5.0, 0.0}, radius * 0.55));
        if (radius < 0.6 || depth >= 9)
            return;
        // Two children, spread about a random axis perpendicular to the parent.
        Vec3 axis = dir.cross(Vec3 {rng.uniform() - 0.5, rng.uniform() - 0.5, rng.uniform() - 0.5}).normalized();
        if (axis.length() == 0.0)
            axis = dir.cross(Vec3 {0.0, 0.0, 1.0}).normalized();
        for (const double side : {-1.0, 1.0}) {
            const double angle = side * (0.35 + 0.25 * rng.uniform());
            const Vec3 child = (dir * std::cos(angle) + axis * std::sin(angle)).normalized();
            branch(rng, to, child, length * (0.74 + 0.1 * rng.uniform()), radius * 0.78, depth + 1);
        }
    }

    void buildMediastinalVessels()
    {
        auto add = [&](Vec3 a, Vec3 b, double r, float v) {
            m_mediastinalVessels.append({segment(a, b, r), v});
        };
        add({15, -15, -60}, {12, -12, 55}, 15.0, kAortaContrast); // ascending aorta
        add({12, -12, 55}, {10, 10, 72}, 13.0, kAortaContrast); // arch
        add({10, 10, 72}, {22, 42, 62}, 12.0, kAortaContrast);
        add({22, 42, 62}, {12, 55, -200}, 12.0, kAortaContrast); // descending aorta
        add({5, -5, 72}, {-15, -10, 190}, 7.0, kAortaContrast); // brachiocephalic trunk
        add({12, 0, 76}, {12, -5, 190}, 4.5, kAortaContrast); // left common carotid
        add({18, 10, 72}, {40, 0, 190}, 5.0, kAortaContrast); // left subclavian
        add({25, -25, -35}, {18, -8, 5}, 13.0, kPulmonaryArteryContrast); // pulmonary trunk
        add({18, -8, 5}, {44, 4, 3}, 10.0, kPulmonaryArteryContrast);
        add({18, -8, 5}, {-42, 4, -1}, 10.0, kPulmonaryArteryContrast);
        add({-25, -15, 90}, {-22, -12, -35}, 10.0, kVenaCava); // superior vena cava
        add({8, 35, -150}, {2, 30, 190}, 8.0, kMuscle); // oesophagus
        m_airways.append(segment({0, -5, 190}, {0, 5, 15}, 8.5)); // trachea
        m_airways.append(segment({0, 5, 15}, {-35, 8, 0}, 6.0)); // right main bronchus
        m_airways.append(segment({0, 5, 15}, {40, 10, -5}, 5.5)); // left main bronchus
    }

    StudyProfile m_profile;
    QList<Lesion> m_lesions;
    QList<Segment> m_vessels;
    QList<Segment> m_bronchi;
    QList<Segment> m_airways;
    QList<std::pair<Segment, float>> m_mediastinalVessels;
};

} // namespace

std::unique_ptr<AnatomyModel> makeChestModel()
{
    return std::make_unique<ChestModel>();
}

} // namespace haip::dicom::phantom
