#!/usr/bin/python3
# Reference for TestStudyBrowserModel: what pydicom (an independent DICOM reader) finds in the
# given files: one JSON object per line with the patient, study, series and SOP Instance UID,
# the decoded patient name and the modality. Files pydicom cannot read, or without the UIDs an
# index needs, are left out.
import json
import sys

import pydicom

for path in sys.argv[1:]:
    try:
        ds = pydicom.dcmread(path, stop_before_pixels=True)
    except Exception:
        continue
    uids = [str(ds.get(k, "")) for k in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID")]
    if not all(uids):
        continue
    print(json.dumps({
        "path": path,
        "patient_id": str(ds.get("PatientID", "")),
        "patient_name": str(ds.get("PatientName", "")),
        "study": uids[0],
        "series": uids[1],
        "sop": uids[2],
        "modality": str(ds.get("Modality", "")),
    }, ensure_ascii=False))
