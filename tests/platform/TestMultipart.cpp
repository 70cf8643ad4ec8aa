// TestMultipart: multipart/related as the envelopes carry it — MultipartWriter's output parses
// back to the same parts (also empty bodies and bodies holding boundary-like text), and
// MultipartReader refuses what a hostile sender could try: foreign header fields, encodings
// other than binary, a missing closing boundary, a wrong Content-Length, too many parts,
// oversized headers, a bad entity Content-Type.
#include "platform/MultipartReader.h"
#include "platform/MultipartWriter.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::platform;

class TestMultipart : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void emptyMultipart();
    void refusesHostileInput_data();
    void refusesHostileInput();
    void partLimit();
};

namespace {
QList<MultipartPart> sampleParts()
{
    QList<MultipartPart> parts;
    parts.append({{"application/dicom", "<a@haip>", u"1.2.3.dcm"_s, {}, -1}, QByteArray(1000, '\x01')});
    parts.append({{"application/dicom", {}, {}, {}, 0}, QByteArray()});
    // A body containing CRLF and "--" runs must not end the part early.
    parts.append({{"text/html; charset=utf-8", {}, u"report.html"_s, u"報告書"_s, -1},
                  QByteArray("<p>\r\n--not-a-boundary\r\n--</p>")});
    parts.append({{"application/json", {}, u"findings.json"_s, {}, 2}, QByteArray("{}")});
    return parts;
}
} // namespace

void TestMultipart::roundTrip()
{
    const QList<MultipartPart> parts = sampleParts();
    const QByteArray entity = MultipartWriter::write(parts);
    Result<MultipartMessage> parsed = MultipartReader::parseEntity(entity);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail()));
    QCOMPARE(parsed->contentType.type, QByteArray("application/dicom"));
    QCOMPARE(parsed->parts.size(), parts.size());
    for (int i = 0; i < parts.size(); ++i) {
        QCOMPARE(parsed->parts[i].headers, parts[i].headers);
        QCOMPARE(parsed->parts[i].body, parts[i].body);
    }
}

void TestMultipart::emptyMultipart()
{
    Result<MultipartMessage> parsed = MultipartReader::parseEntity(MultipartWriter::write({}));
    QVERIFY(parsed);
    QVERIFY(parsed->parts.isEmpty());
}

void TestMultipart::refusesHostileInput_data()
{
    QTest::addColumn<QByteArray>("entity");
    const QByteArray head = "Content-Type: multipart/related; type=\"application/dicom\"; boundary=\"b1\"\r\n\r\n";
    const QByteArray part = "--b1\r\nContent-Type: application/dicom\r\n\r\nDATA\r\n";
    QTest::newRow("foreign header field")
        << head + "--b1\r\nContent-Type: application/dicom\r\nX-Evil: 1\r\n\r\nD\r\n--b1--\r\n";
    QTest::newRow("base64 encoding") << head +
            "--b1\r\nContent-Type: application/dicom\r\nContent-Transfer-Encoding: base64\r\n\r\nRA==\r\n--b1--\r\n";
    QTest::newRow("no closing boundary (truncated)") << head + part;
    QTest::newRow("wrong Content-Length")
        << head + "--b1\r\nContent-Type: application/dicom\r\nContent-Length: 5\r\n\r\nDATA\r\n--b1--\r\n";
    QTest::newRow("part without Content-Type") << head + "--b1\r\nContent-ID: <x>\r\n\r\nDATA\r\n--b1--\r\n";
    QTest::newRow("duplicate header field")
        << head + "--b1\r\nContent-Type: application/dicom\r\nContent-Type: text/html\r\n\r\nD\r\n--b1--\r\n";
    QTest::newRow("bare LF header") << head + "--b1\nContent-Type: application/dicom\n\nD\r\n--b1--\r\n";
    QTest::newRow("not multipart/related") << QByteArray("Content-Type: text/plain\r\n\r\nhello");
    QTest::newRow("no entity header end") << QByteArray("Content-Type: multipart/related; boundary=\"b1\"");
    QTest::newRow("oversized part header") << head +
            "--b1\r\nContent-Type: application/dicom\r\nContent-Description: " + QByteArray(9000, 'x') +
            "\r\n\r\nD\r\n--b1--\r\n";
    QTest::newRow("long preamble") << head + QByteArray(2000, 'p') + "\r\n" + part + "--b1--\r\n";
    QTest::newRow("long epilogue") << head + part + "--b1--\r\n" + QByteArray(2000, 'e');
}

void TestMultipart::refusesHostileInput()
{
    QFETCH(QByteArray, entity);
    Result<MultipartMessage> parsed = MultipartReader::parseEntity(entity);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code(), ErrorCode::InvalidArgument);
}

void TestMultipart::partLimit()
{
    MultipartPart one;
    one.headers.contentType = "application/dicom";
    one.body = "x";
    const QList<MultipartPart> parts(11, one);
    const QByteArray entity = MultipartWriter::write(parts);
    MultipartLimits limits;
    limits.maxParts = 10;
    QVERIFY(!MultipartReader::parseEntity(entity, limits));
    limits.maxParts = 11;
    QVERIFY(MultipartReader::parseEntity(entity, limits));
}

QTEST_GUILESS_MAIN(TestMultipart)
#include "TestMultipart.moc"
