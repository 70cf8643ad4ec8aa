// JobStore: where the workstation keeps its analysis jobs — one encrypted record per job
// (crypto::SealedFile under a key the OS keeps, "analysis-jobs-key": a record names the original
// study and holds the result's key) and one work folder per job for its sealed payload, its
// sealed result and the opened, re-linked result files. One store per OS user:
// <AppDataLocation of haip-workstation>/jobs/. Saving is atomic (a crash leaves the previous
// record), so a job read back after a kill is one that was really reached.
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "workflow/AnalysisJob.h"

#include <QList>
#include <QString>

namespace haip::workflow {

struct LoadedJobs
{
    QList<AnalysisJob> jobs; // oldest first
    QList<Error> unreadable; // records that did not open: kept on disk, reported, never replaced
};

class JobStore
{
public:
    static QString defaultFolder();
    static Result<crypto::SecureBuffer> defaultKey();

    // `key`: 32 bytes.
    JobStore(QString folder, crypto::SecureBuffer key);

    const QString &folder() const { return m_folder; }
    LoadedJobs loadAll() const;
    Result<void> save(const AnalysisJob &job) const;
    // The record and the job's work folder (payload, result files).
    Result<void> remove(const QString &id) const;

    // <folder>/<id>/: 0700, created on demand.
    Result<QString> workFolder(const QString &id) const;

private:
    QString recordPath(const QString &id) const;

    QString m_folder;
    crypto::SecureBuffer m_key;
};

} // namespace haip::workflow
