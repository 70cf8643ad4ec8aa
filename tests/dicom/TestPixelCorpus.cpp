// Every file of pydicom's corpus (test_files/, charset_files/, and zipMR.gz gunzipped) either
// decodes — every frame equal to an independent reference, bit for bit when lossless, within ±2
// when lossy — or fails with the error CorpusExpectations names. References: pydicom + numpy for
// native and RLE files, gdcmconv --raw then pydicom for JPEG, JPEG-LS and JPEG 2000.
#include "CorpusExpectations.h"
#include "ReferenceDecoder.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/DicomFile.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include <memory>

using namespace haip;
using namespace haip::dicom;
using namespace haip::test;

class TestPixelCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFileHasExactlyOneRule();
    void fileBehavesAsExpected_data();
    void fileBehavesAsExpected();

private:
    QString absolute(const QString &relative) const;
    const CorpusRule *ruleFor(const QString &relative) const;

    LibraryScope m_library;
    std::unique_ptr<ReferenceDecoder> m_reference;
    QStringList m_files; // relative to pydicom's data folder
    QString m_gunzipped;
    QHash<QString, QString> m_referenceErrors; // gdcmconv failures by file
};

QString TestPixelCorpus::absolute(const QString &relative) const
{
    if (relative.endsWith(kGunzippedSuffix))
        return m_gunzipped;
    return pydicomFile(relative);
}

const CorpusRule *TestPixelCorpus::ruleFor(const QString &relative) const
{
    const CorpusRule *found = nullptr;
    for (const CorpusRule &rule : corpusRules()) {
        if (QRegularExpression(QRegularExpression::anchoredPattern(rule.pattern)).match(relative).hasMatch()) {
            if (found != nullptr)
                return nullptr; // ambiguous: caught by everyFileHasExactlyOneRule
            found = &rule;
        }
    }
    return found;
}

