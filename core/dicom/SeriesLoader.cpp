// SeriesLoader: a queue of per-instance jobs in middle-out order, drained by `threads` workers
// of the loader's own QThreadPool. Workers share one LoadState (atomics + the SliceStore) and
// post their signals to the loader's thread; each load has a generation number so events of a
// superseded load are dropped on arrival.
#include "dicom/SeriesLoader.h"

#include "dicom/DicomFile.h"
#include "dicom/SliceStore.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <map>

namespace haip::dicom {
namespace {

// One file to open and the stack slices (index, frame) it provides, in decoding order.
struct Job
{
    int instance = -1; // index into LoadState::instances
    QList<std::pair<int, int>> slices;
};

struct LoadState
{
    quint64 generation = 0;
    QList<InstanceInfo> instances; // the series' headers (implicitly shared with the caller's)
    QList<Job> jobs;
    std::shared_ptr<SliceStore> store;
    std::function<void(int)> observer;
    std::atomic<bool> cancel {false};
    std::atomic<int> nextJob {0};
    std::atomic<int> activeWorkers {0};
    std::atomic<int> loaded {0};
    std::atomic<int> failed {0};
    std::atomic<int> done {0};
};

// Groups the stack's slices by instance; jobs run in the order of their earliest slice in the
// middle-out sequence, and each job decodes its frames in that sequence too.
QList<Job> makeJobs(const Series &series, const Stack &stack)
{
    const QList<int> order = SeriesLoader::middleOutOrder(int(stack.slices.size()));
    std::map<int, int> jobOfInstance;
    QList<Job> jobs;
    for (const int index : order) {
        const Slice &slice = stack.slices[index];
        auto [it, isNew] = jobOfInstance.try_emplace(slice.instance, int(jobs.size()));
        if (isNew) {
            const bool known = slice.instance >= 0 && slice.instance < series.instances.size();
            jobs.append(Job {known ? slice.instance : -1, {}});
        }
        jobs[it->second].slices.append({index, slice.frame});
    }
    return jobs;
}

} // namespace

struct SeriesLoader::Impl
{
    SeriesLoader *q = nullptr;
    QThreadPool pool;
    std::shared_ptr<LoadState> state;
    quint64 generation = 0;
    std::function<void(int)> observer;

    // Runs `emitter` on the loader's thread, unless a newer load has started meanwhile.
    template <typename F>
    void post(quint64 gen, F &&emitter)
    {
        QMetaObject::invokeMethod(
            q,
            [this, gen, emitter = std::forward<F>(emitter)] {
                if (gen == generation)
                    emitter();
            },
            Qt::QueuedConnection);
    }

    void work(const std::shared_ptr<LoadState> &s)
    {
        while (!s->cancel.load(std::memory_order_relaxed)) {
            const int j = s->nextJob.fetch_add(1);
            if (j >= s->jobs.size())
                break;
            decode(*s, s->jobs[j]);
        }
        if (s->activeWorkers.fetch_sub(1) == 1) {
            const int loaded = s->loaded, failed = s->failed;
            const bool cancelled = s->cancel && s->done < s->store->size();
            post(s->generation, [this, loaded, failed, cancelled] { emit q->finished(loaded, failed, cancelled); });
        }
    }

