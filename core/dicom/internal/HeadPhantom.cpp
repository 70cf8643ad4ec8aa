// The head CT phantom: an adult head without contrast, from the maxillary sinuses to the
// vertex. Scalp, a three-layer skull (tables ~1300 HU, diploe 700), grey matter 40 HU in a
// folded cortex over white matter 30 HU, deep grey nuclei, CSF-filled ventricles ~5 HU, and
// at the skull base orbits, sinuses, petrous bones and the posterior fossa. The ground truth is
// one hyperdense intraparenchymal haemorrhage (70 HU) in the right basal ganglia.
#include "dicom/internal/PhantomModel.h"
#include "dicom/internal/PhantomPainter.h"

#include <cmath>

namespace haip::dicom::phantom {
namespace {

using namespace Qt::StringLiterals;

// Typical HU of the tissues drawn (non-contrast head CT).
constexpr float kScalp = 30.0f;
constexpr float kSkullTable = 1300.0f;
constexpr float kDiploe = 700.0f;
constexpr float kSkullBase = 900.0f;
constexpr float kPetrous = 1400.0f;
constexpr float kCsf = 5.0f;
constexpr float kSubarachnoid = 8.0f;
constexpr float kGreyMatter = 40.0f;
constexpr float kWhiteMatter = 30.0f;
constexpr float kDeepGrey = 38.0f;
constexpr float kCerebellum = 36.0f;
constexpr float kBrainstem = 32.0f;
constexpr float kFalx = 65.0f;
constexpr float kOedema = 22.0f;
constexpr float kHaemorrhage = 70.0f;
constexpr float kVitreous = 10.0f;
constexpr float kLens = 110.0f;
constexpr float kOrbitalFat = -80.0f;
constexpr float kSoftTissue = 40.0f;
constexpr float kHolderShell = 300.0f;
constexpr float kHolderFoam = -800.0f;

// Head outline: an ellipsoid above z = −5, nearly constant below (face and skull base).
constexpr double kHeadA = 78.0, kHeadB = 96.0, kHeadZc = -5.0, kHeadHalf = 88.0;
constexpr double kScalpThickness = 5.0, kSkullThickness = 7.0;

double headScale(double z)
{
    if (z >= kHeadZc)
        return ellipsoidScale(z, kHeadZc, kHeadHalf);
    const double t = (kHeadZc - z) / 75.0;
    return 1.0 - 0.15 * t * t;
}

class HeadModel final : public AnatomyModel
{
public:
    HeadModel()
    {
        m_profile = StudyProfile {"head-ct",
                                  "HEAD",
                                  "CT HEAD WITHOUT CONTRAST ",
                                  u"頭部単純CT"_s,
                                  "Head 1.0mm Brain",
                                  "Routine head (phantom)",
                                  "H30s",
                                  120.0,
                                  300,
                                  52.0,
                                  {{40.0, 80.0, "BRAIN"}, {80.0, 200.0, "SUBDURAL"}, {600.0, 2800.0, "BONE"}}};
        m_lesions = {{u"haemorrhage-1"_s,
                      u"intraparenchymal-haemorrhage"_s,
                      u"right basal ganglia"_s,
                      {-28.0, 8.0, 18.0},
                      24.0,
                      kHaemorrhage,
                      0,
                      0}};
    }

    const StudyProfile &profile() const override { return m_profile; }
    int defaultSlices() const override { return 160; }
    double defaultScanLength() const override { return 160.0; }
    double scanCentre() const override { return 0.0; }
    double fieldOfView() const override { return 250.0; }
    double noiseSd() const override { return 3.0; }
    const QList<Lesion> &lesions() const override { return m_lesions; }
    void removeLesions() override { m_lesions.clear(); }

