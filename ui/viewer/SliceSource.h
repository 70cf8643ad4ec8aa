// SliceSource: what the image view shows — a stack of slices that become available one by
// one (decoded in the background, or already in memory), with the header of the instance
// behind each slice for the annotations. The view only reads from it and listens to its
// signals; LoaderSliceSource (a dicom::SeriesLoader) and MemorySliceSource implement it.
#pragma once

#include "common/Error.h"
#include "dicom/DecodedSlice.h"
#include "dicom/InstanceInfo.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace haip::ui {

class SliceSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual int sliceCount() const = 0;
    // Null until that slice is decoded (or when it failed: see failure()).
    virtual std::shared_ptr<const dicom::DecodedSlice> slice(int index) const = 0;
    // The header of the instance behind slice `index` (patient, study, series…).
    virtual dicom::InstanceInfo info(int index) const = 0;
    // The 0-based frame of that instance slice `index` shows (multi-frame images); 0 by default.
    virtual int frameOf(int /*index*/) const { return 0; }
    // True while slices are still being produced.
    virtual bool isLoading() const = 0;
    // Stops producing slices (finished() then reports cancelled); a no-op when nothing runs.
    virtual void cancel() { }

    std::optional<Error> failure(int index) const;
    int loadedCount() const { return m_done; }

signals:
    void sliceReady(int index);
    void sliceFailed(int index, const haip::Error &error);
    void progress(int done, int total);
    void finished(int loaded, int failed, bool cancelled);

protected:
    // Implementations report through these, so failures and progress are kept in one place.
    void reportReady(int index);
    void reportFailed(int index, const Error &error);
    void reportProgress(int done, int total);

private:
    QHash<int, Error> m_failures;
    int m_done = 0;
};

} // namespace haip::ui
