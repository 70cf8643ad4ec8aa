#include <QtTest>
class TestDicomFile : public QObject
{
    Q_OBJECT private slots : void placeholder() { QVERIFY(true); }
};
QTEST_GUILESS_MAIN(TestDicomFile)
#include "TestDicomFile.moc"