    void decode(LoadState &s, const Job &job)
    {
        const int total = s.store->size();
        auto fail = [&](int index, const Error &error) {
            ++s.failed;
            const int done = ++s.done;
            post(s.generation, [this, index, error, done, total] {
                emit q->sliceFailed(index, error);
                emit q->progress(done, total);
            });
            if (s.observer)
                s.observer(index);
        };
        // The file lives only while this job runs: its bytes and DCMTK data set go before the next.
        const InstanceInfo *info = job.instance >= 0 ? &s.instances.at(job.instance) : nullptr;
        Result<DicomFile> file = DicomFile::open(info ? info->path : QString());
        if (!file) {
            for (const auto &[index, frame] : job.slices) {
                if (s.cancel)
                    return;
                fail(index, file.error());
            }
            return;
        }
        const QList<OverlayPlane> overlays = file->overlays();
        for (const auto &[index, frameNumber] : job.slices) {
            if (s.cancel)
                return;
            Result<Frame> frame = file->frame(frameNumber);
            if (!frame) {
                fail(index, frame.error());
                continue;
            }
            auto slice = std::make_shared<DecodedSlice>();
            slice->frame = std::move(frame).value();
            slice->display = file->displayInfo(frameNumber);
            // The assembler sorted by the header's geometry: reuse it rather than parse it again.
            const bool known = info && info->planeOfFrame(frameNumber).hasPosition;
            slice->plane = known ? info->planeOfFrame(frameNumber) : file->plane(frameNumber);
            for (const OverlayPlane &o : overlays) {
                if (o.appliesToFrame(frameNumber))
                    slice->overlays.append(o);
            }
            s.store->set(index, std::move(slice));
            ++s.loaded;
            const int done = ++s.done;
            // An init-capture, not the structured binding itself: clang before 16 (the fuzz
            // preset's clang 14) cannot capture bindings.
            post(s.generation, [this, slot = index, done, total] {
                emit q->sliceReady(slot);
                emit q->progress(done, total);
            });
            if (s.observer)
                s.observer(index);
        }
    }
};

SeriesLoader::SeriesLoader(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    d->q = this;
}

SeriesLoader::~SeriesLoader()
{
    cancel();
    d->pool.waitForDone(); // workers touch d and post to this object: they must be gone first
}

void SeriesLoader::load(const Series &series, int stackIndex, int threads)
{
    // A running load stops after its current slices; its late events carry the old generation.
    cancel();
    const quint64 gen = ++d->generation;
    auto s = std::make_shared<LoadState>();
    s->generation = gen;
    s->observer = d->observer;
    s->instances = series.instances;
    const bool validStack = stackIndex >= 0 && stackIndex < series.stacks.size();
    if (validStack)
        s->jobs = makeJobs(series, series.stacks[stackIndex]);
    s->store = std::make_shared<SliceStore>(validStack ? int(series.stacks[stackIndex].slices.size()) : 0);
    d->state = s;
    if (s->jobs.isEmpty()) {
        d->post(gen, [this] { emit finished(0, 0, false); });
        return;
    }
    const int wanted = threads > 0 ? threads : QThread::idealThreadCount();
    const int workers = std::clamp(wanted, 1, int(s->jobs.size()));
    d->pool.setMaxThreadCount(std::max(workers, d->pool.maxThreadCount()));
    s->activeWorkers = workers;
    for (int w = 0; w < workers; ++w)
        d->pool.start([impl = d.get(), s] { impl->work(s); });
}

void SeriesLoader::cancel()
{
    if (d->state)
        d->state->cancel = true;
}

bool SeriesLoader::isRunning() const
{
    return d->state && d->state->activeWorkers > 0;
}

int SeriesLoader::sliceCount() const
{
    return d->state ? d->state->store->size() : 0;
}

std::shared_ptr<const DecodedSlice> SeriesLoader::slice(int index) const
{
    return d->state ? d->state->store->get(index) : nullptr;
}

std::shared_ptr<const SliceStore> SeriesLoader::store() const
{
    return d->state ? d->state->store : nullptr;
}

void SeriesLoader::setWorkerObserver(std::function<void(int index)> observer)
{
    d->observer = std::move(observer);
}

QList<int> SeriesLoader::middleOutOrder(int count)
{
    QList<int> order;
    if (count <= 0)
        return order;
    order.reserve(count);
    const int middle = (count - 1) / 2;
    order.append(middle);
    for (int step = 1; order.size() < count; ++step) {
        if (middle + step < count)
            order.append(middle + step);
        if (middle - step >= 0)
            order.append(middle - step);
    }
    return order;
}

} // namespace haip::dicom

// The meta-object code in this translation unit, so linking SeriesLoader pulls in only its own.
#include "moc_SeriesLoader.cpp" // NOLINT(bugprone-suspicious-include): generated by moc
