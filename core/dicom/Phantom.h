// Synthetic, realistic-header CT studies for demos, tests and benchmarks: HU-valued anatomy
// (chest: body, fat, lungs, mediastinum, spine, ribs; head: skull, brain, ventricles) with
// known lesions, written as DICOM CT Image Storage files plus ground-truth.json next to them
// (lesions with centre in patient mm, diameter and HU). Deterministic for a given seed.
// Pixels are unsigned 16-bit stored values with Rescale Intercept −1024 (HU = stored − 1024,
// clamped to −1024…3071), as most scanners write them. Files are CT000001.dcm… in slice order.
#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace haip::dicom {

enum class PhantomKind
{
    ChestCt,
    HeadCt
};

struct PhantomOptions
{
    PhantomKind kind = PhantomKind::ChestCt;
    QString outputDir;
    int slices = 0; // 0: the kind's default (chest 300, head 160)
    int rows = 512;
    int columns = 512;
    quint64 seed = 1; // noise and identifiers; the anatomy and lesions are the same for every seed
    double sliceSpacing = 0.0; // mm between slice centres; 0: the kind's scan range / slices
    int threads = 0; // 0: one per core
    bool lesions = true; // false: the same anatomy without its lesions (a normal study; ground truth lists none)
    // Patient's Name as a DICOM PN with '=' groups; empty: "Yamada^Tarou=山田^太郎=やまだ^たろう".
    // Tests that must find (or not find) a name on screen give each phantom its own.
    QString patientName;
};

struct PhantomResult
{
    QStringList files; // in slice order, inferior → superior
    QString groundTruthPath;
    QString studyInstanceUid;
    QString seriesInstanceUid;
};

class PhantomGenerator
{
public:
    static Result<PhantomResult> generate(const PhantomOptions &options);
};

} // namespace haip::dicom
