// Helpers shared by the test suites: where the external corpus and our programs are,
// and how to require an external tool (missing = failure, never a skip).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QProcess;

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
// A helper the test starts (pcscd, haip-vcard, haip-platform serve) gets SIGTERM when the test
// process dies, however it dies: a test aborted by a sanitizer or a crash skips its destructors,
// and a pcscd left behind holds vpcd's fixed port and fails every card test after it.
void endWithThisProcess(QProcess &process);

// Waits that detect hangs (a job's processing, a server's answer) scaled for slow builds: the
// asan preset's test environment sets HAIP_TEST_TIMEOUT_SCALE (Debug + sanitizers run our
// programs several times slower); 1 elsewhere.
int scaledTimeout(int ms);

// Runs a program to completion (timeout in ms) with the given arguments.
ProcessResult run(const QString &program, const QStringList &arguments, int timeoutMs = 120000);
// haip-cli's stdout as its JSON objects, one per line (blank lines skipped); empty when any line
// is not one JSON object, so a stray message on stdout fails the test.
QList<QJsonObject> jsonLines(const QByteArray &out);

} // namespace haip::test
