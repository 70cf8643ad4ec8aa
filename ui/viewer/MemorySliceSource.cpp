#include "viewer/MemorySliceSource.h"

namespace haip::ui {

MemorySliceSource::MemorySliceSource(int count, const dicom::InstanceInfo &info, QObject *parent)
    : SliceSource(parent), m_slices(qMax(0, count)), m_infos(qMax(0, count), info)
{ }

void MemorySliceSource::setSlice(int index, dicom::DecodedSlice slice)
{
    if (index < 0 || index >= m_slices.size())
        return;
    if (!m_slices[index])
        ++m_loaded;
    m_slices[index] = std::make_shared<const dicom::DecodedSlice>(std::move(slice));
    reportReady(index);
    reportProgress(m_loaded + m_failed, int(m_slices.size()));
}

void MemorySliceSource::setFailed(int index, const Error &error)
{
    if (index < 0 || index >= m_slices.size())
        return;
    ++m_failed;
    reportFailed(index, error);
    reportProgress(m_loaded + m_failed, int(m_slices.size()));
}

void MemorySliceSource::setInfo(int index, const dicom::InstanceInfo &info)
{
    if (index >= 0 && index < m_infos.size())
        m_infos[index] = info;
}

void MemorySliceSource::finish()
{
    m_finished = true;
    emit finished(m_loaded, m_failed, false);
}

int MemorySliceSource::sliceCount() const
{
    return int(m_slices.size());
}

std::shared_ptr<const dicom::DecodedSlice> MemorySliceSource::slice(int index) const
{
    return index >= 0 && index < m_slices.size() ? m_slices[index] : nullptr;
}

dicom::InstanceInfo MemorySliceSource::info(int index) const
{
    return index >= 0 && index < m_infos.size() ? m_infos[index] : dicom::InstanceInfo {};
}

bool MemorySliceSource::isLoading() const
{
    return !m_finished && m_loaded + m_failed < m_slices.size();
}

} // namespace haip::ui
