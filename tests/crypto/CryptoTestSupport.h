// Helpers of the crypto tests: where their data and the Python reference are, and how to run a
// program with bytes on its standard input.
#pragma once

#include "TestSupport.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace haip::test {

// tests/crypto/data/<name>
QString cryptoDataFile(const QString &name);
// Runs tests/crypto/hpke_reference.py with Debian's /usr/bin/python3 and python3-cryptography.
// When either is missing, err names the package to install.
ProcessResult runPythonReference(const QStringList &arguments, const QByteArray &input = {});
// Runs a program with `input` on its standard input (written from a temporary file, so large
// inputs do not sit in a pipe buffer).
ProcessResult
runWithInput(const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs = 120000);

} // namespace haip::test
