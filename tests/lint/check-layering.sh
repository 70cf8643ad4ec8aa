#!/usr/bin/env bash
# Enforces the one-way layering app → ui → core: core/ includes no widgets or WebEngine,
# and no public core header includes a third-party C library header (DCMTK, OpenJPEG,
# OpenSSL, PC/SC stay inside .cpp files or internal/ folders).
set -euo pipefail
cd "$1"
status=0
if grep -rnE '#include\s*[<"](QtWidgets|QtWebEngine|QWidget|QMainWindow|QApplication|QDialog|QAction|QMenu|ui/)' core; then
    echo "core/ must not depend on widgets, WebEngine or ui/"
    status=1
fi
if grep -rnE '#include\s*[<"](dcmtk/|openjpeg|openssl/|PCSC/|winscard)' core --include='*.h' | grep -v '/internal/'; then
    echo "public core headers must not include third-party headers (move them to .cpp or internal/)"
    status=1
fi
if grep -rnE '#include\s*"(MainWindow|browser/|viewer/)' core ui/viewer 2>/dev/null | grep -v '^ui/viewer/.*viewer/'; then
    echo "lower layers must not include the shell"
    status=1
fi
exit $status
