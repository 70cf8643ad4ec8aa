// JPEG 2000 (lossless 1.2.840.10008.1.2.4.90 and lossy .91) as a DCMTK decoder backed by
// OpenJPEG, registered in DcmCodecList like DCMTK's own codecs, so frames of every transfer
// syntax come out of the same DcmPixelData::getUncompressedFrame call. Decoding only.
#pragma once

#include <dcmtk/dcmdata/dccodec.h>

namespace haip::dicom::internal {

class OpenJpegCodec : public DcmCodec
{
public:
    // Called once by LibraryScope (not thread-safe with decoding in flight, like DCMTK's own).
    static void registerCodec();
    static void unregisterCodec();
    // True for the conditions this codec returns when the code stream itself is damaged.
    static bool isCorruptStream(const OFCondition &condition);

    OFCondition decode(const DcmRepresentationParameter *fromRepParam,
                       DcmPixelSequence *pixSeq,
                       DcmPolymorphOBOW &uncompressedPixelData,
                       const DcmCodecParameter *cp,
                       const DcmStack &objStack,
                       OFBool &removeOldRep) const override;

    OFCondition decodeFrame(const DcmRepresentationParameter *fromParam,
                            DcmPixelSequence *fromPixSeq,
                            const DcmCodecParameter *cp,
                            DcmItem *dataset,
                            Uint32 frameNo,
                            Uint32 &startFragment,
                            void *buffer,
                            Uint32 bufSize,
                            OFString &decompressedColorModel) const override;

    OFCondition encode(const Uint16 *pixelData,
                       Uint32 length,
                       const DcmRepresentationParameter *toRepParam,
                       DcmPixelSequence *&pixSeq,
                       const DcmCodecParameter *cp,
                       DcmStack &objStack,
                       OFBool &removeOldRep) const override;

    OFCondition encode(E_TransferSyntax fromRepType,
                       const DcmRepresentationParameter *fromRepParam,
                       DcmPixelSequence *fromPixSeq,
                       const DcmRepresentationParameter *toRepParam,
                       DcmPixelSequence *&toPixSeq,
                       const DcmCodecParameter *cp,
                       DcmStack &objStack,
                       OFBool &removeOldRep) const override;

    OFBool canChangeCoding(E_TransferSyntax oldRepType, E_TransferSyntax newRepType) const override;

    OFCondition determineDecompressedColorModel(const DcmRepresentationParameter *fromParam,
                                                DcmPixelSequence *fromPixSeq,
                                                const DcmCodecParameter *cp,
                                                DcmItem *dataset,
                                                OFString &decompressedColorModel) const override;
};

} // namespace haip::dicom::internal
