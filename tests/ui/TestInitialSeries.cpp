// Which series the viewer shows first after opening a study.
#include "browser/InitialSeries.h"

#include <QTest>

using haip::Vec3;
using haip::dicom::Series;
using haip::dicom::Stack;

namespace {

Stack stack(int slices, Vec3 normal, bool geometry = true)
{
    Stack s;
    for (int i = 0; i < slices; ++i)
        s.slices.append({0, 0, double(i)});
    s.normal = normal;
    s.sortedByGeometry = geometry;
    return s;
}

Series series(const QString &modality, QList<Stack> stacks)
{
    Series s;
    s.modality = modality;
    s.seriesInstanceUid = modality + QString::number(stacks.size());
    s.stacks = std::move(stacks);
    return s;
}

constexpr Vec3 kAxial {0, 0, 1};
constexpr Vec3 kCoronal {0, 1, 0};

} // namespace

class TestInitialSeries : public QObject
{
    Q_OBJECT
private slots:
    void testAxialCtBeatsLargerCoronal();
    void testLargestAxialStackWins();
    void testFallsBackToLargestStack();
    void testNoImagesNoChoice();
    void testLargestStackOfOneSeries();
};

void TestInitialSeries::testAxialCtBeatsLargerCoronal()
{
    const QList<Series> list {series(QStringLiteral("CT"), {stack(400, kCoronal)}),
                              series(QStringLiteral("CT"), {stack(120, kAxial)})};
    const auto choice = haip::ui::chooseInitialSeries(list);
    QCOMPARE(choice.series, 1);
    QCOMPARE(choice.stack, 0);
}

void TestInitialSeries::testLargestAxialStackWins()
{
    // Localiser (3 slices, coronal) + two axial stacks in one series, and a smaller axial MR.
    const QList<Series> list {
        series(QStringLiteral("MR"), {stack(20, kAxial)}),
        series(QStringLiteral("CT"), {stack(3, kCoronal), stack(60, Vec3 {0, 0, -1}), stack(200, kAxial)})};
    const auto choice = haip::ui::chooseInitialSeries(list);
    QCOMPARE(choice.series, 1);
    QCOMPARE(choice.stack, 2);
}

void TestInitialSeries::testFallsBackToLargestStack()
{
    // No geometry (e.g. secondary capture, ultrasound): the biggest stack.
    const QList<Series> list {series(QStringLiteral("US"), {stack(5, {}, false)}),
                              series(QStringLiteral("SR"), {}),
                              series(QStringLiteral("XA"), {stack(30, {}, false)})};
    const auto choice = haip::ui::chooseInitialSeries(list);
    QCOMPARE(choice.series, 2);
}

void TestInitialSeries::testNoImagesNoChoice()
{
    QVERIFY(!haip::ui::chooseInitialSeries({}).isValid());
    QVERIFY(!haip::ui::chooseInitialSeries({series(QStringLiteral("SR"), {stack(0, kAxial)})}).isValid());
}

void TestInitialSeries::testLargestStackOfOneSeries()
{
    QCOMPARE(haip::ui::largestStack(series(QStringLiteral("CT"), {stack(2, kAxial), stack(9, kAxial)})), 1);
    QCOMPARE(haip::ui::largestStack(series(QStringLiteral("CT"), {})), 0);
}

QTEST_GUILESS_MAIN(TestInitialSeries)
#include "TestInitialSeries.moc"
