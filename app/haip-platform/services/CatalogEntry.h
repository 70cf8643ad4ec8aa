// What the catalog says about one reference AI service (DESIGN §4 "Catalog"): names and
// texts in Japanese and English, vendor, version, intended use, modalities, body parts, the
// input it accepts, the outputs it returns, its regulatory status, expected turnaround and
// a detail page. The data lives in JSON resources (services/catalog/); the platform adds the
// service's envelope public key and signs the whole catalog.
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace haip::services {

struct LocalizedText
{
    QString ja;
    QString en;

    QJsonObject toJson() const;
    static LocalizedText fromJson(const QJsonValue &value);
};

// What a service accepts; VolumeReader enforces it before any algorithm runs.
struct InputConstraints
{
    QStringList modalities; // accepted Modality (0008,0060) values, e.g. "CT"
    int minSlices = 1;
    int maxSlices = 0; // 0: no upper limit
    double maxSliceThicknessMm = 0.0; // 0: any thickness
    bool acceptsSingleImages = false; // a single 2D image (radiograph) instead of a stack
    QStringList transferSyntaxes; // the payload's parts may come in (empty: explicit VR little endian)

    QJsonObject toJson() const;
    static InputConstraints fromJson(const QJsonObject &object);
};

struct CatalogEntry
{
    QString id; // stable service id, e.g. "chest-ct-nodule"
    LocalizedText name;
    QString vendor;
    QString version;
    LocalizedText intendedUse;
    QStringList modalities;
    QStringList bodyParts; // Body Part Examined values, e.g. "CHEST"
    InputConstraints input;
    QStringList outputKinds; // "SEG", "SR", "HTML", "JSON"
    QString regulatoryStatus; // machine value: "research-use-only" or "pmda-approved"
    LocalizedText regulatoryText; // what the user reads, e.g. "research use only — reference algorithm"
    QString approvalNumber; // PMDA approval number when approved; empty here
    int expectedTurnaroundSeconds = 0;
    LocalizedText detailHtml; // self-contained HTML pages, no scripts or remote resources

    QJsonObject toJson() const;
    // Errors: InvalidArgument naming the missing or malformed field.
    static Result<CatalogEntry> fromJson(const QJsonObject &object);
    // Reads the entry of `serviceId` from the compiled-in resources (:/haip/services/catalog/).
    static Result<CatalogEntry> fromResources(const QString &serviceId);
};

} // namespace haip::services
