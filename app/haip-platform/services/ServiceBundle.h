// What a reference AI service returns for one analysed series: the IHE AI Results set —
// DICOM Segmentation, Structured Report (TID 1500), an HTML report and a findings JSON.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace haip::services {

struct ServiceBundle
{
    QByteArray segmentation; // DICOM Part 10, Segmentation Storage (empty when nothing found? see service)
    QByteArray structuredReport; // DICOM Part 10, Comprehensive 3D SR / Enhanced SR, TID 1500
    QString htmlReport; // self-contained HTML, no scripts, no remote resources
    QJsonObject findings; // machine-readable summary (schema in docs/api)
};

} // namespace haip::services
