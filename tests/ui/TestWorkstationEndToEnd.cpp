// The real haip-workstation program, run as scripts/demo.sh runs it: a chest CT phantom made
// by the real `haip-cli phantom`, opened from the command line under the offscreen platform
// with --screenshot and the lung preset, in English and in Japanese. The PNGs are checked for
// size and content (a lung-window CT: lungs grey, not black) and kept in the test artifacts.
// Also the command line's usage errors and --help.
#include "TestSupport.h"

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kSlices = 24;
constexpr QSize kScreenshotSize(1600, 1000);

struct Histogram
{
    qint64 pixels = 0;
    qint64 black = 0; // grey <= 12
    qint64 lungGrey = 0; // 40..120: lung parenchyma in a lung window (black in soft-tissue windows)
    qint64 bright = 0; // >= 200: soft tissue and bone in a lung window
    int distinctGreys = 0;
};

// Grey pixels (R = G = B) of the central viewing area, right of the browser and below the toolbar.
Histogram viewerHistogram(const QImage &image)
{
    Histogram h;
    QList<bool> seen(256, false);
    const QRect area(
        image.width() * 45 / 100, image.height() * 15 / 100, image.width() * 45 / 100, image.height() * 70 / 100);
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qRed(p) != qGreen(p) || qGreen(p) != qBlue(p))
                continue;
            const int g = qRed(p);
            ++h.pixels;
            h.black += g <= 12;
            h.lungGrey += g >= 40 && g <= 120;
            h.bright += g >= 200;
            if (!seen[g]) {
                seen[g] = true;
                ++h.distinctGreys;
            }
        }
    }
    return h;
}

} // namespace

class TestWorkstationEndToEnd : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void testScreenshotOfPhantomAtLungWindow_data();
    void testScreenshotOfPhantomAtLungWindow();
    void testUsageErrors_data();
    void testUsageErrors();
    void testHelp();

private:
    QTemporaryDir m_work;
    QString m_phantom;
};

void TestWorkstationEndToEnd::initTestCase()
{
    QVERIFY(m_work.isValid());
    m_phantom = m_work.filePath(QStringLiteral("phantom-chest-ct"));
    const auto made = haip::test::run(haip::test::programPath(QStringLiteral("haip-cli")),
                                      {QStringLiteral("phantom"),
                                       QStringLiteral("--kind"),
                                       QStringLiteral("chest-ct"),
                                       QStringLiteral("--out"),
                                       m_phantom,
                                       QStringLiteral("--slices"),
                                       QString::number(kSlices)});
    QVERIFY2(made.finished && made.exitCode == 0, made.err.constData());
    QCOMPARE(QDir(m_phantom).entryList({QStringLiteral("*.dcm")}, QDir::Files).size(), kSlices);
}

void TestWorkstationEndToEnd::testScreenshotOfPhantomAtLungWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("artifact");
    QTest::newRow("en lung") << QStringLiteral("en") << QStringLiteral("ct-lung")
                             << QStringLiteral("workstation-chest-ct-lung-window-en.png");
    QTest::newRow("ja lung") << QStringLiteral("ja") << QStringLiteral("ct-lung")
                             << QStringLiteral("workstation-chest-ct-lung-window-ja.png");
    // The control: --preset really reaches the viewer (the file's own window is a lung window).
    QTest::newRow("en mediastinum") << QStringLiteral("en") << QStringLiteral("ct-mediastinum")
                                    << QStringLiteral("workstation-chest-ct-mediastinum-window-en.png");
}

void TestWorkstationEndToEnd::testScreenshotOfPhantomAtLungWindow()
{
    QFETCH(QString, language);
    QFETCH(QString, preset);
    QFETCH(QString, artifact);
    const QString png = QDir(haip::test::artifactsDir()).filePath(artifact);
    QFile::remove(png);
    const auto run = haip::test::run(haip::test::programPath(QStringLiteral("haip-workstation")),
                                     {m_phantom,
                                      QStringLiteral("--screenshot"),
                                      png,
                                      QStringLiteral("--preset"),
                                      preset,
                                      QStringLiteral("--language"),
                                      language,
                                      QStringLiteral("--index-dir"),
                                      m_work.filePath(QStringLiteral("index-") + language)},
                                     90000);
    QVERIFY2(run.finished, "haip-workstation did not quit after the screenshot");
    QVERIFY2(run.exitCode == 0, run.err.constData());

    QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(png));
    QCOMPARE(image.size(), kScreenshotSize);
    const Histogram h = viewerHistogram(image);
    QVERIFY2(h.pixels > 100000, qPrintable(QString::number(h.pixels)));
    QVERIFY2(h.distinctGreys > 32, qPrintable(QString::number(h.distinctGreys))); // a CT, not a flat page
    const QString counts = QStringLiteral("lung grey %1, black %2, bright %3 of %4")
                               .arg(h.lungGrey)
                               .arg(h.black)
                               .arg(h.bright)
                               .arg(h.pixels);
    qInfo("%s", qPrintable(counts));
    if (preset == QLatin1String("ct-lung")) {
        // Lung window (C -600, W 1500): the lungs (~ -850 HU) are mid-dark grey, the body bright.
        // (Seen: 57 % lung grey, no black.)
        QVERIFY2(h.lungGrey * 4 > h.pixels, qPrintable(counts));
        QVERIFY2(h.black * 20 < h.pixels, qPrintable(counts));
        QVERIFY2(h.bright * 20 > h.pixels, qPrintable(counts));
    } else {
        // Mediastinal window (C 40, W 400): the lungs turn black.
        // (Seen: 57 % black, 13 % in the lung-grey range: fat and muscle.)
        QVERIFY2(h.black * 4 > h.pixels, qPrintable(counts));
        QVERIFY2(h.lungGrey * 4 < h.pixels, qPrintable(counts));
    }
}

void TestWorkstationEndToEnd::testUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("--no-such-option")};
    QTest::newRow("bad language") << QStringList {QStringLiteral("--language"), QStringLiteral("fr")};
    QTest::newRow("bad theme") << QStringList {QStringLiteral("--theme"), QStringLiteral("pink")};
    QTest::newRow("bad timeout") << QStringList {QStringLiteral("--screenshot"),
                                                 QStringLiteral("x.png"),
                                                 QStringLiteral("--screenshot-timeout"),
                                                 QStringLiteral("soon")};
}

void TestWorkstationEndToEnd::testUsageErrors()
{
    QFETCH(QStringList, arguments);
    const auto run = haip::test::run(haip::test::programPath(QStringLiteral("haip-workstation")), arguments, 30000);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("haip-workstation: "), run.err.constData());
}

void TestWorkstationEndToEnd::testHelp()
{
    const auto run =
        haip::test::run(haip::test::programPath(QStringLiteral("haip-workstation")), {QStringLiteral("--help")}, 30000);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    for (const char *option : {"--screenshot", "--language", "--index-dir", "--preset", "--theme"})
        QVERIFY2(run.out.contains(option), option);
}

QTEST_GUILESS_MAIN(TestWorkstationEndToEnd)
#include "TestWorkstationEndToEnd.moc"
