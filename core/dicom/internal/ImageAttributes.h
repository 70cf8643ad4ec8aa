// Readers that turn a data set's image attributes into the public value types: the instance
// summary, the plane of a frame (classic or enhanced multi-frame functional groups), the
// display pipeline (modality LUT, VOI, palette) and overlay planes. Internal to core/dicom.
#pragma once

#include "dicom/DisplayInfo.h"
#include "dicom/ImagePlane.h"
#include "dicom/InstanceInfo.h"
#include "dicom/OverlayPlane.h"

#include <QList>

class DcmItem;

namespace haip::dicom {
class DicomFile;
}

namespace haip::dicom::internal {

// Identity, patient/study/series and image pixel module; text decoded through the file's charset.
InstanceInfo readInstanceInfo(const DicomFile &file);
// The Nth item of the sequence `sequence` in `item` (a functional group), or nullptr.
DcmItem *sequenceItem(DcmItem &item, quint16 group, quint16 element, int index = 0);
// For enhanced multi-frame: the functional group macro `macro` that applies to `frame`, taken
// from the Per-Frame Functional Groups when present there, else from the Shared ones.
DcmItem *functionalGroup(DcmItem &dataset, int frame, quint16 group, quint16 element);
int perFrameGroupCount(DcmItem &dataset);

ImagePlane readImagePlane(DcmItem &dataset, int frame);
DisplayInfo readDisplayInfo(DcmItem &dataset, int frame);
QList<OverlayPlane> readOverlays(DcmItem &dataset);

} // namespace haip::dicom::internal
