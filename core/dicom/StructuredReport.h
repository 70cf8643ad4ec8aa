// A DICOM Structured Report of AI findings as the viewer lists them: one entry per TID 1500
// Measurement Group (finding, site, measurements with units, the segment that outlines it) and
// the report's qualitative evaluations ("No abnormality detected"). Text is decoded from the
// report's character set; codes keep their meaning as the report spells it.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace haip::dicom {

struct CodedValue
{
    QString value; // Code Value, e.g. "27925004"
    QString scheme; // Coding Scheme Designator, e.g. "SCT"
    QString meaning; // Code Meaning, e.g. "Nodule"

    bool isEmpty() const { return value.isEmpty() && meaning.isEmpty(); }
    bool is(const char *codeValue, const char *codingScheme) const
    {
        return value == QLatin1String(codeValue) && scheme == QLatin1String(codingScheme);
    }
};

struct ReportMeasurement
{
    CodedValue name; // e.g. (G-D705, SRT, "Volume") or (121211, DCM, "Path length")
    double value = 0.0;
    QString valueText; // the Numeric Value as written (keeps the report's precision)
    CodedValue unit; // UCUM, e.g. ("mm3", "UCUM", "cubic millimeter")
    CodedValue derivation; // e.g. Mean, Maximum; empty when none
};

struct ReportFinding
{
    QString trackingId; // e.g. "nodule 1"
    QString trackingUid;
    CodedValue finding; // e.g. Nodule
    CodedValue site; // e.g. Right lung; empty when not given
    QList<ReportMeasurement> measurements;
    int segmentNumber = 0; // of the referenced segmentation; 0 = none
    QString segmentationInstanceUid; // SOP Instance UID of that SEG
    QString sourceSeriesUid; // "Source series for segmentation"
    QString algorithmName; // from the measurements' algorithm identification

    // The measurement of that concept (first one when repeated), or nullptr.
    const ReportMeasurement *measurement(const char *codeValue, const char *codingScheme) const;
};

struct StructuredReport
{
    QString sopInstanceUid;
    QString seriesInstanceUid;
    QString studyInstanceUid;
    CodedValue title; // the root container's concept, e.g. Imaging Measurement Report
    bool complete = false; // Completion Flag COMPLETE
    bool verified = false; // Verification Flag VERIFIED
    QString observer; // the device or person observer, e.g. the AI service's name
    QList<ReportFinding> findings; // in document order
    QList<CodedValue> evaluations; // qualitative evaluations outside the groups
};

} // namespace haip::dicom
