// SeriesLoader over real files (small phantoms, pydicom's multi-frame MR): middle-out order,
// pixels identical to DicomFile::frame, cancellation, corrupt and missing files, reloads and
// destruction while workers run.
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/DicomFile.h"
#include "dicom/Phantom.h"
#include "dicom/SeriesLoader.h"
#include "dicom/SliceStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace haip;
using namespace haip::dicom;
using namespace Qt::StringLiterals;

namespace {

// A series built straight from files in slice order (one stack, geometry from the headers).
Series seriesOf(const QStringList &files)
{
    Series series;
    Stack stack;
    for (const QString &path : files) {
        InstanceInfo info;
        if (Result<DicomFile> f = DicomFile::open(path, DicomFile::Content::HeaderOnly); f.ok())
            info = f->info();
        info.path = path;
        stack.slices.append(Slice {int(series.instances.size()), 0, double(stack.slices.size())});
        series.instances.append(info);
    }
    series.stacks.append(stack);
    return series;
}

// Waits for finished() (the loader posts it to this thread); false on timeout.
bool waitFinished(QSignalSpy &finished, int timeoutMs = 30000)
{
    return finished.count() > 0 || finished.wait(timeoutMs);
}

} // namespace

class TestSeriesLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void middleOutOrderTable_data();
    void middleOutOrderTable();
    void decodesInMiddleOutOrder();
    void slicesEqualDicomFileFrames();
    void slicesAreSharedNotCopied();
    void cancelStopsPromptly();
    void corruptAndMissingFilesFailAlone();
    void multiFrameInstanceOpensOnce();
    void reloadDropsTheOldLoad();
    void emptyOrInvalidStackFinishes();
    void destructorDuringLoadIsSafe();

private:
    QStringList phantom(const QString &name, int slices, int size)
    {
        PhantomOptions o;
        o.outputDir = m_dir.filePath(name);
        o.slices = slices;
        o.rows = o.columns = size;
        const Result<PhantomResult> r = PhantomGenerator::generate(o);
        return r.ok() ? r->files : QStringList();
    }

    LibraryScope m_library;
    QTemporaryDir m_dir;
    QStringList m_small; // 9 slices, 48×48
    QStringList m_long; // 120 slices, 32×32
};

void TestSeriesLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_small = phantom(u"small"_s, 9, 48);
    m_long = phantom(u"long"_s, 120, 32);
    QCOMPARE(m_small.size(), 9);
    QCOMPARE(m_long.size(), 120);
}

void TestSeriesLoader::middleOutOrderTable_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("order");
    QTest::newRow("0") << 0 << QList<int> {};
    QTest::newRow("1") << 1 << QList<int> {0};
    QTest::newRow("2") << 2 << QList<int> {0, 1};
    QTest::newRow("5") << 5 << QList<int> {2, 3, 1, 4, 0};
    QTest::newRow("6") << 6 << QList<int> {2, 3, 1, 4, 0, 5};
}

void TestSeriesLoader::middleOutOrderTable()
{
    QFETCH(int, count);
    QFETCH(QList<int>, order);
    QCOMPARE(SeriesLoader::middleOutOrder(count), order);
}

void TestSeriesLoader::decodesInMiddleOutOrder()
{
    SeriesLoader loader;
    QSignalSpy ready(&loader, &SeriesLoader::sliceReady);
    QSignalSpy progress(&loader, &SeriesLoader::progress);
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    loader.load(seriesOf(m_small), 0, 1); // one worker: the order is exactly the queue's
    QVERIFY(waitFinished(finished));
    QList<int> order;
    for (const QList<QVariant> &args : std::as_const(ready))
        order.append(args[0].toInt());
    QCOMPARE(order, SeriesLoader::middleOutOrder(9));
    QCOMPARE(progress.count(), 9);
    QCOMPARE(progress.last()[0].toInt(), 9);
    QCOMPARE(progress.last()[1].toInt(), 9);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished[0][0].toInt(), 9);
    QCOMPARE(finished[0][1].toInt(), 0);
    QCOMPARE(finished[0][2].toBool(), false);
    QVERIFY(!loader.isRunning());
}

