#include "dicom/FileScanner.h"

#include "dicom/DicomDirReader.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <array>

namespace haip::dicom {

namespace {

// Entries that are never images, left out of folder scans: OS metadata, thumbnail caches and
// recycle bins found on CDs and USB sticks (compared case-insensitively). Hidden and system
// entries are skipped by QDir's filters already; these also show up without those flags.
constexpr std::array<QLatin1StringView, 9> kJunkNames {{
    QLatin1StringView("thumbs.db"), // Windows Explorer thumbnail cache
    QLatin1StringView("desktop.ini"), // Windows folder settings
    QLatin1StringView(".ds_store"), // macOS Finder metadata
    QLatin1StringView("__macosx"), // macOS resource forks in zip archives
    QLatin1StringView("$recycle.bin"), // Windows recycle bin on removable drives
    QLatin1StringView("system volume information"), // Windows restore points / indexing
    QLatin1StringView("lost+found"), // fsck's folder on Linux file systems
    QLatin1StringView(".spotlight-v100"), // macOS search index
    QLatin1StringView(".trashes"), // macOS trash on removable drives
}};

bool isJunk(const QString &name)
{
    const QString lower = name.toLower();
    for (const QLatin1StringView junk : kJunkNames) {
        if (lower == junk)
            return true;
    }
    return false;
}

// A name as a CD may present it: any case, possibly with the ISO 9660 version (";1") or the
// dot of an empty extension. Folded so "IM000001;1", "im000001" and "IM000001." match.
QString foldName(const QString &name)
{
    QString folded = name;
    const qsizetype semicolon = folded.lastIndexOf(QLatin1Char(';'));
    if (semicolon > 0)
        folded.truncate(semicolon);
    if (folded.size() > 1 && folded.endsWith(QLatin1Char('.')))
        folded.chop(1);
    return folded.toCaseFolded();
}

bool isSafeComponent(const QString &component)
{
    return !component.isEmpty() && component != QLatin1String(".") && component != QLatin1String("..") &&
        !component.contains(QLatin1Char('/')) && !component.contains(QLatin1Char(':'));
}

class Scan
{
public:
    explicit Scan(const std::atomic<bool> *cancel) : m_cancel(cancel) { }

    void addPath(const QString &path);
    ScanResult take() { return std::move(m_result); }

private:
    bool cancelled();
    void addFile(const QFileInfo &info);
    void scanFolder(const QString &folder, const QString &excludedCanonical);
    void scanDicomDir(const QString &path);
    // The entry of `folder` called `name`, exact or else case-insensitively; empty if none.
    QString findEntry(const QString &folder, const QString &name);
    QString resolve(const QString &folder, const QStringList &components);

