#!/usr/bin/python3
"""Prints the key under which check-clang-tidy.sh remembers that one file was clean.

usage: tidy-cache-key.py SOURCE_DIR BUILD_DIR FILE CLANG_TIDY

The key is a SHA-256 over everything clang-tidy's verdict depends on: its version, the
.clang-tidy file, the file's compile flags and the file's translation unit as the preprocessor
produces it (every header it includes, Qt's and DCMTK's too). Paths of the checkout and of the
build folder are replaced by fixed names, so a clean clone elsewhere on the machine finds the
verdicts of an earlier run, as ccache finds its objects. Exit 1 (and no key) when the file has
no compile command or does not preprocess: the caller then runs clang-tidy without the cache.
"""
import hashlib
import json
import os
import shlex
import subprocess
import sys


def main():
    source, build, relative, tidy = sys.argv[1:5]
    source = os.path.realpath(source)
    build = os.path.realpath(build)
    path = os.path.join(source, relative)
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)
    entry = next((e for e in entries if os.path.realpath(e["file"]) == path), None)
    if entry is None:
        return 1
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    flags = []
    skip = False
    for arg in args[1:]:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg in ("-c", entry["file"], path):
            continue
        flags.append(arg)
    prefix_maps = ["-ffile-prefix-map=%s=/src" % source, "-ffile-prefix-map=%s=/build" % build]
    preprocess = [args[0], *flags, *prefix_maps, "-E", "-P", path, "-o", "-"]
    done = subprocess.run(preprocess, cwd=entry["directory"], capture_output=True)
    if done.returncode != 0:
        return 1
    version = subprocess.run([tidy, "--version"], capture_output=True, check=True).stdout
    digest = hashlib.sha256()
    digest.update(version)
    with open(os.path.join(source, ".clang-tidy"), "rb") as f:
        digest.update(f.read())
    neutral = [a.replace(source, "/src").replace(build, "/build") for a in flags]
    digest.update("\0".join([relative, *neutral]).encode())
    digest.update(done.stdout)
    print(digest.hexdigest())
    return 0


if __name__ == "__main__":
    sys.exit(main())