void TestSeriesLoader::slicesEqualDicomFileFrames()
{
    SeriesLoader loader;
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    QSignalSpy ready(&loader, &SeriesLoader::sliceReady);
    // Signals arrive on this (the loader's) thread.
    QThread *const testThread = QThread::currentThread();
    bool onLoaderThread = true;
    connect(
        &loader, &SeriesLoader::sliceReady, this, [&] { onLoaderThread &= QThread::currentThread() == testThread; });
    loader.load(seriesOf(m_small), 0, 2);
    QVERIFY(waitFinished(finished));
    QVERIFY(onLoaderThread);
    QCOMPARE(ready.count(), 9);
    QCOMPARE(loader.sliceCount(), 9);
    double previousZ = -1e9;
    for (int i = 0; i < 9; ++i) {
        const std::shared_ptr<const DecodedSlice> s = loader.slice(i);
        QVERIFY(s);
        const Result<DicomFile> file = DicomFile::open(m_small[i]);
        QVERIFY(file.ok());
        const Result<Frame> frame = file->frame(0);
        QVERIFY(frame.ok());
        QCOMPARE(s->frame.format, frame->format);
        QCOMPARE(s->frame.data, frame->data);
        QCOMPARE(s->display.modality.intercept, -1024.0);
        QCOMPARE(s->display.windows.size(), 2);
        QVERIFY(s->plane.hasPosition);
        QVERIFY(s->plane.position.z > previousZ);
        previousZ = s->plane.position.z;
    }
    QCOMPARE(loader.store()->pixelBytes(), qint64(9) * 48 * 48 * 2);
}

void TestSeriesLoader::slicesAreSharedNotCopied()
{
    SeriesLoader loader;
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    loader.load(seriesOf(m_small), 0, 2);
    QVERIFY(waitFinished(finished));
    const auto a = loader.slice(4), b = loader.slice(4);
    QCOMPARE(a.get(), b.get());
    QCOMPARE(a->frame.data.constData(), b->frame.data.constData());
    // A copy handed to a viewer shares the pixel buffer too (implicit sharing).
    const Frame copy = a->frame;
    QCOMPARE(copy.data.constData(), a->frame.data.constData());
    QVERIFY(!loader.slice(9));
    QVERIFY(!loader.slice(-1));
}

void TestSeriesLoader::cancelStopsPromptly()
{
    SeriesLoader loader;
    QSignalSpy ready(&loader, &SeriesLoader::sliceReady);
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    // Cancel from the worker right after its fifth slice: it must not start a sixth.
    std::atomic<int> seen {0};
    loader.setWorkerObserver([&](int) {
        if (++seen == 5)
            loader.cancel();
    });
    loader.load(seriesOf(m_long), 0, 1);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished[0][0].toInt(), 5);
    QCOMPARE(finished[0][2].toBool(), true);
    QCOMPARE(ready.count(), 5);
    QCOMPARE(seen.load(), 5);
    int stored = 0;
    for (int i = 0; i < loader.sliceCount(); ++i)
        stored += loader.slice(i) != nullptr;
    QCOMPARE(stored, 5);

    // With two workers the other one may finish the slice it holds (and, if it ends that slice in
    // the instant between the count and the flag, one more).
    seen = 0;
    QSignalSpy finished2(&loader, &SeriesLoader::finished);
    loader.load(seriesOf(m_long), 0, 2);
    QVERIFY(waitFinished(finished2));
    QVERIFY(finished2[0][0].toInt() >= 5 && finished2[0][0].toInt() <= 7);
    QCOMPARE(finished2[0][2].toBool(), true);
}

void TestSeriesLoader::corruptAndMissingFilesFailAlone()
{
    QTemporaryDir dir;
    QStringList files;
    for (int i = 0; i < m_small.size(); ++i) {
        files.append(dir.filePath(u"s%1.dcm"_s.arg(i)));
        QVERIFY(QFile::copy(m_small[i], files.last()));
    }
    // Slice 2 cut off in the middle of its pixel data; slice 6 gone.
    QFile cut(files[2]);
    QVERIFY(cut.open(QIODevice::ReadWrite));
    QVERIFY(cut.resize(cut.size() - 2000));
    cut.close();
    Series series = seriesOf(files);
    QVERIFY(QFile::remove(files[6]));

    SeriesLoader loader;
    QSignalSpy failed(&loader, &SeriesLoader::sliceFailed);
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    loader.load(series, 0, 2);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished[0][0].toInt(), 7);
    QCOMPARE(finished[0][1].toInt(), 2);
    QCOMPARE(failed.count(), 2);
    QMap<int, Error> errors;
    for (const QList<QVariant> &args : std::as_const(failed))
        errors.insert(args[0].toInt(), args[1].value<Error>());
    QCOMPARE(errors.keys(), (QList<int> {2, 6}));
    QVERIFY2(errors[2].code() != ErrorCode::None, qPrintable(errors[2].codeName()));
    QCOMPARE(errors[2].subject(), files[2]);
    QCOMPARE(errors[6].code(), ErrorCode::FileNotFound);
    QCOMPARE(errors[6].subject(), files[6]);
    QVERIFY(!loader.slice(2) && !loader.slice(6));
    for (const int i : {0, 1, 3, 4, 5, 7, 8})
        QVERIFY(loader.slice(i));
}

