#include "viewer/SliceSource.h"

namespace haip::ui {

std::optional<Error> SliceSource::failure(int index) const
{
    const auto it = m_failures.constFind(index);
    if (it == m_failures.constEnd())
        return std::nullopt;
    return *it;
}

void SliceSource::reportReady(int index)
{
    emit sliceReady(index);
}

void SliceSource::reportFailed(int index, const Error &error)
{
    m_failures.insert(index, error);
    emit sliceFailed(index, error);
}

void SliceSource::reportProgress(int done, int total)
{
    m_done = done;
    emit progress(done, total);
}

} // namespace haip::ui
