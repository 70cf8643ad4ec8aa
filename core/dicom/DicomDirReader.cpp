#include "dicom/DicomDirReader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdirrec.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

namespace haip::dicom {

namespace {

// A DICOMDIR of a full hospital CD is a few MB; anything far beyond is not one we can use.
constexpr qint64 kMaxDicomDirBytes = qint64(256) * 1024 * 1024;
// The preamble, "DICM" and a generous file meta group: enough to read the Media Storage SOP Class.
constexpr qint64 kMetaSniffBytes = qint64 {16} * 1024;
constexpr Uint16 kRecordInactive = 0x0000; // Record In-use Flag value of a deleted record (PS3.3 F.3.2.2)

Error invalid(const QString &path, const QString &what)
{
    return Error(ErrorCode::DicomDirInvalid, what, path);
}

// Parses `bytes` (a Part 10 file) into `file`; only the meta header if `metaOnly`.
OFCondition parse(const QByteArray &bytes, DcmFileFormat &file, bool metaOnly)
{
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(bytes.size()));
    stream.setEos();
    file.transferInit();
    // Group 0004 is where a DICOMDIR's data set starts; every image's data set starts later.
    const OFCondition status = metaOnly
        ? file.readUntilTag(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength, DcmTagKey(0x0004, 0x0000))
        : file.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
    file.transferEnd();
    return status;
}

QStringList referencedFileId(DcmItem &record)
{
    OFString value;
    if (record.findAndGetOFStringArray(DCM_ReferencedFileID, value).bad() || value.empty())
        return {};
    QStringList components;
    for (const QString &part : QString::fromLatin1(value.c_str()).split(QLatin1Char('\\'))) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            components.append(trimmed);
    }
    return components;
}

Uint32 offsetValue(DcmItem &item, const DcmTagKey &tag)
{
    Uint32 value = 0;
    if (item.findAndGetUint32(tag, value).bad())
        return 0; // absent offsets are null offsets (DICOMDIR-nooffset style)
    return value;
}

} // namespace

bool DicomDirReader::hasDicomDirName(const QString &fileName)
{
    QString name = fileName.toUpper();
    // ISO 9660 version suffix (";1") and the empty-extension dot some CD drivers show.
    const qsizetype semicolon = name.lastIndexOf(QLatin1Char(';'));
    if (semicolon > 0)
        name.truncate(semicolon);
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name == QLatin1String("DICOMDIR");
}

bool DicomDirReader::isDicomDir(const QString &path)
{
    const QFileInfo info(path);
    if (hasDicomDirName(info.fileName()))
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false; // the importer will report the unreadable file
    const QByteArray head = file.read(kMetaSniffBytes);
    if (head.size() < 132 || head.mid(128, 4) != "DICM")
        return false; // every DICOMDIR is a Part 10 file with a meta header
    DcmFileFormat parsed;
    // A short read ends the stream early; the meta header is complete long before that.
    (void)parse(head, parsed, true);
    OFString sopClass;
    if (parsed.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, sopClass).bad())
        return false;
    return sopClass == UID_MediaStorageDirectoryStorage;
}

Result<DicomDirContents> DicomDirReader::read(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    if (file.size() > kMaxDicomDirBytes)
        return invalid(path, QStringLiteral("the file is %1 bytes, far too large for a DICOMDIR").arg(file.size()));
    const QByteArray bytes = file.readAll();
    if (bytes.size() != file.size())
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);

    DcmFileFormat parsed;
    const OFCondition status = parse(bytes, parsed, false);
    if (status.bad())
        return invalid(path, QStringLiteral("cannot be parsed: %1").arg(QString::fromLatin1(status.text())));
    DcmDataset &dataset = *parsed.getDataset();
    DcmSequenceOfItems *records = nullptr;
    if (dataset.findAndGetSequence(DCM_DirectoryRecordSequence, records).bad() || records == nullptr)
        return invalid(path, QStringLiteral("it has no Directory Record Sequence (0004,1220)"));

    DicomDirContents contents;
    contents.recordCount = int(records->card());

    // Records are linked by byte offsets from the start of the file (PS3.3 F.3.2.1).
    QHash<Uint32, int> indexByOffset;
    QList<DcmItem *> items;
    for (unsigned long i = 0; i < records->card(); ++i) {
        DcmItem *item = records->getItem(i);
        items.append(item);
        if (auto *record = dynamic_cast<DcmDirectoryRecord *>(item))
            indexByOffset.insert(record->getFileOffset(), int(i));
    }

    QSet<QString> seen;
    auto emitRecord = [&](DcmItem &record) {
        Uint16 inUse = 0xFFFF;
        if (record.findAndGetUint16(DCM_RecordInUseFlag, inUse).good() && inUse == kRecordInactive)
            return;
        QStringList id = referencedFileId(record);
        if (id.isEmpty()) {
            // A (retired) multi-referenced file record holds the file ID for this one.
            const int mrdr = indexByOffset.value(offsetValue(record, DCM_RETIRED_MRDRDirectoryRecordOffset), -1);
            if (mrdr >= 0)
                id = referencedFileId(*items[mrdr]);
        }
        if (id.isEmpty())
            return;
        const QString key = id.join(QLatin1Char('\\')).toUpper();
        if (seen.contains(key))
            return;
        seen.insert(key);
        contents.referencedFiles.append(id);
    };

    // Pre-order walk: a record, its lower-level entity, then its next sibling. Explicit stack
    // and a visited set so a cyclic or very deep DICOMDIR cannot hang or overflow us.
    QSet<int> visited;
    QList<Uint32> pending {offsetValue(dataset, DCM_OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity)};
    while (!pending.isEmpty()) {
        const Uint32 offset = pending.takeLast();
        const int index = offset == 0 ? -1 : indexByOffset.value(offset, -1);
        if (index < 0 || visited.contains(index))
            continue;
        visited.insert(index);
        DcmItem &record = *items[index];
        emitRecord(record);
        pending.append(offsetValue(record, DCM_OffsetOfTheNextDirectoryRecord));
        pending.append(offsetValue(record, DCM_OffsetOfReferencedLowerLevelDirectoryEntity));
    }
    // Records outside the tree (broken offsets) still name files the user expects to see.
    for (int i = 0; i < items.size(); ++i) {
        if (!visited.contains(i))
            emitRecord(*items[i]);
    }
    return contents;
}

} // namespace haip::dicom
