#!/usr/bin/env bash
# Installs every Debian 12 package the workstation needs to build, run and test.
# Run as root. Idempotent: a second run only checks.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config clang-format ccache
    clang-tidy valgrind # static checks and memcheck (tests/lint/check-clang-tidy.sh, tests/cli/memcheck-cli.sh)
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools qt6-svg-dev qt6-webengine-dev
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libgl-dev
    libdcmtk-dev libopenjp2-7-dev libcharls-dev libssl-dev zlib1g-dev libpcsclite-dev
    libcurl4-openssl-dev # payload uploads (core/platform/BulkUploader.h)
    libsecret-1-dev # keys kept by the OS: the Secret Service (core/crypto/OsKeyStore.h)
    libp11-kit-dev # PKCS#11 header only (the token module is loaded by path)
    # run
    dcmtk pcscd vsmartcard-vpcd fonts-noto-cjk xvfb xauth
    # test: independent references and tools
    python3-pydicom python3-numpy python3-cryptography libgdcm-tools libopenjp2-tools dicom3tools dcm2niix hyperfine
    gnome-keyring libsecret-tools # a real Secret Service and an independent client (tests/support/with-secret-service.sh)
    pcsc-tools opensc opensc-pkcs11 softhsm2 oathtool wixl msitools curl time
    clang llvm libclang-rt-dev # libFuzzer targets with ASan+UBSan (tests/fuzz, scripts/fuzz.sh)
    wine64 libxml2-utils # the MSI installed under wine and the ADMX/ADML checked (tests/installer)
    faketime openssl # a platform with its clock off (TestClockSkew); legacy-TLS rogue server (TestRogueServer)
    dpkg-dev lintian appstream desktop-file-utils # the .deb: shlibdeps, lint, AppStream and menu checks (tests/installer)
    librsvg2-bin # rsvg-convert: the PNG sizes of the hicolor icon (cmake/HaipPackagingLinux.cmake)
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages (${missing[*]}); run as root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
