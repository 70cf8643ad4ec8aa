#include "CryptoTestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryFile>

namespace haip::test {

QString cryptoDataFile(const QString &name)
{
    return QDir(QStringLiteral(HAIP_CRYPTO_TEST_DIR)).filePath(QStringLiteral("data/") + name);
}

ProcessResult runWithInput(const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    ProcessResult result;
    QTemporaryFile in;
    if (!in.open() || in.write(input) != input.size() || !in.flush()) {
        result.err = "cannot write the temporary input file";
        return result;
    }
    QProcess process;
    process.setStandardInputFile(in.fileName());
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished)
        process.kill();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

ProcessResult runPythonReference(const QStringList &arguments, const QByteArray &input)
{
    const QString python = QStringLiteral("/usr/bin/python3");
    if (!QFile::exists(python)) {
        ProcessResult missing;
        missing.err = "/usr/bin/python3 is missing: apt-get install python3 python3-cryptography";
        return missing;
    }
    const QString script = QDir(QStringLiteral(HAIP_CRYPTO_TEST_DIR)).filePath(QStringLiteral("hpke_reference.py"));
    ProcessResult result = runWithInput(python, QStringList {script} + arguments, input);
    if (result.err.contains("No module named 'cryptography'"))
        result.err = "the HPKE reference needs Debian's python3-cryptography: apt-get install python3-cryptography";
    return result;
}

} // namespace haip::test
