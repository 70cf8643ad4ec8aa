#!/usr/bin/python3
# Independent reference for TestWindowLevelCorpus: what a display should show, computed by
# pydicom's own LUT functions (apply_modality_lut, apply_windowing / apply_voi_lut,
# apply_color_lut) and scaled to 8 bits, for files of the pydicom corpus and for samples
# written here with pydicom (VOI LUT table, LINEAR_EXACT, SIGMOID, signed data, palette).
# Usage: window_reference.py OUTPUT_FOLDER CORPUS_FOLDER
# Output (stdout): one JSON object per line {"name", "path", "expected", "channels", "center",
# "width", "lut", "from_file"}: the window (or VOI LUT) used, and whether the file itself
# proposes it. The expected file holds rows × columns × channels bytes.
import json
import os
import sys
import warnings

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixel_data_handlers.util import apply_color_lut, apply_modality_lut, apply_voi_lut, apply_windowing
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

warnings.simplefilter("ignore")
out, corpus = sys.argv[1], sys.argv[2]


def stored_range(ds):
    bits = int(ds.BitsStored)
    if int(getattr(ds, "PixelRepresentation", 0)) == 0:
        return 0.0, float(2**bits - 1)
    return float(-(2 ** (bits - 1))), float(2 ** (bits - 1) - 1)


def grey_by_window(ds):
    # apply_windowing maps onto the stored range rescaled by slope/intercept (pydicom's choice
    # of output range); bring that back to 0..255.
    arr = apply_modality_lut(ds.pixel_array, ds)
    out_arr = apply_windowing(arr, ds)
    lo, hi = stored_range(ds)
    slope, intercept = float(getattr(ds, "RescaleSlope", 1)), float(getattr(ds, "RescaleIntercept", 0))
    lo, hi = sorted((lo * slope + intercept, hi * slope + intercept))
    return (out_arr - lo) / (hi - lo) * 255.0


def grey_by_voi_lut(ds):
    arr = apply_voi_lut(apply_modality_lut(ds.pixel_array, ds), ds, prefer_lut=True)
    bits = int(ds.VOILUTSequence[0].LUTDescriptor[2])
    return arr.astype(np.float64) * 255.0 / (2**bits - 1)


def finish(ds, grey):
    grey = np.clip(np.floor(grey + 0.5), 0, 255).astype(np.uint8)
    if str(ds.PhotometricInterpretation).strip() == "MONOCHROME1":
        grey = 255 - grey
    return grey


def emit(name, path, pixels, channels, ds=None, from_file=True):
    expected = os.path.join(out, name + ".expected")
    with open(expected, "wb") as f:
        f.write(np.ascontiguousarray(pixels).tobytes())
    record = {"name": name, "path": path, "expected": expected, "channels": channels, "from_file": from_file,
              "lut": ds is not None and "VOILUTSequence" in ds}
    if ds is not None and "WindowCenter" in ds:
        first = lambda v: float(v[0]) if isinstance(v, pydicom.multival.MultiValue) else float(v)
        record["center"], record["width"] = first(ds.WindowCenter), first(ds.WindowWidth)
    print(json.dumps(record))


def new_dataset(rows, columns, photometric, bits_allocated, bits_stored, signed):
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.Rows, ds.Columns, ds.SamplesPerPixel = rows, columns, 1
    ds.PhotometricInterpretation = photometric
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = bits_allocated, bits_stored, bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    ds.is_little_endian, ds.is_implicit_VR = True, False
    return ds


def save(ds, name):
    path = os.path.join(out, name + ".dcm")
    ds.save_as(path, write_like_original=False)
    return pydicom.dcmread(path), path


# Files of the pydicom corpus: signed CT with rescale (no window in the file: lung and
# mediastinal windows given here), MR with a window, a MONOCHROME1 CR with slope 0.684.
for name, rel, window in (("CT_small_lung", "CT_small.dcm", (-600, 1500)),
                          ("CT_small_mediastinum", "CT_small.dcm", (40, 400)),
                          ("MR_small", "MR_small.dcm", None),
                          ("CR_monochrome1", "dicomdirtests/77654033/CR1/6154", None)):
    path = os.path.join(corpus, rel)
    ds = pydicom.dcmread(path)
    if window:
        ds.WindowCenter, ds.WindowWidth = window
    emit(name, path, finish(ds, grey_by_window(ds)), 1, ds, window is None)

ramp = np.arange(64 * 64).reshape(64, 64)

# 12-bit unsigned with a VOI LUT table (10-bit entries, first mapped 500), no window.
ds = new_dataset(64, 64, "MONOCHROME2", 16, 12, False)
lut = Dataset()
lut.add_new(0x00283002, "US", [1024, 500, 10])
lut.add_new(0x00283006, "US", [int(1023 * (i / 1023.0) ** 0.5) for i in range(1024)])
lut.LUTExplanation = "GAMMA"
ds.VOILUTSequence = [lut]
ds.PixelData = (ramp % 4096).astype("<u2").tobytes()
ds, path = save(ds, "voi_lut")
emit("voi_lut", path, finish(ds, grey_by_voi_lut(ds)), 1, ds)

# Signed 16-bit with slope 0.5, LINEAR_EXACT and SIGMOID windows.
for function in ("LINEAR_EXACT", "SIGMOID"):
    ds = new_dataset(64, 64, "MONOCHROME2", 16, 16, True)
    ds.RescaleSlope, ds.RescaleIntercept = 0.5, -100
    ds.WindowCenter, ds.WindowWidth = 300, 700
    ds.VOILUTFunction = function
    ds.PixelData = (ramp * 7 - 9000).astype("<i2").tobytes()
    ds, path = save(ds, function.lower())
    emit(function.lower(), path, finish(ds, grey_by_window(ds)), 1, ds)

# PALETTE COLOR: 8-bit indices, 16-bit tables of 200 entries starting at index 20.
ds = new_dataset(16, 16, "PALETTE COLOR", 8, 8, False)
for element, data_element, f in ((0x1101, 0x1201, lambda i: i * 300),
                                 (0x1102, 0x1202, lambda i: 65535 - i * 300),
                                 (0x1103, 0x1203, lambda i: (i % 7) * 9000)):
    ds.add_new(0x00280000 | element, "US", [200, 20, 16])
    table = np.array([f(i) for i in range(200)], dtype="<u2")
    ds.add_new(0x00280000 | data_element, "OW", table.tobytes())
ds.PixelData = (np.arange(256) % 256).astype(np.uint8).tobytes()
ds, path = save(ds, "palette")
rgb = (apply_color_lut(ds.pixel_array, ds) >> 8).astype(np.uint8)
emit("palette", path, rgb, 3, ds)