void TestSeriesLoader::multiFrameInstanceOpensOnce()
{
    // pydicom's rtdose_rle.dcm: one RLE-compressed instance with 15 frames; a stack of all of them.
    const QString path = test::pydicomFile(u"test_files/rtdose_rle.dcm"_s);
    const Result<DicomFile> file = DicomFile::open(path);
    QVERIFY(file.ok());
    const int frames = file->frameCount();
    QCOMPARE(frames, 15);
    Series series;
    InstanceInfo info = file->info();
    info.path = path;
    series.instances.append(info);
    Stack stack;
    for (int f = 0; f < frames; ++f)
        stack.slices.append(Slice {0, f, double(f)});
    series.stacks.append(stack);

    SeriesLoader loader;
    QSignalSpy ready(&loader, &SeriesLoader::sliceReady);
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    loader.load(series, 0, 4);
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished[0][0].toInt(), frames);
    // One file, one job: its frames come middle-out, one after another.
    QList<int> order;
    for (const QList<QVariant> &args : std::as_const(ready))
        order.append(args[0].toInt());
    QCOMPARE(order, SeriesLoader::middleOutOrder(frames));
    for (int f = 0; f < frames; ++f) {
        const Result<Frame> expected = file->frame(f);
        QVERIFY(expected.ok());
        QCOMPARE(loader.slice(f)->frame.data, expected->data);
        QCOMPARE(loader.slice(f)->frame.index, f);
    }
}

void TestSeriesLoader::reloadDropsTheOldLoad()
{
    SeriesLoader loader;
    QSignalSpy ready(&loader, &SeriesLoader::sliceReady);
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    loader.load(seriesOf(m_long), 0, 2);
    loader.load(seriesOf(m_small), 0, 2); // supersedes the first before any event is delivered
    QVERIFY(waitFinished(finished));
    QTest::qWait(50); // give stray events of the first load a chance to show up
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished[0][0].toInt(), 9);
    QCOMPARE(ready.count(), 9);
    for (const QList<QVariant> &args : std::as_const(ready))
        QVERIFY(args[0].toInt() < 9);
    QCOMPARE(loader.sliceCount(), 9);
}

void TestSeriesLoader::emptyOrInvalidStackFinishes()
{
    SeriesLoader loader;
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    loader.load(seriesOf(m_small), 3, 2); // no stack 3
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished[0][0].toInt(), 0);
    QCOMPARE(loader.sliceCount(), 0);
    QVERIFY(!loader.slice(0));
}

void TestSeriesLoader::destructorDuringLoadIsSafe()
{
    const Series series = seriesOf(m_long);
    for (int round = 0; round < 5; ++round) {
        auto loader = std::make_unique<SeriesLoader>();
        int events = 0;
        connect(loader.get(), &SeriesLoader::sliceReady, this, [&] { ++events; });
        std::atomic<int> decoded {0};
        loader->setWorkerObserver([&](int) { ++decoded; });
        loader->load(series, 0, 2);
        if (round % 2)
            QTRY_VERIFY(decoded > 3); // some in flight
        loader.reset(); // cancels and waits; must not crash or leak work into a dead object
        const int before = events, decodedBefore = decoded;
        QTest::qWait(20);
        QCOMPARE(events, before); // nothing delivered after destruction
        QCOMPARE(decoded.load(), decodedBefore); // no worker outlived the loader
    }
}

QTEST_GUILESS_MAIN(TestSeriesLoader)
#include "TestSeriesLoader.moc"
