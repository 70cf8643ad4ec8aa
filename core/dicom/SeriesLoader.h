// SeriesLoader: decodes every slice of one stack off the UI thread — the middle slice first,
// then outwards — so the viewer shows an image at once and fills in the rest. Cancellable;
// per-slice failures are reported and the other slices still load. Decoded slices are held
// once, in memory shared with the viewer (no second copy).
#pragma once

#include "common/Error.h"
#include "dicom/DecodedSlice.h"
#include "dicom/Series.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace haip::dicom {

class SliceStore; // thread-safe slice slots, see SliceStore.h

class SeriesLoader : public QObject
{
    Q_OBJECT
public:
    explicit SeriesLoader(QObject *parent = nullptr);
    ~SeriesLoader() override; // cancels and waits for the workers

    // Starts loading stack `stackIndex` of `series`; cancels a load already running.
    // `threads` = 0: one per core.
    void load(const Series &series, int stackIndex = 0, int threads = 0);
    void cancel();
    bool isRunning() const;

    int sliceCount() const;
    // Null until that slice is decoded (or if it failed).
    std::shared_ptr<const DecodedSlice> slice(int index) const;

signals:
    void sliceReady(int index);
    void sliceFailed(int index, const haip::Error &error);
    void progress(int done, int total);
    void finished(int loaded, int failed, bool cancelled);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace haip::dicom
