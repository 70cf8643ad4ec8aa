// platform::Problem: RFC 9457 documents built from haip::Error and parsed back, the status
// table, and refusal of malformed documents.
#include "platform/Problem.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace haip;
using namespace haip::platform;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(haip::ErrorCode)

class TestProblem : public QObject
{
    Q_OBJECT

private slots:
    void statusForCode_data();
    void statusForCode();
    void roundTripKeepsCodeAndDetail();
    void extensionsSurvive();
    void foreignTypeFallsBackToStatus();
    void refusesMalformed_data();
    void refusesMalformed();
};

void TestProblem::statusForCode_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("status");
    QTest::newRow("invalid") << ErrorCode::InvalidArgument << 400;
    QTest::newRow("auth required") << ErrorCode::AuthenticationRequired << 401;
    QTest::newRow("auth failed") << ErrorCode::AuthenticationFailed << 401;
    QTest::newRow("cert rejected") << ErrorCode::CertificateRejected << 401;
    QTest::newRow("expired") << ErrorCode::SessionExpired << 401;
    QTest::newRow("not found") << ErrorCode::NotFound << 404;
    QTest::newRow("method") << ErrorCode::MethodNotAllowed << 405;
    QTest::newRow("timeout") << ErrorCode::RequestTimeout << 408;
    QTest::newRow("conflict") << ErrorCode::Conflict << 409;
    QTest::newRow("too large") << ErrorCode::PayloadTooLarge << 413;
    QTest::newRow("rate") << ErrorCode::RateLimited << 429;
    QTest::newRow("locked") << ErrorCode::AccountLocked << 429;
    QTest::newRow("internal") << ErrorCode::Internal << 500;
    QTest::newRow("database") << ErrorCode::DatabaseError << 500;
}

void TestProblem::statusForCode()
{
    QFETCH(ErrorCode, code);
    QFETCH(int, status);
    QCOMPARE(Problem::httpStatus(code), status);
    const Problem p = Problem::fromError(Error(code, u"why"_s));
    QCOMPARE(p.status, status);
    QCOMPARE(p.type, u"https://haip.example.jp/problems/"_s + errorCodeName(code));
    QVERIFY(!p.title.isEmpty());
}

void TestProblem::roundTripKeepsCodeAndDetail()
{
    const Problem p =
        Problem::fromError(Error(ErrorCode::SessionExpired, u"the session certificate has expired"_s, u"/v1/jobs"_s));
    const QJsonObject json = QJsonDocument::fromJson(p.toJson()).object();
    QCOMPARE(json[u"status"_s].toInt(), 401);
    QCOMPARE(json[u"instance"_s].toString(), u"/v1/jobs"_s);
    Result<Problem> parsed = Problem::parse(p.toJson());
    QVERIFY(parsed);
    const Error e = parsed->toError();
    QCOMPARE(e.code(), ErrorCode::SessionExpired);
    QCOMPARE(e.detail(), u"the session certificate has expired"_s);
    QCOMPARE(e.subject(), u"/v1/jobs"_s);
}

void TestProblem::extensionsSurvive()
{
    Problem p = Problem::fromError(Error(ErrorCode::RateLimited, u"slow down"_s));
    p.extensions.insert(u"retryAfterSeconds"_s, 7);
    Result<Problem> parsed = Problem::parse(p.toJson());
    QVERIFY(parsed);
    QCOMPARE(parsed->extensions.value(u"retryAfterSeconds"_s).toInt(), 7);
    QVERIFY(!parsed->extensions.contains(u"type"_s));
}

void TestProblem::foreignTypeFallsBackToStatus()
{
    Result<Problem> parsed = Problem::parse(R"({"type":"https://example.com/out-of-credit","status":404,"title":"x"})");
    QVERIFY(parsed);
    QCOMPARE(parsed->toError().code(), ErrorCode::NotFound);
    Result<Problem> blank = Problem::parse(R"({"status":500})");
    QVERIFY(blank);
    QCOMPARE(blank->type, u"about:blank"_s);
    QCOMPARE(blank->toError().code(), ErrorCode::Internal);
    // Overload and gateway answers read as "cannot be reached for now", not as a fault to report.
    for (const int status : {502, 503, 504}) {
        Result<Problem> unavailable = Problem::parse(u"{\"status\":%1}"_s.arg(status).toUtf8());
        QVERIFY(unavailable);
        QCOMPARE(unavailable->toError().code(), ErrorCode::NetworkUnavailable);
    }
}

void TestProblem::refusesMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("{oops");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("status string") << QByteArray(R"({"status":"401"})");
    QTest::newRow("status fraction") << QByteArray(R"({"status":401.5})");
    QTest::newRow("status range") << QByteArray(R"({"status":99})");
    QTest::newRow("type number") << QByteArray(R"({"type":3})");
    QTest::newRow("detail object") << QByteArray(R"({"detail":{}})");
}

void TestProblem::refusesMalformed()
{
    QFETCH(QByteArray, json);
    Result<Problem> parsed = Problem::parse(json);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code(), ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestProblem)
#include "TestProblem.moc"
