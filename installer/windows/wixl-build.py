#!/usr/bin/env python3
"""Build the workstation MSI with wixl (msitools) from a staged file tree, on Linux.

The .wxs files are plain WiX 3, shared with the CPack WIX build on Windows. wixl cannot read a
Component's <Condition> (nor Property/@Secure), so this script takes them out of a copy of each
source, builds with wixl, and writes them into the Component and Property tables afterwards
with msibuild: the MSI ends up with the conditions the WiX toolset would have compiled in.

  wixl-build.py --stage DIR --version X.Y.Z --upgrade-code GUID --out file.msi [--work DIR]

Version and UpgradeCode come from CMake (project(VERSION), cmake/HaipPackagingWindows.cmake).

Files: every file under DIR, installed under INSTALL_ROOT with the same relative paths
(as CPack's files.wxs does with the install tree).
"""
import argparse
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

WIX_NS = "http://schemas.microsoft.com/wix/2006/wi"
SOURCES = ["HaipProduct.wxs", "HaipPolicy.wxs", "HaipShell.wxs"]
INCLUDES = ["HaipProperties.wxi"]


def q(name):
    return "{%s}%s" % (WIX_NS, name)


def strip_for_wixl(src, dst):
    """Copies src to dst without Component conditions; returns them and the secure properties."""
    ET.register_namespace("", WIX_NS)
    # Keep processing instructions (<?include?>) and comments.
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
    tree = ET.parse(src, parser)
    conditions = {}
    secure = []
    for component in tree.iter(q("Component")):
        for cond in component.findall(q("Condition")):
            text = (cond.text or "").strip()
            if "'" in text:
                sys.exit("wixl-build: a condition with a single quote cannot be carried over: " + text)
            conditions[component.get("Id")] = text
            component.remove(cond)
    for prop in tree.iter(q("Property")):
        if prop.get("Secure") == "yes":
            secure.append(prop.get("Id"))
            del prop.attrib["Secure"]
    tree.write(dst, encoding="utf-8", xml_declaration=True)
    return conditions, secure


def run(cmd, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit("wixl-build: %s failed (%d):\n%s%s" % (cmd[0], result.returncode, result.stdout, result.stderr))
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--upgrade-code", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--work")
    args = parser.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    stage = os.path.abspath(args.stage)
    work = os.path.abspath(args.work or os.path.splitext(args.out)[0] + ".wixl")
    os.makedirs(work, exist_ok=True)

    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(stage) for f in fs)
    if not files:
        sys.exit("wixl-build: nothing staged in " + stage)
    heat = run(["wixl-heat", "--prefix", stage + "/", "--directory-ref", "INSTALL_ROOT",
                "--component-group", "HaipFiles", "--var", "var.StageDir", "--win64"],
               input="\n".join(files) + "\n")
    files_wxs = os.path.join(work, "HaipFiles.wxs")
    with open(files_wxs, "w", encoding="utf-8") as out:
        out.write(heat)

    conditions, secure = {}, []
    sources = []
    for name in SOURCES:
        dst = os.path.join(work, name)
        c, s = strip_for_wixl(os.path.join(here, name), dst)
        conditions.update(c)
        secure += s
        sources.append(dst)
    for name in INCLUDES:
        c, s = strip_for_wixl(os.path.join(here, name), os.path.join(work, name))
        conditions.update(c)
        secure += s

    out_msi = os.path.abspath(args.out)
    if os.path.exists(out_msi):
        os.remove(out_msi)
    # wixl looks files up relative to the working directory only: build from the stage.
    run(["wixl", "-a", "x64", "-D", "Version=" + args.version, "-D", "UpgradeCode=" + args.upgrade_code,
         "-D", "StageDir=.", "-D", "Win64=yes",
         "-I", work, "-o", out_msi] + sources + [files_wxs], cwd=stage)

    queries = ["UPDATE `Component` SET `Condition` = '%s' WHERE `Component` = '%s'" % (text, cid)
               for cid, text in sorted(conditions.items())]
    props = run(["msiinfo", "export", out_msi, "Property"])
    current = [line.split("\t", 1)[1] for line in props.splitlines() if line.startswith("SecureCustomProperties\t")]
    merged = ";".join(sorted(set((current[0].split(";") if current else []) + secure)))
    if current:
        queries.append("UPDATE `Property` SET `Value` = '%s' WHERE `Property` = 'SecureCustomProperties'" % merged)
    else:
        queries.append("INSERT INTO `Property` (`Property`, `Value`) VALUES ('SecureCustomProperties', '%s')" % merged)
    for query in queries:
        run(["msibuild", out_msi, "-q", query])
    print(out_msi)


if __name__ == "__main__":
    main()