    const std::atomic<bool> *m_cancel;
    ScanResult m_result;
    QSet<QString> m_seen; // canonical paths of files listed
    QSet<QString> m_visitedFolders; // canonical paths, so symbolic-link loops end
    QHash<QString, QHash<QString, QString>> m_foldedEntries; // folder → folded name → real name
};

bool Scan::cancelled()
{
    if (m_cancel != nullptr && m_cancel->load(std::memory_order_relaxed))
        m_result.cancelled = true;
    return m_result.cancelled;
}

void Scan::addFile(const QFileInfo &info)
{
    const QString canonical = info.canonicalFilePath();
    const QString key = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
    if (m_seen.contains(key))
        return;
    m_seen.insert(key);
    m_result.files.append(QDir::cleanPath(info.absoluteFilePath()));
}

void Scan::addPath(const QString &path)
{
    if (cancelled())
        return;
    const QFileInfo info(path);
    if (!info.exists()) {
        m_result.errors.append(Error(ErrorCode::FileNotFound, {}, path));
        return;
    }
    const QString absolute = QDir::cleanPath(info.absoluteFilePath());
    if (info.isDir()) {
        const QString dicomDir = findEntry(absolute, QStringLiteral("DICOMDIR"));
        if (!dicomDir.isEmpty() && QFileInfo(dicomDir).isFile())
            scanDicomDir(dicomDir);
        else
            scanFolder(absolute, {});
    } else if (DicomDirReader::isDicomDir(absolute)) {
        scanDicomDir(absolute);
    } else {
        addFile(info); // named explicitly: kept even if hidden or junk-named
    }
}

void Scan::scanFolder(const QString &folder, const QString &excludedCanonical)
{
    const QFileInfo folderInfo(folder);
    const QString canonical = folderInfo.canonicalFilePath();
    if (m_visitedFolders.contains(canonical))
        return;
    m_visitedFolders.insert(canonical);
    if (!folderInfo.isReadable()) {
        m_result.errors.append(Error(ErrorCode::FileUnreadable, QStringLiteral("folder"), folder));
        return;
    }
    // Files by name first, then sub-folders by name: a stable order on every file system.
    const QFileInfoList entries =
        QDir(folder).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsLast);
    for (const QFileInfo &entry : entries) {
        if (cancelled())
            return;
        const QString name = entry.fileName();
        if (isJunk(name))
            continue;
        if (entry.isDir()) {
            scanFolder(entry.absoluteFilePath(), excludedCanonical);
        } else if (!DicomDirReader::hasDicomDirName(name) &&
                   (excludedCanonical.isEmpty() || entry.canonicalFilePath() != excludedCanonical)) {
            addFile(entry);
        }
    }
}

QString Scan::findEntry(const QString &folder, const QString &name)
{
    QString exact = folder + QLatin1Char('/') + name;
    if (QFileInfo::exists(exact))
        return exact;
    auto cached = m_foldedEntries.find(folder);
    if (cached == m_foldedEntries.end()) {
        QHash<QString, QString> byFolded;
        const QStringList names =
            QDir(folder).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &entry : names)
            byFolded.insert(foldName(entry), entry); // sorted input: the last of equal folds wins, stably
        cached = m_foldedEntries.insert(folder, byFolded);
    }
    const auto match = cached->constFind(foldName(name));
    return match == cached->constEnd() ? QString() : folder + QLatin1Char('/') + *match;
}

QString Scan::resolve(const QString &folder, const QStringList &components)
{
    QString current = folder;
    for (const QString &component : components) {
        if (!isSafeComponent(component))
            return {}; // a reference outside the DICOMDIR's folder is a lie too
        current = findEntry(current, component);
        if (current.isEmpty())
            return {};
    }
    return QFileInfo(current).isFile() ? current : QString();
}

void Scan::scanDicomDir(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = QDir::cleanPath(info.absolutePath());
    QString problem;
    const Result<DicomDirContents> contents = DicomDirReader::read(path);
    if (!contents) {
        problem = contents.error().detail().isEmpty() ? contents.error().codeName() : contents.error().detail();
    } else if (contents->referencedFiles.isEmpty()) {
        problem = contents->recordCount == 0
            ? QStringLiteral("it holds no directory records")
            : QStringLiteral("none of its %1 directory records references a file").arg(contents->recordCount);
    } else {
        QStringList resolved;
        QStringList missing;
        for (const QStringList &id : contents->referencedFiles) {
            if (cancelled())
                return;
            const QString file = resolve(folder, id);
            if (file.isEmpty())
                missing.append(id.join(QLatin1Char('\\')));
            else
                resolved.append(file);
        }
        if (missing.isEmpty()) {
            for (const QString &file : resolved)
                addFile(QFileInfo(file));
            return;
        }
        problem = QStringLiteral("%1 of its %2 referenced files do not exist (first: %3)")
                      .arg(missing.size())
                      .arg(contents->referencedFiles.size())
                      .arg(missing.front());
    }
    m_result.errors.append(Error(ErrorCode::DicomDirInvalid, problem, QDir::cleanPath(info.absoluteFilePath())));
    scanFolder(folder, info.canonicalFilePath());
}

} // namespace

ScanResult FileScanner::scan(const QStringList &paths, const std::atomic<bool> *cancel)
{
    Scan scan(cancel);
    for (const QString &path : paths)
        scan.addPath(path);
    return scan.take();
}

} // namespace haip::dicom
