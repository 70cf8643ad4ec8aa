// WindowPresets: the CT table (values and number keys) and the presets a file proposes.
#include "dicom/WindowPresets.h"

#include <QtTest>

using namespace haip::dicom;

class TestWindowPresets : public QObject
{
    Q_OBJECT

private slots:
    void standardCtWindows_data();
    void standardCtWindows();
    void numberKeysAreOneToFive();
    void fileWindowsAndLuts();
    void findUnknownId();
};

void TestWindowPresets::standardCtWindows_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("width");
    QTest::newRow("lung") << QStringLiteral("ct-lung") << -600.0 << 1500.0;
    QTest::newRow("mediastinum") << QStringLiteral("ct-mediastinum") << 40.0 << 400.0;
    QTest::newRow("abdomen") << QStringLiteral("ct-abdomen") << 50.0 << 350.0;
    QTest::newRow("bone") << QStringLiteral("ct-bone") << 400.0 << 1800.0;
    QTest::newRow("brain") << QStringLiteral("ct-brain") << 40.0 << 80.0;
}

void TestWindowPresets::standardCtWindows()
{
    QFETCH(QString, id);
    QFETCH(double, center);
    QFETCH(double, width);
    const auto preset = WindowPresets::find(id);
    QVERIFY(preset.has_value());
    QCOMPARE(preset->center, center);
    QCOMPARE(preset->width, width);
    QCOMPARE(preset->voiLutIndex, -1);
    QVERIFY(!preset->name.isEmpty());
}

void TestWindowPresets::numberKeysAreOneToFive()
{
    const QList<WindowPreset> presets = WindowPresets::standard();
    QCOMPARE(presets.size(), 5);
    for (int i = 0; i < presets.size(); ++i)
        QCOMPARE(presets[i].key, i + 1);
    QCOMPARE(presets.front().id, QStringLiteral("ct-lung"));
}

void TestWindowPresets::fileWindowsAndLuts()
{
    DisplayInfo display;
    display.windows = {{300.0, 1500.0, QStringLiteral("BONE")}, {0.0, 0.0, {}}, {50.0, 350.0, {}}};
    LutTable lut;
    lut.firstMapped = -100;
    lut.entries.resize(201);
    lut.explanation = QStringLiteral("SOFT");
    display.voiLuts = {lut};
    const QList<WindowPreset> presets = WindowPresets::fromFile(display);
    QCOMPARE(presets.size(), 3); // the zero-width window is dropped
    QCOMPARE(presets[0].id, QStringLiteral("file-1"));
    QVERIFY(presets[0].name.contains(QStringLiteral("BONE")));
    QCOMPARE(presets[1].id, QStringLiteral("file-3"));
    QCOMPARE(presets[1].center, 50.0);
    QCOMPARE(presets[2].id, QStringLiteral("file-lut-1"));
    QCOMPARE(presets[2].voiLutIndex, 0);
    QCOMPARE(presets[2].center, 0.0);
    QCOMPARE(WindowPresets::find(QStringLiteral("file-3"), display)->width, 350.0);
}

void TestWindowPresets::findUnknownId()
{
    QVERIFY(!WindowPresets::find(QStringLiteral("ct-liver")).has_value());
    QVERIFY(!WindowPresets::find(QStringLiteral("file-1")).has_value());
}

QTEST_GUILESS_MAIN(TestWindowPresets)
#include "TestWindowPresets.moc"
