// haip-cli pixels, run as a real process: the raw file equals pydicom's independent decode
// (normalised as Frame.h says), the JSON line describes it, and failures exit 1 with an error
// object while usage errors exit 2.
#include "ReferenceDecoder.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip::test;

namespace {

ProcessResult pixels(const QStringList &arguments)
{
    return run(programPath(QStringLiteral("haip-cli")), QStringList {QStringLiteral("pixels")} + arguments);
}

QJsonObject firstLine(const ProcessResult &r)
{
    return QJsonDocument::fromJson(r.out.split('\n').value(0)).object();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliPixels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void framesEqualTheReference_data();
    void framesEqualTheReference();
    void colourIsNormalisedToRgb();
    void failuresExitOne();
    void usageErrorsExitTwo();

private:
    QTemporaryDir m_dir;
    ReferenceDecoder m_reference;
};

void TestCliPixels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString missing = m_reference.missingTools();
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    for (const char *name :
         {"CT_small.dcm", "MR_small_bigendian.dcm", "SC_rgb_rle_2frame.dcm", "rtdose.dcm", "liver_1frame.dcm"})
        m_reference.add(QLatin1String(name), pydicomFile(QStringLiteral("test_files/") + QLatin1String(name)));
    const QString error = m_reference.run();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCliPixels::framesEqualTheReference_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("frame");
    QTest::addColumn<QString>("photometric");
    QTest::newRow("CT signed 16-bit") << QStringLiteral("CT_small.dcm") << 0 << QStringLiteral("MONOCHROME2");
    QTest::newRow("MR big endian") << QStringLiteral("MR_small_bigendian.dcm") << 0 << QStringLiteral("MONOCHROME2");
    QTest::newRow("RGB RLE frame 1") << QStringLiteral("SC_rgb_rle_2frame.dcm") << 1 << QStringLiteral("RGB");
    QTest::newRow("dose 32-bit frame 14") << QStringLiteral("rtdose.dcm") << 14 << QStringLiteral("MONOCHROME2");
    QTest::newRow("SEG 1-bit") << QStringLiteral("liver_1frame.dcm") << 0 << QStringLiteral("MONOCHROME2");
}

void TestCliPixels::framesEqualTheReference()
{
    QFETCH(QString, name);
    QFETCH(int, frame);
    QFETCH(QString, photometric);
    const QString out = m_dir.filePath(name + QStringLiteral(".raw"));
    const ProcessResult r = pixels({pydicomFile(QStringLiteral("test_files/") + name),
                                    QStringLiteral("--frame"),
                                    QString::number(frame),
                                    QStringLiteral("--out"),
                                    out});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = firstLine(r);
    const ReferencePixels reference = m_reference.result(name);
    QVERIFY2(reference.ok, qPrintable(reference.error));
    QCOMPARE(o[u"rows"].toInt(), reference.rows);
    QCOMPARE(o[u"columns"].toInt(), reference.columns);
    QCOMPARE(o[u"samples"].toInt(), reference.samples);
    QCOMPARE(o[u"bytes_per_sample"].toInt(), reference.bytesPerSample);
    QCOMPARE(o[u"frame"].toInt(), frame);
    QCOMPARE(o[u"photometric_interpretation"].toString(), photometric);
    const qsizetype frameBytes =
        qsizetype(reference.rows) * reference.columns * reference.samples * reference.bytesPerSample;
    QCOMPARE(readAll(out), reference.data.mid(frame * frameBytes, frameBytes));
}

void TestCliPixels::colourIsNormalisedToRgb()
{
    const QString out = m_dir.filePath(QStringLiteral("ybr.raw"));
    const ProcessResult r =
        pixels({pydicomFile(QStringLiteral("test_files/SC_rgb_dcmtk_+eb+cy+s2.dcm")), QStringLiteral("--out"), out});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = firstLine(r);
    QCOMPARE(o[u"photometric_interpretation"].toString(), QStringLiteral("RGB")); // stored as YBR_FULL_422
    QCOMPARE(o[u"samples"].toInt(), 3);
    QCOMPARE(readAll(out).size(), 100 * 100 * 3);
    // The image's top rows are pure red in the RGB original this JPEG was made from.
    const QByteArray data = readAll(out);
    QVERIFY(quint8(data[0]) > 240 && quint8(data[1]) < 15 && quint8(data[2]) < 15);
}

void TestCliPixels::failuresExitOne()
{
    const QString out = m_dir.filePath(QStringLiteral("fail.raw"));
    const ProcessResult range = pixels({pydicomFile(QStringLiteral("test_files/CT_small.dcm")),
                                        QStringLiteral("--frame"),
                                        QStringLiteral("1"),
                                        QStringLiteral("--out"),
                                        out});
    QCOMPARE(range.exitCode, 1);
    QCOMPARE(firstLine(range)[u"error"].toString(), QStringLiteral("frame-out-of-range"));
    QVERIFY(!QFile::exists(out));

    const ProcessResult noPixels =
        pixels({pydicomFile(QStringLiteral("test_files/rtplan.dcm")), QStringLiteral("--out"), out});
    QCOMPARE(noPixels.exitCode, 1);
    QCOMPARE(firstLine(noPixels)[u"error"].toString(), QStringLiteral("no-pixel-data"));

    const ProcessResult notDicom =
        pixels({pydicomFile(QStringLiteral("test_files/README.txt")), QStringLiteral("--out"), out});
    QCOMPARE(notDicom.exitCode, 1);
    QCOMPARE(firstLine(notDicom)[u"error"].toString(), QStringLiteral("not-dicom"));

    const ProcessResult corrupt =
        pixels({pydicomFile(QStringLiteral("test_files/JPEG2000-embedded-sequence-delimiter.dcm")),
                QStringLiteral("--out"),
                out});
    QCOMPARE(corrupt.exitCode, 1);
    QCOMPARE(firstLine(corrupt)[u"error"].toString(), QStringLiteral("corrupt-pixel-data"));

    const ProcessResult unwritable = pixels({pydicomFile(QStringLiteral("test_files/CT_small.dcm")),
                                             QStringLiteral("--out"),
                                             QStringLiteral("/nonexistent-folder/x.raw")});
    QCOMPARE(unwritable.exitCode, 1);
    QCOMPARE(firstLine(unwritable)[u"error"].toString(), QStringLiteral("write-failed"));
}

void TestCliPixels::usageErrorsExitTwo()
{
    const QString ct = pydicomFile(QStringLiteral("test_files/CT_small.dcm"));
    QCOMPARE(pixels({}).exitCode, 2);
    QCOMPARE(pixels({ct}).exitCode, 2); // no --out
    QCOMPARE(pixels({ct, QStringLiteral("--out")}).exitCode, 2);
    QCOMPARE(pixels({ct, QStringLiteral("--frame"), QStringLiteral("x"), QStringLiteral("--out"), QStringLiteral("a")})
                 .exitCode,
             2);
    QCOMPARE(pixels({ct, QStringLiteral("--frame"), QStringLiteral("-1"), QStringLiteral("--out"), QStringLiteral("a")})
                 .exitCode,
             2);
    QCOMPARE(pixels({ct, ct, QStringLiteral("--out"), QStringLiteral("a")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliPixels)
#include "TestCliPixels.moc"
