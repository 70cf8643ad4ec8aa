// Applies DeidTable to a DCMTK data set in place: every data element at every depth (sequence
// items included) gets its table action under the options, private and group-length elements are
// removed, and the de-identification markers (Patient Identity Removed, De-identification Method
// and its Code Sequence, Longitudinal Temporal Information Modified) are written. Refuses images
// that may show burned-in text first. Internal to core/dicom.
#pragma once

#include "common/Result.h"
#include "dicom/DeidOptions.h"
#include "dicom/DeidTable.h"
#include "dicom/Deidentifier.h"

#include <set>

class DcmDataset;
class DcmElement;
class DcmItem;

namespace haip::dicom::internal {

class DeidKeys;

class DatasetDeidentifier
{
public:
    DatasetDeidentifier(const DeidOptions &options, const DeidKeys &keys);

    // `name` names the file in errors.
    Result<DeidReport> run(DcmDataset &dataset, const QString &name);

private:
    void processItem(DcmItem &item, int depth);
    // Applies one resolved action to the element at `index`; returns the index to visit next.
    unsigned long apply(DcmItem &item, unsigned long index, quint32 key, DeidAction action, int depth);
    void recurse(DcmElement &sequence, int depth);
    void replaceUids(DcmElement &element, quint32 key, int depth);
    void putDummy(DcmElement &element, quint32 key);
    bool clean(DcmElement &element);
    void count(DeidAction action, quint32 key, bool changed);
    Result<void> writeMarkers(DcmDataset &dataset);

    const DeidOptions &m_options;
    const DeidKeys &m_keys;
    int m_dateOffset = 0;
    QString m_pseudonym;
    DeidReport m_report;
    std::set<quint32> m_changed;
};

// Modalities whose images usually carry burned-in patient text, for files whose Burned In
// Annotation is absent (see docs/deidentification.md).
bool mayHaveBurnedInText(const QString &modality, const QString &sopClassUid);

} // namespace haip::dicom::internal
