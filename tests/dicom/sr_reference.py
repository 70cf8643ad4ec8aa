# Independent read-back of a TID 1500 measurement report with pydicom (Debian python3-pydicom;
# run with /usr/bin/python3): for every Measurement Group (125007, DCM) its tracking id, finding,
# finding site, referenced segment and each numeric measurement with its units, as JSON.
import json
import sys

import pydicom


def code(item):
    seq = item.get("ConceptCodeSequence") or item.get("ConceptNameCodeSequence")
    c = seq[0]
    return [str(c.CodeValue), str(c.CodingSchemeDesignator), str(c.CodeMeaning)]


def name(item):
    c = item.ConceptNameCodeSequence[0]
    return (str(c.CodeValue), str(c.CodingSchemeDesignator))


def walk(items, groups):
    for item in items:
        if item.ValueType == "CONTAINER" and name(item) == ("125007", "DCM"):
            groups.append(group(item))
        elif "ContentSequence" in item:
            walk(item.ContentSequence, groups)


def group(container):
    out = {"tracking_id": "", "finding": None, "site": None, "segment": 0, "measurements": []}
    for item in container.ContentSequence:
        n = name(item)
        if n == ("112039", "DCM"):
            out["tracking_id"] = str(item.TextValue)
        elif n == ("121071", "DCM") and item.ValueType == "CODE":
            out["finding"] = code(item)
        elif n == ("363698007", "SCT"):
            out["site"] = code(item)
        elif n == ("121191", "DCM"):
            out["segment"] = int(item.ReferencedSOPSequence[0].ReferencedSegmentNumber)
        elif item.ValueType == "NUM":
            mv = item.MeasuredValueSequence[0]
            unit = mv.MeasurementUnitsCodeSequence[0]
            out["measurements"].append(
                {"concept": list(n), "value": str(mv.NumericValue).strip(), "unit": str(unit.CodeValue)})
    return out


ds = pydicom.dcmread(sys.argv[1])
groups = []
walk(ds.ContentSequence, groups)
print(json.dumps({"groups": groups}))
