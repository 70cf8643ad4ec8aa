// The whole display pipeline on real files — DicomFile's decoding and DisplayInfo, then
// WindowLevelRenderer — against pydicom's own LUT functions (window_reference.py: modality
// LUT, windowing LINEAR / LINEAR_EXACT / SIGMOID, VOI LUT table, palette, MONOCHROME1) on
// files of the pydicom corpus and samples pydicom writes for the cases the corpus lacks.
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/DicomFile.h"
#include "dicom/WindowLevelRenderer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace haip;
using namespace haip::dicom;

class TestWindowLevelCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matchesPydicom_data();
    void matchesPydicom();

private:
    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    QList<QJsonObject> m_cases;
};

void TestWindowLevelCorpus::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    const QString python = QStringLiteral("/usr/bin/python3");
    QVERIFY2(QFile::exists(python), "Debian's /usr/bin/python3 is missing (python3-pydicom, python3-numpy)");
    const QString script =
        QDir(QStringLiteral(HAIP_SOURCE_DIR)).filePath(QStringLiteral("tests/dicom/window_reference.py"));
    const test::ProcessResult result =
        test::run(python, {script, m_dir.path(), test::pydicomFile(QStringLiteral("test_files"))});
    QVERIFY2(result.finished && result.exitCode == 0,
             qPrintable(QStringLiteral("window_reference.py (needs python3-pydicom, python3-numpy): ") +
                        QString::fromUtf8(result.err)));
    for (const QByteArray &line : result.out.split('\n'))
        if (!line.trimmed().isEmpty())
            m_cases.append(QJsonDocument::fromJson(line).object());
    QCOMPARE(m_cases.size(), 8);
}

void TestWindowLevelCorpus::matchesPydicom_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_cases.size(); ++i)
        QTest::newRow(m_cases[i].value(QStringLiteral("name")).toString().toUtf8().constData()) << i;
}

void TestWindowLevelCorpus::matchesPydicom()
{
    QFETCH(int, index);
    QVERIFY(index < m_cases.size());
    const QJsonObject c = m_cases[index];
    const QString name = c.value(QStringLiteral("name")).toString();
    auto file = DicomFile::open(c.value(QStringLiteral("path")).toString());
    QVERIFY2(file.ok(), qPrintable(name + u' ' + (file.ok() ? QString() : file.error().message())));
    auto frame = file->frame(0);
    QVERIFY2(frame.ok(), qPrintable(name));
    const DisplayInfo display = file->displayInfo(0);

    RenderSettings settings = WindowLevelRenderer::defaultSettings(*frame, display);
    if (c.value(QStringLiteral("lut")).toBool()) {
        QCOMPARE(settings.voiLutIndex, 0); // the file's VOI LUT is its default
    } else if (c.contains(QStringLiteral("center"))) {
        const double center = c.value(QStringLiteral("center")).toDouble();
        const double width = c.value(QStringLiteral("width")).toDouble();
        if (c.value(QStringLiteral("from_file")).toBool()) {
            QCOMPARE(settings.center, center); // the file's window is the default
            QCOMPARE(settings.width, width);
        }
        settings.center = center;
        settings.width = width;
    }
    const QImage image = WindowLevelRenderer::render(*frame, display, settings);
    QVERIFY(!image.isNull());

    QFile expectedFile(c.value(QStringLiteral("expected")).toString());
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QByteArray expected = expectedFile.readAll();
    const int channels = c.value(QStringLiteral("channels")).toInt();
    QCOMPARE(expected.size(), qsizetype(image.width()) * image.height() * channels);
    // Identical but for floating-point rounding exactly at a half level: at most ±1, rarely.
    int exact = 0;
    int worst = 0;
    qsizetype i = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            const QList<int> got = channels == 1 ? QList<int> {qGray(p)} : QList<int> {qRed(p), qGreen(p), qBlue(p)};
            bool same = true;
            for (int ch = 0; ch < channels; ++ch) {
                const int diff = std::abs(got[ch] - int(quint8(expected[i++])));
                worst = std::max(worst, diff);
                same = same && diff == 0;
            }
            exact += same ? 1 : 0;
        }
    }
    const int pixels = image.width() * image.height();
    qInfo("%s: %dx%d, %d of %d pixels identical, largest difference %d",
          qPrintable(name),
          image.width(),
          image.height(),
          exact,
          pixels,
          worst);
    QVERIFY2(worst <= 1, qPrintable(name));
    QVERIFY2(exact >= pixels - pixels / 1000, qPrintable(name));
}

QTEST_GUILESS_MAIN(TestWindowLevelCorpus)
#include "TestWindowLevelCorpus.moc"
