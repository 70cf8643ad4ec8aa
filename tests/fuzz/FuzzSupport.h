// What every libFuzzer target of tests/fuzz shares: the process set-up the real programs do
// (a QCoreApplication, then haip::LibraryScope for the DICOM codecs and dictionary), done once
// in LLVMFuzzerInitialize, and Qt's log output silenced so that millions of refused inputs do
// not drown the fuzzer's own report (HAIP_FUZZ_VERBOSE=1 keeps it). The same sources link with
// libFuzzer (preset "fuzz") and with RegressionMain.cpp (the ordinary gcc build).
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace haip::fuzz {

// The input as Qt bytes, without a copy (valid for the duration of one call).
inline QByteArrayView view(const std::uint8_t *data, std::size_t size)
{
    return QByteArrayView(data, qsizetype(size));
}

// A deep copy, for APIs that take a QByteArray (a raw-data QByteArray would outlive the input).
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return view(data, size).toByteArray();
}

} // namespace haip::fuzz