    void render(double z, const PlaneGrid &grid, float *hu) const override
    {
        PhantomPainter p(grid, hu);
        paintHolder(p);
        const double s = headScale(z);
        if (s <= 0.0)
            return;
        const double a = kHeadA * s, b = kHeadB * s;
        p.ellipse(0.0, 0.0, a, b, kScalp, LabelSkin);
        const double sa = a - kScalpThickness, sb = b - kScalpThickness;
        p.ellipse(0.0, 0.0, sa, sb, kSkullTable, LabelBone);
        p.ellipse(0.0, 0.0, sa - 2.0, sb - 2.0, kDiploe, LabelBone);
        p.ellipse(0.0, 0.0, sa - 5.0, sb - 5.0, kSkullTable, LabelBone);
        const double ia = sa - kSkullThickness, ib = sb - kSkullThickness;
        if (ia <= 0.0 || ib <= 0.0)
            return;
        p.ellipse(0.0, 0.0, ia, ib, kSubarachnoid, LabelCsf);
        paintCortex(p, z, ia - 1.5, ib - 1.5);
        if (z < -25.0)
            paintSkullBase(p, z, ia, ib);
        else
            paintDeepStructures(p, z);
        paintLesions(p, z);
    }

private:
    void paintHolder(PhantomPainter &p) const
    {
        // A curved head rest under the occiput.
        p.eachInBox(-90.0, 90.0, 98.0, 124.0, maskOf(LabelAir), [&](int i, double x, double y) {
            const double dy = y - (100.0 + 0.002 * x * x);
            if ((dy >= 0.0 && dy < 1.5) || (dy >= 8.0 && dy < 9.5))
                p.set(i, kHolderShell, LabelTable);
            else if (dy >= 1.5 && dy < 8.0)
                p.set(i, kHolderFoam, LabelTable);
        });
    }

    // Grey matter with gyri: the grey/white boundary lies 2.5–6 mm deep, and sulci (CSF)
    // reach in where the folding pattern is at its trough.
    void paintCortex(PhantomPainter &p, double z, double a, double b) const
    {
        p.eachInEllipse(0.0, 0.0, a, b, maskOf(LabelCsf), [&](int i, double x, double y) {
            const double phi = std::atan2(y, x);
            const double fold = std::sin(11.0 * phi + 0.15 * z) * std::cos(7.0 * phi - 0.11 * z);
            const double rho = ellipseRadius(x, y, 0.0, 0.0, a, b);
            const double depth = (1.0 - rho) * std::min(a, b); // approximate mm below the surface
            if (fold < -0.8 && depth < 7.0)
                return; // sulcus: keep CSF
            const double greyDepth = 4.25 + 1.75 * fold;
            p.set(i, depth < greyDepth ? kGreyMatter : kWhiteMatter, LabelBrain);
        });
    }

    void paintDeepStructures(PhantomPainter &p, double z) const
    {
        const quint32 brain = maskOf(LabelBrain) | maskOf(LabelCsf);
        if (const double k = ellipsoidScale(z, 10.0, 15.0); k > 0.0) {
            for (const double s : {-1.0, 1.0}) {
                p.ellipse(s * 22.0, 0.0, 8.0 * k, 16.0 * k, kDeepGrey, LabelBrain, brain); // lentiform
                p.ellipse(s * 10.0, 18.0, 9.0 * k, 11.0 * k, kDeepGrey, LabelBrain, brain); // thalamus
            }
        }
        if (const double k = ellipsoidScale(z, 22.0, 18.0); k > 0.0) { // lateral ventricles
            for (const double s : {-1.0, 1.0}) {
                p.ellipse(s * 9.0, -2.0, 6.0 * k, 30.0 * k, kCsf, LabelCsf, brain);
                p.ellipse(s * 16.0, 30.0, 5.0 * k, 10.0 * k, kCsf, LabelCsf, brain); // occipital horn
            }
        }
        if (const double k = ellipsoidScale(z, 2.0, 10.0); k > 0.0) // third ventricle
            p.ellipse(0.0, 12.0, 2.5 * k, 12.0 * k, kCsf, LabelCsf, brain);
        // Falx cerebri between the hemispheres, above the corpus callosum or away from it.
        if (z > -10.0) {
            p.eachInBox(-0.8, 0.8, -200.0, 200.0, maskOf(LabelBrain), [&](int i, double, double y) {
                if (std::abs(y) > 38.0 || z > 42.0)
                    p.set(i, kFalx, LabelSoft);
            });
        }
    }

