// What a reference AI service returns for one analysed series: the IHE AI Results set —
// DICOM Segmentation, Structured Report (TID 1500), an HTML report and a findings JSON
// (docs/api/results.md describes each for vendors).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace haip::services {

struct ServiceBundle
{
    // DICOM Part 10, Segmentation Storage (BINARY, or FRACTIONAL/PROBABILITY for heat maps).
    // Empty when nothing was found: a SEG needs at least one non-empty frame; the SR then
    // records "No abnormality detected" and findings["objects"]["segmentation"] is null.
    QByteArray segmentation;
    QByteArray structuredReport; // DICOM Part 10, Enhanced SR, TID 1500 Measurement Report
    // DICOM Part 10, Grayscale Softcopy Presentation State: a box and a label per finding on its
    // slice. Empty when nothing was found.
    QByteArray presentationState;
    QString htmlReport; // self-contained HTML (UTF-8), Japanese and English, no scripts, no remote resources
    QJsonObject findings; // "haip-findings/1", schema in docs/api/results.md
};

} // namespace haip::services
