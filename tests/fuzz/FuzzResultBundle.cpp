// Fuzz target "result_bundle": the DICOM objects of an AI service's result bundle → overlays.
// Every input goes through all three readers the workstation applies to a bundle's parts
// (SegmentationReader, StructuredReportReader, PresentationStateReader) rather than one chosen by
// a selector byte: the inputs stay plain DICOM files (a crash input opens in dcmdump as it is),
// the pydicom corpus and the services' own outputs are seeds without a prefix, and a SEG
// mutated into something SR-like reaches the SR reader too. Each reader refuses another SOP
// class after the parse, so the cost is about three parses per input.
#include "FuzzSupport.h"
#include "dicom/PresentationStateReader.h"
#include "dicom/SegmentationReader.h"
#include "dicom/StructuredReportReader.h"

using namespace haip;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    (void)dicom::SegmentationReader::fromBytes(input, QStringLiteral("seg.dcm"));
    (void)dicom::StructuredReportReader::fromBytes(input, QStringLiteral("sr.dcm"));
    (void)dicom::PresentationStateReader::fromBytes(input, QStringLiteral("gsps.dcm"));
    return 0;
}
