#!/usr/bin/python3
# Writes small DICOM files with pydicom (an independent writer) for TestDicomFile's display and
# geometry checks the pydicom corpus has no sample of: an enhanced multi-frame image with
# shared and per-frame functional groups, an image with Modality and VOI LUT sequences and
# several windows, a PALETTE COLOR image, and (from a JPEG file given as second argument) a
# multi-frame JPEG with two fragments per frame and no offset table.
# Usage: display_samples.py OUTPUT_FOLDER [JPEG_DICOM_FILE]
import os
import sys

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

out = sys.argv[1]


def base(sop_class, rows, columns, frames=None):
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = sop_class
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.PatientName = "Sample^Display"
    ds.Rows, ds.Columns = rows, columns
    if frames is not None:
        ds.NumberOfFrames = frames
    ds.SamplesPerPixel = 1
    ds.is_little_endian, ds.is_implicit_VR = True, False
    return ds


def item(**kwargs):
    d = Dataset()
    for k, v in kwargs.items():
        setattr(d, k, v)
    return d


# Enhanced CT: orientation, spacing and rescale shared; position and window per frame.
ds = base("1.2.840.10008.5.1.4.1.1.2.1", 4, 4, 3)
ds.PhotometricInterpretation = "MONOCHROME2"
ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
shared = item(
    PixelMeasuresSequence=Sequence([item(PixelSpacing=[0.5, 0.6], SliceThickness=2.0)]),
    PlaneOrientationSequence=Sequence([item(ImageOrientationPatient=[0, 1, 0, 0, 0, -1])]),
    PixelValueTransformationSequence=Sequence([item(RescaleIntercept=-1024, RescaleSlope=1, RescaleType="HU")]),
)
ds.SharedFunctionalGroupsSequence = Sequence([shared])
ds.PerFrameFunctionalGroupsSequence = Sequence([
    item(PlanePositionSequence=Sequence([item(ImagePositionPatient=[10.0, 20.0, 2.5 * i])]),
         FrameVOILUTSequence=Sequence([item(WindowCenter=40 + i, WindowWidth=400)]))
    for i in range(3)])
# Bits 12-15 hold garbage (as overlays once did): frames must come out masked to 12 bits.
ds.PixelData = ((np.arange(48, dtype="<u2") * 50) | 0xF000).astype("<u2").tobytes()
ds.save_as(os.path.join(out, "enhanced.dcm"), write_like_original=False)

# Modality LUT Sequence (signed input, first value encoded as US 65534 = -2), VOI LUT Sequence,
# two windows with explanations and a sigmoid VOI function.
ds = base("1.2.840.10008.5.1.4.1.1.7", 2, 2)
ds.PhotometricInterpretation = "MONOCHROME2"
ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
mlut = item(LUTExplanation="Density", ModalityLUTType="OD")
mlut.add_new(0x00283002, "US", [4, 65534, 16])
mlut.add_new(0x00283006, "US", [10, 20, 30, 40])
ds.ModalityLUTSequence = Sequence([mlut])
vlut = item(LUTExplanation="Film")
vlut.add_new(0x00283002, "US", [3, 0, 8])
vlut.add_new(0x00283006, "US", [0, 128, 255])
ds.VOILUTSequence = Sequence([vlut])
ds.WindowCenter = [40, 400]
ds.WindowWidth = [350, 1500]
ds.WindowCenterWidthExplanation = ["SOFT", "BONE"]
ds.VOILUTFunction = "SIGMOID"
ds.PixelData = np.array([-2, -1, 0, 1], dtype="<i2").tobytes()
ds.save_as(os.path.join(out, "luts.dcm"), write_like_original=False)

# PALETTE COLOR, 8-bit indices, 16-bit tables of 256 entries.
ds = base("1.2.840.10008.5.1.4.1.1.7", 2, 2)
ds.PhotometricInterpretation = "PALETTE COLOR"
ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
for colour, scale in (("Red", 256), ("Green", 128), ("Blue", 1)):
    ds.add_new({"Red": 0x00281101, "Green": 0x00281102, "Blue": 0x00281103}[colour], "US", [256, 0, 16])
    table = (np.arange(256, dtype=np.uint32) * scale).clip(0, 65535).astype("<u2")
    ds.add_new({"Red": 0x00281201, "Green": 0x00281202, "Blue": 0x00281203}[colour], "OW", table.tobytes())
ds.PixelData = bytes([0, 1, 128, 255])
ds.save_as(os.path.join(out, "palette.dcm"), write_like_original=False)


# Three JPEG baseline frames, two fragments each, empty offset table: random access to a frame
# needs the frame boundaries found from the JPEG end markers.
from pydicom import dcmread
from pydicom.encaps import encapsulate, generate_pixel_data_frame

source = dcmread(sys.argv[2]) if len(sys.argv) > 2 else None
if source is not None:
    frame = next(generate_pixel_data_frame(source.PixelData))
    source.PixelData = encapsulate([frame, frame, frame], fragments_per_frame=2, has_bot=False)
    source.NumberOfFrames = 3
    source.SOPInstanceUID = generate_uid()
    source.save_as(os.path.join(out, "jpeg_fragments.dcm"), write_like_original=False)
print("ok")
