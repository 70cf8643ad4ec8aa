// SliceStore: the decoded slices of one stack, one slot per slice, filled by SeriesLoader's
// workers and read by the viewer from any thread. Each slice is held exactly once, as a
// shared_ptr to an immutable DecodedSlice whose pixels (Frame::data, a QByteArray) are
// implicitly shared: readers get a reference, never a copy of the pixels.
#pragma once

#include "dicom/DecodedSlice.h"

#include <QMutex>

#include <memory>
#include <vector>

namespace haip::dicom {

class SliceStore
{
public:
    explicit SliceStore(int count = 0);

    int size() const;
    // Null until the slice is stored (or when it failed).
    std::shared_ptr<const DecodedSlice> get(int index) const;
    // Stores a slice once; false (and nothing changes) if the index is out of range or taken.
    bool set(int index, std::shared_ptr<const DecodedSlice> slice);
    int storedCount() const;
    // Sum of the stored frames' pixel bytes.
    qint64 pixelBytes() const;

private:
    mutable QMutex m_mutex;
    std::vector<std::shared_ptr<const DecodedSlice>> m_slots;
    int m_stored = 0;
    qint64 m_bytes = 0;
};

} // namespace haip::dicom
