#!/usr/bin/python3
"""Independent reader for phantom tests: pydicom (Debian python3-pydicom) reads what our
generator wrote and reports facts as JSON; the QtTest compares them with ground-truth.json.

  phantom_probe.py headers FILE   -> selected attributes, the raw Patient Name bytes (hex)
  phantom_probe.py lesions DIR    -> per lesion: HU statistics measured around the centre the
                                     ground truth states, using only the files' own geometry
"""
import json
import os
import sys

import numpy as np
import pydicom


def headers(path):
    ds = pydicom.dcmread(path)
    raw = ds.get_item((0x0010, 0x0010)).value
    out = {
        "sop_class_uid": str(ds.SOPClassUID),
        "sop_instance_uid": str(ds.SOPInstanceUID),
        "transfer_syntax_uid": str(ds.file_meta.TransferSyntaxUID),
        "study_instance_uid": str(ds.StudyInstanceUID),
        "series_instance_uid": str(ds.SeriesInstanceUID),
        "frame_of_reference_uid": str(ds.FrameOfReferenceUID),
        "specific_character_set": list(ds.SpecificCharacterSet),
        "patient_name": str(ds.PatientName),
        "patient_name_raw_hex": bytes(raw).hex(),
        "patient_id": str(ds.PatientID),
        "patient_sex": str(ds.PatientSex),
        "patient_birth_date": str(ds.PatientBirthDate),
        "modality": str(ds.Modality),
        "manufacturer": str(ds.Manufacturer),
        "patient_position": str(ds.PatientPosition),
        "image_type": list(ds.ImageType),
        "rows": int(ds.Rows),
        "columns": int(ds.Columns),
        "bits_allocated": int(ds.BitsAllocated),
        "bits_stored": int(ds.BitsStored),
        "pixel_representation": int(ds.PixelRepresentation),
        "photometric": str(ds.PhotometricInterpretation),
        "pixel_spacing": [float(v) for v in ds.PixelSpacing],
        "image_position": [float(v) for v in ds.ImagePositionPatient],
        "image_orientation": [float(v) for v in ds.ImageOrientationPatient],
        "slice_thickness": float(ds.SliceThickness),
        "rescale_intercept": float(ds.RescaleIntercept),
        "rescale_slope": float(ds.RescaleSlope),
        "window_center": [float(v) for v in np.atleast_1d(ds.WindowCenter)],
        "window_width": [float(v) for v in np.atleast_1d(ds.WindowWidth)],
        "window_explanation": list(np.atleast_1d(ds.WindowCenterWidthExplanation)),
        "instance_number": int(ds.InstanceNumber),
        "kvp": float(ds.KVP),
        "study_description": str(ds.StudyDescription),
    }
    print(json.dumps(out, ensure_ascii=False))


def lesions(folder):
    truth = json.load(open(os.path.join(folder, "ground-truth.json"), encoding="utf-8"))
    slices = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".dcm"):
            ds = pydicom.dcmread(os.path.join(folder, name))
            hu = ds.pixel_array.astype(np.float64) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
            slices.append((float(ds.ImagePositionPatient[2]), name, ds, hu))
    slices.sort(key=lambda s: s[0])
    ds0 = slices[0][2]
    x0, y0 = float(ds0.ImagePositionPatient[0]), float(ds0.ImagePositionPatient[1])
    dy, dx = (float(v) for v in ds0.PixelSpacing)
    rows, cols = int(ds0.Rows), int(ds0.Columns)
    zs = np.array([s[0] for s in slices])
    vol = np.stack([s[3] for s in slices])
    zz = zs[:, None, None]
    yy = (y0 + np.arange(rows) * dy)[None, :, None]
    xx = (x0 + np.arange(cols) * dx)[None, None, :]
    results = []
    for lesion in truth["lesions"]:
        cx, cy, cz = lesion["centre_mm"]
        r = lesion["diameter_mm"] / 2.0
        dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2 + (zz - cz) ** 2)

        def stats(mask):
            values = vol[np.broadcast_to(mask, vol.shape)]
            return (float(values.mean()) if values.size else None, int(values.size))

        inner = stats(dist <= 0.7 * r)
        whole = stats(dist < r)
        ring = stats((dist >= 1.5 * r) & (dist <= 2.0 * r))
        entry = {
            "id": lesion["id"],
            "inner_mean": inner[0], "inner_count": inner[1],
            "whole_mean": whole[0], "whole_count": whole[1],
            "ring_mean": ring[0], "ring_count": ring[1],
            "cut_slices": [i for i, z in enumerate(zs) if abs(z - cz) < r],
            "cut_files": [slices[i][1] for i, z in enumerate(zs) if abs(z - cz) < r],
        }
        if "solid_core_diameter_mm" in lesion:
            rc = lesion["solid_core_diameter_mm"] / 2.0
            core = stats(dist <= 0.7 * rc)
            glass = stats((dist >= rc + max(dx, dy)) & (dist <= 0.8 * r))
            entry.update({"core_mean": core[0], "core_count": core[1],
                          "ground_glass_mean": glass[0], "ground_glass_count": glass[1]})
        results.append(entry)
    print(json.dumps({"slices": len(slices), "lesions": results}))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("headers", "lesions"):
        sys.exit(__doc__)
    (headers if sys.argv[1] == "headers" else lesions)(sys.argv[2])
