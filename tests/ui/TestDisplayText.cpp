// How DICOM values read in the study browser: person names, dates, times, modality lists.
#include "browser/DisplayText.h"

#include <QTest>

namespace display = haip::ui::display;

class TestDisplayText : public QObject
{
    Q_OBJECT
private slots:
    void testPersonName_data();
    void testPersonName();
    void testDate_data();
    void testDate();
    void testTime();
    void testModalities();
};

void TestDisplayText::testPersonName_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("groups");
    // pydicom charset_files/chrH31.dcm: alphabetic, ideographic and phonetic groups.
    QTest::newRow("japanese three groups")
        << QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう") << QStringLiteral("山田 太郎 (Yamada Tarou)")
        << QStringLiteral("Yamada Tarou = 山田 太郎 = やまだ たろう");
    QTest::newRow("alphabetic only") << QStringLiteral("DOE^JOHN^^MR") << QStringLiteral("DOE JOHN MR")
                                     << QStringLiteral("DOE JOHN MR");
    QTest::newRow("ideographic only") << QStringLiteral("=山田^太郎") << QStringLiteral("山田 太郎")
                                      << QStringLiteral("山田 太郎");
    QTest::newRow("phonetic only") << QStringLiteral("==やまだ^たろう") << QStringLiteral("やまだ たろう")
                                   << QStringLiteral("やまだ たろう");
    QTest::newRow("trailing empty group")
        << QStringLiteral("Wang^XiaoDong=王^小東=") << QStringLiteral("王 小東 (Wang XiaoDong)")
        << QStringLiteral("Wang XiaoDong = 王 小東");
    QTest::newRow("empty") << QString() << QString() << QString();
}

void TestDisplayText::testPersonName()
{
    QFETCH(QString, stored);
    QFETCH(QString, shown);
    QFETCH(QString, groups);
    QCOMPARE(display::personName(stored), shown);
    QCOMPARE(display::personNameGroups(stored), groups);
}

void TestDisplayText::testDate_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("shown");
    QTest::newRow("DA") << QStringLiteral("20230115") << QStringLiteral("2023-01-15");
    QTest::newRow("padded DA") << QStringLiteral("20230115 ") << QStringLiteral("2023-01-15");
    QTest::newRow("old ACR-NEMA form kept") << QStringLiteral("2023.01.15") << QStringLiteral("2023.01.15");
    QTest::newRow("empty") << QString() << QString();
}

void TestDisplayText::testDate()
{
    QFETCH(QString, stored);
    QFETCH(QString, shown);
    QCOMPARE(display::date(stored), shown);
}

void TestDisplayText::testTime()
{
    QCOMPARE(display::time(QStringLiteral("101530.25")), QStringLiteral("10:15"));
    QCOMPARE(display::time(QStringLiteral("0930")), QStringLiteral("09:30"));
    QCOMPARE(display::time(QStringLiteral("9")), QStringLiteral("9"));
}

void TestDisplayText::testModalities()
{
    QCOMPARE(display::modalities(QStringLiteral("CT\\SR")), QStringLiteral("CT/SR"));
    QCOMPARE(display::modalities(QStringLiteral("MR")), QStringLiteral("MR"));
    QCOMPARE(display::modalities(QString()), QString());
}

QTEST_GUILESS_MAIN(TestDisplayText)
#include "TestDisplayText.moc"
