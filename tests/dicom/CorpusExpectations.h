// What every file of pydicom's test corpus (Debian python3-pydicom: test_files/, charset_files/)
// is, and so what DicomFile must do with it: decode (compared with an independent reference) or
// fail with a named error. Each rule says how many corpus files it must match, so a file added
// to or removed from the corpus fails TestPixelCorpus until someone looks at it.
#pragma once

#include "common/Error.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace haip::test {

enum class Outcome
{
    Decodes, // every frame decodes and matches the reference
    OpenFails, // DicomFile::open fails with `code`
    FrameFails, // open succeeds, frame(0) fails with `code`
    NoPixelData // open succeeds, frameCount() == 0, frame(0) fails with NoPixelData
};

enum class Reference
{
    None,
    Pydicom, // pydicom + numpy read the file itself (native syntaxes and RLE, pydicom's own decoder)
    Gdcm // gdcmconv --raw decompresses first (JPEG, JPEG-LS, JPEG 2000), then pydicom reads it
};

struct CorpusRule
{
    QString pattern; // regular expression over the path relative to pydicom's data folder
    int expectedMatches;
    Outcome outcome;
    ErrorCode code = ErrorCode::None;
    Reference reference = Reference::None;
    int tolerance = 0; // max |difference| per byte; 0 = bit for bit (lossless)
    QString why; // what the file really is, for the report
};

const QList<CorpusRule> &corpusRules();

// The file a relative corpus path names ("test_files/zipMR.gz#gunzip" is a gunzipped copy).
inline const QString kGunzippedSuffix = QStringLiteral("#gunzip");

} // namespace haip::test
