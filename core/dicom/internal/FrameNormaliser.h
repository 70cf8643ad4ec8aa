// Turns a raw frame (host byte order, as stored or as a codec delivered it) into the normalised
// Frame of Frame.h: samples interleaved, 4:2:2 expanded, values shifted down to bit 0, masked to
// Bits Stored and sign-extended when signed, YBR_* converted to RGB (PS3.3 C.7.6.3.1.2).
#pragma once

#include "common/Result.h"
#include "dicom/Frame.h"
#include "dicom/internal/PixelModule.h"
#include "dicom/internal/RawFrameReader.h"

namespace haip::dicom::internal {

// The normalised colour model of a stored Photometric Interpretation; nullopt when unsupported.
std::optional<Photometric> normalisedPhotometric(const QString &stored);

// The format of normalised frames of `module`. Errors: UnsupportedPhotometric, InvalidAttribute.
Result<PixelFormat> normalisedFormat(const PixelModule &module, const QString &name);

// Errors: UnsupportedPhotometric, CorruptPixelData (raw size does not match the module).
Result<Frame> normaliseFrame(RawFrame raw, const PixelModule &module, int index, const QString &name);

} // namespace haip::dicom::internal
