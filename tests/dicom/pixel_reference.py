#!/usr/bin/python3
# Independent reference for TestPixelCorpus: decodes native (uncompressed) DICOM files with
# pydicom + numpy and writes every frame normalised exactly as haip's Frame.h promises:
# little-endian, samples interleaved, 1/2/4 bytes per sample by Bits Allocated (1-bit unpacked
# to bytes), stored bits shifted to bit 0, masked to Bits Stored, sign-extended when signed,
# YBR_FULL / YBR_FULL_422 converted to RGB (pydicom's convert_color_space).
# Input (stdin): one JSON object per line {"path": native file, "out": raw file to write}.
# Output (stdout): one JSON object per line {"path", "ok", "error", "frames", "rows",
# "columns", "samples", "bytes_per_sample"}. One process for the whole corpus keeps it fast.
import json
import sys
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import convert_color_space

warnings.simplefilter("ignore")


def normalise(ds):
    arr = ds.pixel_array
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    rows, columns = int(ds.Rows), int(ds.Columns)
    samples = int(getattr(ds, "SamplesPerPixel", 1))
    allocated = int(ds.BitsAllocated)
    stored = int(getattr(ds, "BitsStored", allocated))
    high = int(getattr(ds, "HighBit", stored - 1))
    signed = int(getattr(ds, "PixelRepresentation", 0)) == 1
    photometric = str(ds.PhotometricInterpretation).strip()
    arr = arr.reshape((frames, rows, columns, samples))

    width = 8 if allocated <= 8 else (16 if allocated <= 16 else 32)
    unsigned_type = {8: np.uint8, 16: np.uint16, 32: np.uint32}[width]
    signed_type = {8: np.int8, 16: np.int16, 32: np.int32}[width]
    if allocated == 1:
        values = arr.astype(np.uint64) & 1
    else:
        native = arr.astype(arr.dtype.newbyteorder("="))
        values = native.view(np.dtype("u%d" % native.dtype.itemsize)).astype(np.uint64)
        values = (values >> (high + 1 - stored)) & ((1 << stored) - 1)
        if signed and stored < 64:
            sign = 1 << (stored - 1)
            values = values.astype(np.int64)
            values = np.where(values & sign, values - (1 << stored), values)
    if photometric in ("YBR_FULL", "YBR_FULL_422") and samples == 3:
        values = convert_color_space(values.astype(np.uint8), "YBR_FULL", "RGB", per_frame=True)
    out = values.astype(signed_type if signed else unsigned_type).astype(
        np.dtype(signed_type if signed else unsigned_type).newbyteorder("<"))
    return out, frames, rows, columns, samples, width // 8


for line in sys.stdin:
    job = json.loads(line)
    result = {"path": job["path"], "ok": False}
    try:
        ds = pydicom.dcmread(job["path"], force=True)
        data, frames, rows, columns, samples, bps = normalise(ds)
        with open(job["out"], "wb") as f:
            f.write(data.tobytes())
        result.update(ok=True, frames=frames, rows=rows, columns=columns, samples=samples, bytes_per_sample=bps)
    except Exception as exc:  # reported to the test, which decides
        result["error"] = "%s: %s" % (type(exc).__name__, exc)
    print(json.dumps(result), flush=True)
