// SeriesLoader: decodes every slice of one stack off the UI thread — the middle slice first,
// then outwards — so the viewer shows an image at once and fills in the rest. Cancellable;
// per-slice failures are reported and the other slices still load. Decoded slices are held
// once, in memory shared with the viewer (no second copy). Workers open each file once (all
// the frames a multi-frame instance contributes are decoded from that one parse) and let go of
// the file before taking the next, so memory stays near the decoded pixel bytes.
#pragma once

#include "common/Error.h"
#include "dicom/DecodedSlice.h"
#include "dicom/Series.h"

#include <QObject>

#include <functional>
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
    // Null until that slice is decoded (or if it failed). Any thread.
    std::shared_ptr<const DecodedSlice> slice(int index) const;
    // The slots of the current load (null before the first load), for holding on to them.
    std::shared_ptr<const SliceStore> store() const;

    // The order in which the slices of a stack of `count` are decoded: the middle one first,
    // then alternately one above and one below.
    static QList<int> middleOutOrder(int count);

    // Test and tracing seam: called on a worker thread after each slice is stored or has failed,
    // before the next one is started. Set it before load().
    void setWorkerObserver(std::function<void(int index)> observer);

signals:
    // moc defines these with parameters _t1, _t2… in SeriesLoader.cpp, which includes its output.
    // NOLINTBEGIN(readability-inconsistent-declaration-parameter-name)
    void sliceReady(int index);
    void sliceFailed(int index, const haip::Error &error);
    void progress(int done, int total);
    void finished(int loaded, int failed, bool cancelled);
    // NOLINTEND(readability-inconsistent-declaration-parameter-name)

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace haip::dicom
