#include "viewer/LoaderSliceSource.h"

namespace haip::ui {

LoaderSliceSource::LoaderSliceSource(const dicom::Series &series, int stack, QObject *parent)
    : SliceSource(parent), m_series(series), m_stack(stack)
{
    if (stack >= 0 && stack < series.stacks.size())
        for (const dicom::Slice &s : series.stacks[stack].slices) {
            m_instanceOfSlice.append(s.instance);
            m_frameOfSlice.append(s.frame);
        }
    connect(&m_loader, &dicom::SeriesLoader::sliceReady, this, [this](int index) { reportReady(index); });
    connect(&m_loader, &dicom::SeriesLoader::sliceFailed, this, [this](int index, const Error &error) {
        reportFailed(index, error);
    });
    connect(
        &m_loader, &dicom::SeriesLoader::progress, this, [this](int done, int total) { reportProgress(done, total); });
    connect(&m_loader, &dicom::SeriesLoader::finished, this, [this](int loaded, int failed, bool cancelled) {
        m_loading = false;
        emit finished(loaded, failed, cancelled);
    });
}

LoaderSliceSource::~LoaderSliceSource() = default;

void LoaderSliceSource::start(int threads)
{
    if (m_instanceOfSlice.isEmpty()) {
        emit finished(0, 0, false);
        return;
    }
    m_loading = true;
    m_loader.load(m_series, m_stack, threads);
}

void LoaderSliceSource::cancel()
{
    m_loader.cancel();
}

int LoaderSliceSource::sliceCount() const
{
    return int(m_instanceOfSlice.size());
}

std::shared_ptr<const dicom::DecodedSlice> LoaderSliceSource::slice(int index) const
{
    return m_loader.slice(index);
}

dicom::InstanceInfo LoaderSliceSource::info(int index) const
{
    const int instance = m_instanceOfSlice.value(index, -1);
    return instance >= 0 && instance < m_series.instances.size() ? m_series.instances[instance]
                                                                 : dicom::InstanceInfo {};
}

int LoaderSliceSource::frameOf(int index) const
{
    return m_frameOfSlice.value(index, 0);
}

bool LoaderSliceSource::isLoading() const
{
    return m_loading;
}

} // namespace haip::ui