void TestPixelCorpus::initTestCase()
{
    for (const QString &folder : {QStringLiteral("test_files"), QStringLiteral("charset_files")}) {
        QDirIterator it(pydicomFile(folder), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            m_files.append(QDir(pydicomData()).relativeFilePath(it.next()));
    }
    m_files.sort();
    QVERIFY2(m_files.size() > 150, "the pydicom corpus looks incomplete: reinstall python3-pydicom");

    m_reference = std::make_unique<ReferenceDecoder>();
    const QString missing = m_reference->missingTools();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing reference tools: ") + missing));

    // zipMR.gz is MR_small gzipped: gunzip it (gzip package) and decode the copy as well.
    const QString gzip = findTool(QStringLiteral("gzip"));
    QVERIFY2(!gzip.isEmpty(), "gzip is missing (Debian package gzip)");
    const ProcessResult unzipped =
        run(gzip, {QStringLiteral("-dc"), pydicomFile(QStringLiteral("test_files/zipMR.gz"))});
    QCOMPARE(unzipped.exitCode, 0);
    m_gunzipped = m_reference->tempPath(QStringLiteral("zipMR.dcm"));
    QFile out(m_gunzipped);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QCOMPARE(out.write(unzipped.out), unzipped.out.size());
    out.close();
    m_files.append(QStringLiteral("test_files/zipMR.gz") + kGunzippedSuffix);

    QElapsedTimer timer;
    timer.start();
    for (const QString &relative : std::as_const(m_files)) {
        const CorpusRule *rule = ruleFor(relative);
        if (rule == nullptr || rule->outcome != Outcome::Decodes)
            continue;
        QString source = absolute(relative);
        if (rule->reference == Reference::Gdcm) {
            QString error;
            source = m_reference->gdcmRaw(source, &error);
            if (source.isEmpty()) {
                m_referenceErrors.insert(relative, error);
                continue;
            }
        }
        m_reference->add(relative, source);
    }
    const QString error = m_reference->run();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    qInfo("references for the corpus decoded in %lld ms", timer.elapsed());
}

void TestPixelCorpus::everyFileHasExactlyOneRule()
{
    QHash<const CorpusRule *, int> matches;
    QStringList unexpected;
    for (const QString &relative : std::as_const(m_files)) {
        int count = 0;
        for (const CorpusRule &rule : corpusRules()) {
            if (QRegularExpression(QRegularExpression::anchoredPattern(rule.pattern)).match(relative).hasMatch()) {
                ++matches[&rule];
                ++count;
            }
        }
        if (count != 1)
            unexpected << QStringLiteral("%1 (%2 rules)").arg(relative).arg(count);
    }
    QVERIFY2(unexpected.isEmpty(),
             qPrintable(QStringLiteral("files without exactly one rule: ") + unexpected.join(QStringLiteral(", "))));
    for (const CorpusRule &rule : corpusRules())
        QVERIFY2(matches.value(&rule) == rule.expectedMatches,
                 qPrintable(QStringLiteral("rule %1 matched %2 files, expected %3")
                                .arg(rule.pattern)
                                .arg(matches.value(&rule))
                                .arg(rule.expectedMatches)));
}

void TestPixelCorpus::fileBehavesAsExpected_data()
{
    QTest::addColumn<QString>("relative");
    for (const QString &relative : std::as_const(m_files))
        QTest::newRow(qPrintable(relative)) << relative;
}

void TestPixelCorpus::fileBehavesAsExpected()
{
    QFETCH(QString, relative);
    const CorpusRule *rule = ruleFor(relative);
    QVERIFY2(rule != nullptr, "no (unique) expectation for this file");
    const QString path = absolute(relative);

    Result<DicomFile> file = DicomFile::open(path);
    Result<DicomFile> header = DicomFile::open(path, DicomFile::Content::HeaderOnly);
    if (rule->outcome == Outcome::OpenFails) {
        QVERIFY2(!file.ok(), "opened although it should fail");
        QCOMPARE(file.error().codeName(), errorCodeName(rule->code));
        QCOMPARE(file.error().subject(), path);
        QVERIFY(!file.error().detail().isEmpty());
        QVERIFY2(!header.ok(), "HeaderOnly opened although the file should fail");
        QCOMPARE(header.error().codeName(), errorCodeName(rule->code));
        return;
    }
    QVERIFY2(
        file.ok(),
        qPrintable(file.ok() ? QString() : file.error().message() + QStringLiteral(" — ") + file.error().detail()));
    QVERIFY2(header.ok(), qPrintable(header.ok() ? QString() : header.error().detail()));
    QCOMPARE(header->frameCount(), file->frameCount());
    QCOMPARE(header->info().sopInstanceUid, file->info().sopInstanceUid);

    if (rule->outcome == Outcome::NoPixelData || rule->outcome == Outcome::FrameFails) {
        const Result<Frame> frame = file->frame(0);
        QVERIFY2(!frame.ok(), "decoded although it should fail");
        QCOMPARE(frame.error().codeName(), errorCodeName(rule->code));
        QCOMPARE(frame.error().subject(), path);
        if (rule->outcome == Outcome::NoPixelData) {
            QCOMPARE(file->frameCount(), 0);
            QVERIFY(!file->contains(tags::PixelData));
        }
        return;
    }

    QVERIFY2(!m_referenceErrors.contains(relative), qPrintable(m_referenceErrors.value(relative)));
    const ReferencePixels reference = m_reference->result(relative);
    QVERIFY2(reference.ok, qPrintable(QStringLiteral("reference decoder failed: ") + reference.error));
    QCOMPARE(file->frameCount(), reference.frames);
    const Result<PixelFormat> format = file->pixelFormat();
    QVERIFY(format.ok());
    QCOMPARE(format->rows, reference.rows);
    QCOMPARE(format->columns, reference.columns);
    QCOMPARE(format->samplesPerPixel, reference.samples);
    QCOMPARE(format->bytesPerSample(), reference.bytesPerSample);

    QByteArray decoded;
    for (int i = 0; i < file->frameCount(); ++i) {
        const Result<Frame> frame = file->frame(i);
        QVERIFY2(frame.ok(), qPrintable(frame.ok() ? QString() : frame.error().detail()));
        QVERIFY(frame->isValid());
        QCOMPARE(frame->index, i);
        QCOMPARE(frame->format, *format);
        decoded += frame->data;
    }
    QCOMPARE(decoded.size(), reference.data.size());
    int worst = 0;
    qsizetype firstDifference = -1;
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        const int diff = std::abs(int(quint8(decoded[i])) - int(quint8(reference.data[i])));
        if (diff > worst) {
            worst = diff;
            if (firstDifference < 0)
                firstDifference = i;
        }
    }
    QVERIFY2(worst <= rule->tolerance,
             qPrintable(QStringLiteral("differs from the reference by up to %1 (first at byte %2), allowed %3")
                            .arg(worst)
                            .arg(firstDifference)
                            .arg(rule->tolerance)));
}

QTEST_GUILESS_MAIN(TestPixelCorpus)
#include "TestPixelCorpus.moc"