    void paintSkullBase(PhantomPainter &p, double z, double ia, double ib) const
    {
        const quint32 brain = maskOf(LabelBrain) | maskOf(LabelCsf);
        const quint32 any = AnyLabel & ~maskOf(LabelAir) & ~maskOf(LabelTable);
        // The cranial floor is bone except where temporal lobes and the posterior fossa sit.
        p.ellipse(0.0, 0.0, ia, ib, kSkullBase, LabelBone, brain);
        const quint32 base = maskOf(LabelBone);
        if (z > -55.0) {
            for (const double s : {-1.0, 1.0})
                p.ellipse(s * 40.0, -10.0, 22.0, 30.0, kGreyMatter, LabelBrain, base);
        }
        if (z > -72.0) {
            const double k = z > -45.0 ? 1.0 : ellipsoidScale(z, -45.0, 27.0);
            p.ellipse(0.0, 42.0, 50.0 * k, 36.0 * k, kCerebellum, LabelBrain, base);
            p.ellipse(0.0, 16.0, 13.0, 11.0, kBrainstem, LabelBrain, base);
            if (z > -45.0)
                p.ellipse(0.0, 30.0, 5.0, 3.0, kCsf, LabelCsf, maskOf(LabelBrain)); // fourth ventricle
        }
        for (const double s : {-1.0, 1.0}) {
            p.capsule(z, {s * 15.0, 5.0, -50.0}, {s * 50.0, 25.0, -46.0}, 8.0, kPetrous, LabelBone, any);
            // Orbit: an opening through the front of the skull holding fat, the globe and its lens.
            p.capsule(z, {s * 32.0, -58.0, -45.0}, {s * 32.0, -100.0, -45.0}, 14.0, kSoftTissue, LabelSoft, any);
            p.capsule(z, {s * 32.0, -55.0, -45.0}, {s * 14.0, -20.0, -42.0}, 14.0, kOrbitalFat, LabelFat, any);
            p.sphere(z, {s * 32.0, -64.0, -45.0}, 12.0, kVitreous, LabelSoft, any);
            p.sphere(z, {s * 32.0, -75.0, -45.0}, 4.0, kLens, LabelSoft, maskOf(LabelSoft));
            p.capsule(z, {s * 30.0, -52.0, -45.0}, {s * 12.0, -15.0, -40.0}, 2.5, kSoftTissue, LabelSoft, any);
            // Maxillary sinus.
            p.capsule(z, {s * 30.0, -52.0, -62.0}, {s * 30.0, -52.0, -95.0}, 16.0, -1000.0f, LabelAir, any);
        }
        p.capsule(z, {0.0, -58.0, -38.0}, {0.0, -38.0, -52.0}, 11.0, -1000.0f, LabelAir, any); // ethmoid cells
        p.capsule(z, {0.0, -20.0, -50.0}, {0.0, -12.0, -58.0}, 11.0, -1000.0f, LabelAir, any); // sphenoid sinus
        p.capsule(z, {0.0, -70.0, -62.0}, {0.0, -70.0, -95.0}, 13.0, -1000.0f, LabelAir, any); // nasal cavity
        p.eachInBox(-1.0, 1.0, -83.0, -57.0, maskOf(LabelAir), [&](int i, double, double) {
            if (z < -62.0)
                p.set(i, kSkullBase, LabelBone); // nasal septum
        });
    }

    void paintLesions(PhantomPainter &p, double z) const
    {
        const quint32 brain = maskOf(LabelBrain) | maskOf(LabelCsf) | maskOf(LabelSoft);
        for (const Lesion &l : m_lesions) {
            // A rim of perihaematomal oedema, then the clot itself over everything.
            p.sphere(z, l.centre, l.diameter / 2.0 + 4.0, kOedema, LabelBrain, brain);
            p.sphere(z, l.centre, l.diameter / 2.0, float(l.hu), LabelLesion);
        }
    }

    StudyProfile m_profile;
    QList<Lesion> m_lesions;
};

} // namespace

std::unique_ptr<AnatomyModel> makeHeadModel()
{
    return std::make_unique<HeadModel>();
}

} // namespace haip::dicom::phantom
