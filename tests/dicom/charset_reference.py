#!/usr/bin/python3
"""Reference decodings for TestCharsetCorpus, from independent implementations.

Run as: /usr/bin/python3 charset_reference.py CHARSET_FILES_DIR
Prints one JSON object:
  "files":  {file name: [{"path": "0032,1064[0]/0010,0010", "vr": "PN", "value": str}]}
            every text element (PN LO SH ST LT UT UC), sequences included, as pydicom
            decodes it; multiple values joined by a backslash.
  "tables": {"JisX0208"|"JisX0212"|"KsX1001"|"Gb2312": {"2121": character}}
            every assigned row/cell of the double-byte sets, decoded by Python's codecs.
"""
import json
import os
import sys

import pydicom

TEXT_VRS = {"PN", "LO", "SH", "ST", "LT", "UT", "UC"}


def text_of(value):
    if isinstance(value, (list, pydicom.multival.MultiValue)):
        return "\\".join(text_of(v) for v in value)
    return "" if value is None else str(value)


def walk(dataset, prefix, out):
    for element in dataset:
        tag = "%04X,%04X" % (element.tag.group, element.tag.element)
        if element.VR == "SQ":
            for index, item in enumerate(element.value):
                walk(item, "%s%s[%d]/" % (prefix, tag, index), out)
        elif element.VR in TEXT_VRS:
            out.append({"path": prefix + tag, "vr": element.VR, "value": text_of(element.value)})


def cells(decode):
    table = {}
    for row in range(0x21, 0x7F):
        for cell in range(0x21, 0x7F):
            try:
                text = decode(row, cell)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                table["%02X%02X" % (row, cell)] = text
    return table


def main():
    folder = sys.argv[1]
    files = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".dcm"):
            out = []
            walk(pydicom.dcmread(os.path.join(folder, name)), "", out)
            files[name] = out
    tables = {
        "JisX0208": cells(lambda r, c: bytes([0x1B, 0x24, 0x42, r, c, 0x1B, 0x28, 0x42]).decode("iso2022_jp")),
        "JisX0212": cells(lambda r, c: bytes([0x8F, r | 0x80, c | 0x80]).decode("euc_jp")),
        "KsX1001": cells(lambda r, c: bytes([r | 0x80, c | 0x80]).decode("euc_kr")),
        "Gb2312": cells(lambda r, c: bytes([r | 0x80, c | 0x80]).decode("gb2312")),
    }
    json.dump({"files": files, "tables": tables}, sys.stdout)


if __name__ == "__main__":
    main()
