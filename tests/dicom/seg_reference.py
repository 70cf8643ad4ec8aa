# Independent read-back of a DICOM Segmentation with pydicom + numpy (Debian python3-pydicom,
# python3-numpy; run with /usr/bin/python3): for every frame its segment number, source image,
# position, count of non-zero pixels and the SHA-256 of its pixels as one uint8 per pixel.
# pydicom unpacks 1-bit Pixel Data over the whole element, so frames that do not start on a
# byte boundary come out right without any per-frame logic.
import hashlib
import json
import sys

import numpy
import pydicom

ds = pydicom.dcmread(sys.argv[1])
pixels = ds.pixel_array
frames = int(ds.NumberOfFrames)
if frames == 1:
    pixels = pixels.reshape((1, int(ds.Rows), int(ds.Columns)))
out = {
    "type": str(ds.SegmentationType),
    "rows": int(ds.Rows),
    "columns": int(ds.Columns),
    "frames": [],
}
for i in range(frames):
    item = ds.PerFrameFunctionalGroupsSequence[i]
    segment = int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
    source = ""
    if "DerivationImageSequence" in item:
        source = str(item.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID)
    position = [float(v) for v in item.PlanePositionSequence[0].ImagePositionPatient]
    frame = numpy.ascontiguousarray(pixels[i].astype(numpy.uint8))
    out["frames"].append({
        "segment": segment,
        "source": source,
        "position": position,
        "nonzero": int(numpy.count_nonzero(frame)),
        "sha256": hashlib.sha256(frame.tobytes()).hexdigest(),
    })
print(json.dumps(out))
