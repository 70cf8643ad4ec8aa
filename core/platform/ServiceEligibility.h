// ServiceEligibility: whether an AI service of the catalog accepts the series the clinician has
// open, and if not, every reason in words a clinician can act on ("wrong modality: needs CT, this
// series is MR"). The rules mirror what the reference platform's services check before they run
// (modality, single image or volume, slice count, slice thickness), so a series marked eligible
// here is not refused by the service for its shape.
#pragma once

#include "platform/Catalog.h"

#include <QString>
#include <QStringList>

namespace haip::dicom {
struct Series;
}

namespace haip::platform {

// What the workstation knows about the open series (from its stack).
struct SeriesFacts
{
    QString seriesInstanceUid;
    QString modality; // (0008,0060), e.g. "CT"
    QString bodyPart; // (0018,0015), may be empty
    int sliceCount = 0; // images of the stack to send
    double sliceThicknessMm = 0; // (0018,0050); 0: unknown
    double sliceSpacingMm = 0; // distance between neighbouring slices; 0: unknown or one image
    bool singleImage = false; // a single 2D image (radiograph) rather than a stack

    bool isEmpty() const { return modality.isEmpty() && sliceCount == 0; }
    // The facts of stack `stack` of a series as the viewer assembled it (empty if no such stack).
    static SeriesFacts of(const dicom::Series &series, int stack = 0);
};

struct Eligibility
{
    bool accepted = false;
    QStringList reasons; // translated sentences, empty when accepted
};

class ServiceEligibility
{
public:
    static Eligibility check(const CatalogService &service, const SeriesFacts &series);
};

} // namespace haip::platform
