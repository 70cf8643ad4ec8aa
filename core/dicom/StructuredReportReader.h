// Reads a DICOM SR (Enhanced or Comprehensive, TID 1500 Imaging Measurement Report) into a
// dicom::StructuredReport through DCMTK's dcmsr. Only the parts the findings list uses are
// taken; an SR that is not a measurement report, or that dcmsr cannot read, is an Error.
#pragma once

#include "common/Result.h"
#include "dicom/StructuredReport.h"

#include <QByteArray>
#include <QString>

namespace haip::dicom {

class StructuredReportReader
{
public:
    // `name` is the subject of errors. Errors: those of DicomFile parsing (NotDicom,
    // TruncatedFile, …), InvalidAttribute (not an SR, not TID 1500, too many items),
    // CorruptDataset (dcmsr refused the content tree).
    static Result<StructuredReport> fromBytes(const QByteArray &bytes, const QString &name);
    // Errors: FileNotFound, FileUnreadable, FileTooLarge and those of fromBytes().
    static Result<StructuredReport> fromFile(const QString &path);

    static constexpr qint64 MaxFileSize = qint64(64) << 20; // a findings report is kilobytes
    static constexpr int MaxContentItems = 100000; // a hostile tree is refused, not walked
};

} // namespace haip::dicom
