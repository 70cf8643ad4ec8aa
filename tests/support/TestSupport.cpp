#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace haip::test {

void endWithThisProcess(QProcess &process)
{
#ifdef Q_OS_LINUX
    // Runs in the child between fork and exec; the setting survives exec (not setuid programs).
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#else
    Q_UNUSED(process);
#endif
}

int scaledTimeout(int ms)
{
    bool ok = false;
    const int scale = qEnvironmentVariableIntValue("HAIP_TEST_TIMEOUT_SCALE", &ok);
    return ok && scale > 1 ? ms * scale : ms;
}

QString pydicomData()
{
    return QStringLiteral(HAIP_PYDICOM_DATA);
}

QString pydicomFile(const QString &relative)
{
    return QDir(pydicomData()).filePath(relative);
}

QString programPath(const QString &name)
{
    return QDir(QStringLiteral(HAIP_BIN_DIR)).filePath(name);
}

QString findTool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

QString artifactsDir()
{
    return QStringLiteral(HAIP_TEST_ARTIFACTS_DIR);
}

ProcessResult run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(timeoutMs)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished)
        process.kill();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return {};
        objects.append(doc.object());
    }
    return objects;
}

} // namespace haip::test
