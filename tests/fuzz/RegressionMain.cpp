// The regression driver: links with one target's LLVMFuzzerTestOneInput in the ordinary (gcc)
// build and feeds it every file of the folders and files named on the command line, sorted, so
// that each crash input a fuzzer ever found stays a test without clang. A crash, sanitizer
// report or assertion fails the ctest test; no input at all fails too (a wrong path).
#include "FuzzSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            QDirIterator it(arg, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
        } else if (QFileInfo(arg).isFile()) {
            files.append(arg);
        }
    }
    files.sort();
    if (files.isEmpty()) {
        std::fprintf(stderr, "regression: no input files in the folders given\n");
        return 1;
    }
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "regression: cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray input = file.readAll();
        std::fprintf(stderr, "regression: %s (%lld bytes)\n", qPrintable(path), static_cast<long long>(input.size()));
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()), std::size_t(input.size()));
    }
    std::printf("regression: %lld inputs, no failure\n", static_cast<long long>(files.size()));
    return 0;
}
