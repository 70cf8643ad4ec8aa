// Decodes corpus files with tools independent of DCMTK and of our code, for TestPixelCorpus:
// gdcmconv --raw (libgdcm-tools) turns compressed files into native ones, then one batch run of
// pixel_reference.py (/usr/bin/python3 with Debian's pydicom + numpy) writes every file's frames
// normalised as Frame.h describes. A missing tool is reported as a failure naming its package.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace haip::test {

struct ReferencePixels
{
    bool ok = false;
    QString error;
    int frames = 0;
    int rows = 0;
    int columns = 0;
    int samples = 0;
    int bytesPerSample = 0;
    QByteArray data; // all frames, back to back
};

class ReferenceDecoder
{
public:
    ReferenceDecoder();

    // Empty when every tool is present; else what to install.
    QString missingTools() const;
    // Native copy of a compressed file through gdcmconv --raw; empty + `error` on failure.
    QString gdcmRaw(const QString &path, QString *error);
    // Queues `path` (a native or RLE file pydicom can read) for decoding under `key`.
    void add(const QString &key, const QString &path);
    // Runs pydicom once for everything queued. Returns an error text, empty on success.
    QString run();
    ReferencePixels result(const QString &key) const;
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QString m_gdcmconv;
    QString m_python;
    QString m_script;
    QStringList m_keys;
    QHash<QString, QString> m_inputs;
    QHash<QString, ReferencePixels> m_results;
    int m_counter = 0;
};

} // namespace haip::test
