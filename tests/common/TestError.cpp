// Error and Result<T>: stable code names, subjects in messages, value/error access.
#include "common/Error.h"
#include "common/Result.h"

#include <QTest>

using haip::Error;
using haip::ErrorCode;
using haip::Result;

class TestError : public QObject
{
    Q_OBJECT
private slots:
    void testCodeNamesAreStableAndUnique();
    void testMessageNamesSubject();
    void testResultHoldsValueOrError();
    void testVoidResult();
};

void TestError::testCodeNamesAreStableAndUnique()
{
    QCOMPARE(haip::errorCodeName(ErrorCode::TruncatedFile), QStringLiteral("truncated-file"));
    QCOMPARE(haip::errorCodeName(ErrorCode::InvalidValueRepresentation),
             QStringLiteral("invalid-value-representation"));
    QSet<QString> names;
    for (int c = int(ErrorCode::None); c <= int(ErrorCode::Internal); ++c) {
        const QString name = haip::errorCodeName(ErrorCode(c));
        QVERIFY2(name != QStringLiteral("unknown"), qPrintable(QString::number(c)));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
    }
}

void TestError::testMessageNamesSubject()
{
    const Error e(ErrorCode::TruncatedFile, QStringLiteral("offset 9630"), QStringLiteral("/data/MR_truncated.dcm"));
    QVERIFY(e.message().contains(QStringLiteral("/data/MR_truncated.dcm")));
    QVERIFY(e.message().contains(QStringLiteral("truncated")));
    QCOMPARE(e.withSubject(QStringLiteral("x.dcm")).subject(), QStringLiteral("x.dcm"));
    QCOMPARE(e.withSubject(QStringLiteral("x.dcm")).detail(), QStringLiteral("offset 9630"));
}

void TestError::testResultHoldsValueOrError()
{
    Result<int> good(42);
    QVERIFY(good.ok());
    QCOMPARE(good.value(), 42);
    Result<int> bad(Error(ErrorCode::NotDicom, {}, QStringLiteral("a.txt")));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code(), ErrorCode::NotDicom);
}

void TestError::testVoidResult()
{
    Result<void> good;
    QVERIFY(good.ok());
    Result<void> bad(Error(ErrorCode::WriteFailed));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code(), ErrorCode::WriteFailed);
}

QTEST_GUILESS_MAIN(TestError)
#include "TestError.moc"
