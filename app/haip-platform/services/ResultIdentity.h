// Identity shared by the objects of one result bundle: fresh UIDs for the SEG and SR (each in
// its own series of the source study), the creating service and when the content was made.
#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace haip::services {

struct ResultIdentity
{
    QString serviceId;
    QString serviceName; // English catalog name
    QString serviceVersion;
    QString manufacturer = QStringLiteral("HAIP reference");
    QString deviceUid; // the service as an SR device observer: the same for every result of one version
    QString segmentationSeriesUid;
    QString segmentationInstanceUid;
    QString reportSeriesUid;
    QString reportInstanceUid;
    int segmentationSeriesNumber = 9001;
    int reportSeriesNumber = 9002;
    QDateTime created; // UTC

    // New UIDs (2.25.<UUID as decimal>, PS3.5 B.2) and the current time.
    static ResultIdentity create(const QString &serviceId, const QString &serviceName, const QString &version);
    static QString newUid();
    static QString uidFromUuid(const QUuid &uuid);
};

} // namespace haip::services
