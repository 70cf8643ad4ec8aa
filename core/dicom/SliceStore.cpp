#include "dicom/SliceStore.h"

namespace haip::dicom {

SliceStore::SliceStore(int count) : m_slots(size_t(std::max(0, count))) { }

int SliceStore::size() const
{
    return int(m_slots.size()); // fixed at construction: no lock needed
}

std::shared_ptr<const DecodedSlice> SliceStore::get(int index) const
{
    if (index < 0 || index >= size())
        return {};
    const QMutexLocker lock(&m_mutex);
    return m_slots[size_t(index)];
}

bool SliceStore::set(int index, std::shared_ptr<const DecodedSlice> slice)
{
    if (index < 0 || index >= size() || !slice)
        return false;
    const QMutexLocker lock(&m_mutex);
    std::shared_ptr<const DecodedSlice> &slot = m_slots[size_t(index)];
    if (slot)
        return false;
    m_bytes += slice->frame.data.size();
    slot = std::move(slice);
    ++m_stored;
    return true;
}

int SliceStore::storedCount() const
{
    const QMutexLocker lock(&m_mutex);
    return m_stored;
}

qint64 SliceStore::pixelBytes() const
{
    const QMutexLocker lock(&m_mutex);
    return m_bytes;
}

} // namespace haip::dicom
