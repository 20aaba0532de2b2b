#!/usr/bin/env python3
# check-tmpdir.py: the tests left nothing in their temporary folder
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-tmpdir.py FOLDER. The C tests (core, gui) run with
# TMPDIR=FOLDER (see tests/meson.build), and this one runs last, alone:
# whatever is in FOLDER then, but the marker file that says FOLDER is the
# tests' own, was left by a test that did not remove what it made (or that
# failed part-way). It is listed, then removed, so that the next run
# reports only its own leftovers. Prints TAP.

import os
import shutil
import sys

MARKER = ".glossa-test-tmpdir"


def remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        # A test may leave a read-only folder (a refused output).
        for root, dirs, _ in os.walk(path):
            for name in dirs:
                if not os.path.islink(os.path.join(root, name)):
                    os.chmod(os.path.join(root, name), 0o700)
        os.chmod(path, 0o700)
        shutil.rmtree(path)
    else:
        os.unlink(path)


def main():
    folder = sys.argv[1]
    print("TAP version 13")
    print("1..1")
    # Never empty a folder that is not the tests' own.
    if not os.path.isfile(os.path.join(folder, MARKER)):
        print("not ok 1 - %s is the tests' temporary folder" % folder)
        print("# %s lacks %s: reconfigure the build (meson setup --reconfigure)" % (folder, MARKER))
        return 1
    left = sorted(name for name in os.listdir(folder) if name != MARKER)
    # What each holds says which test left it.
    contents = {}
    for name in left:
        path = os.path.join(folder, name)
        contents[name] = [os.path.relpath(os.path.join(root, f), path)
                          for root, _, files in os.walk(path) for f in files][:10]
        remove(path)
    print("%s 1 - the tests left nothing in %s" % ("not ok" if left else "ok", folder))
    for name in left:
        print("# left behind: %s %s" % (name, " ".join(contents[name])))
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
