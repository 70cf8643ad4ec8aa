// Helpers shared by the test suites: where the external corpus and our programs are,
// and how to require an external tool (missing = failure, never a skip).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace haip::test {

// pydicom's data folder (Debian python3-pydicom): test_files/, charset_files/.
QString pydicomData();
QString pydicomFile(const QString &relative); // e.g. "test_files/CT_small.dcm"
// A program built by this project, e.g. "haip-cli".
QString programPath(const QString &name);
// The absolute path of an external tool on PATH, or an empty string. Tests QVERIFY2 on it so
// a missing reference tool fails the suite with the package to install.
QString findTool(const QString &name);
// Where tests leave screenshots and reports for people to look at.
QString artifactsDir();

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};
// Runs a program to completion (timeout in ms) with the given arguments.
ProcessResult run(const QString &program, const QStringList &arguments, int timeoutMs = 120000);
// haip-cli's stdout as its JSON objects, one per line (blank lines skipped); empty when any line
// is not one JSON object, so a stray message on stdout fails the test.
QList<QJsonObject> jsonLines(const QByteArray &out);

} // namespace haip::test
