#!/usr/bin/env python3
# check_slices.py: checks exported datasets by slicing their text in Python
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The slicing contract, checked the way a consumer would: a span's text is
# text[start:end] in code points (Python str), in UTF-16 code units (what
# JavaScript and Java index), or in UTF-8 bytes.
#
#   check_slices.py jsonl UNIT FILE            spans carry their text
#   check_slices.py doccano UNIT FILE REF      REF: the same corpus as JSONL in code points
#   check_slices.py brat UNIT FOLDER           fragments joined by a space
#
# Prints the number of spans checked; exits 1 on the first mismatch.

import json
import os
import sys


def slice_text(text, start, end, unit):
    if unit == "codepoint":
        return text[start:end]
    if unit == "utf16":
        data = text.encode("utf-16-le")
        return data[2 * start:2 * end].decode("utf-16-le")  # raises inside a pair
    if unit == "byte":
        return text.encode("utf-8")[start:end].decode("utf-8")  # raises inside a character
    raise ValueError(unit)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def check_jsonl(unit, path):
    n = 0
    with open(path, encoding="utf-8", newline="") as f:
        for line_no, line in enumerate(f, 1):
            doc = json.loads(line)
            for s in doc["spans"]:
                got = slice_text(doc["text"], s["start"], s["end"], unit)
                if got != s["text"]:
                    fail("%s:%d: %r != %r" % (path, line_no, got, s["text"]))
                n += 1
    return n


def check_doccano(unit, path, ref):
    n = 0
    with open(path, encoding="utf-8", newline="") as f, open(ref, encoding="utf-8", newline="") as g:
        for line_no, (line, ref_line) in enumerate(zip(f, g), 1):
            doc, ref_doc = json.loads(line), json.loads(ref_line)
            if doc["text"] != ref_doc["text"] or len(doc["entities"]) != len(ref_doc["spans"]):
                fail("%s:%d: does not match %s" % (path, line_no, ref))
            for entity, s in zip(doc["entities"], ref_doc["spans"]):
                start, end, label = entity["start_offset"], entity["end_offset"], entity["label"]
                got = slice_text(doc["text"], start, end, unit)
                if got != s["text"] or label != s["label"]:
                    fail("%s:%d: %r != %r" % (path, line_no, got, s["text"]))
                n += 1
    return n


def check_brat(unit, folder):
    n = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ann"):
            continue
        with open(os.path.join(folder, name[:-4] + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            for line in f.read().split("\n"):
                if not line.startswith("T"):
                    continue
                _, type_offsets, expected = line.split("\t", 2)
                fragments = type_offsets.split(" ", 1)[1].split(";")
                pieces = []
                for fragment in fragments:
                    start, end = (int(x) for x in fragment.split())
                    piece = slice_text(text, start, end, unit)
                    if "\n" in piece or "\r" in piece:
                        fail("%s: %s crosses a line break" % (name, line))
                    pieces.append(piece)
                if " ".join(pieces) != expected:
                    fail("%s: %r != %r" % (name, " ".join(pieces), expected))
                n += 1
    return n


def main():
    kind, unit, path = sys.argv[1:4]
    if kind == "jsonl":
        n = check_jsonl(unit, path)
    elif kind == "doccano":
        n = check_doccano(unit, path, sys.argv[4])
    elif kind == "brat":
        n = check_brat(unit, path)
    else:
        fail("unknown kind " + kind)
    print(n)


if __name__ == "__main__":
    main()
