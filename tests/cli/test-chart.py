#!/usr/bin/env python3
# test-chart.py: `glossa stats --chart` end to end: the figures drawn, valid PNG and SVG, refused outputs
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-chart.py GLOSSA. Prints TAP. cairo's SVG draws text as glyph
# paths, so the figures are checked through --json, which prints what was
# drawn; the images are checked as images (PNG header, SVG parsed as XML).

import hashlib
import json
import os
import stat
import struct
import xml.etree.ElementTree as ET

from taptest import expect, expect_exit, glossa, report, test, write

TEXT = "Anna Keller met Marco Rossi in Rome on Tuesday."


def run(*args, command="stats", timeout=60):
    return glossa(command, *args, timeout=timeout)


def article(folder, name, status=None, spans=()):
    """NAME.txt and, if @status is given, NAME.annotations.json with @spans,
    (start, end, label, created) over TEXT."""
    write(os.path.join(folder, name + ".txt"), TEXT)
    if status is None:
        return
    doc = {
        "format": "glossa-annotations",
        "version": 1,
        "document": {"id": name, "file": name + ".txt",
                     "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
                     "length": len(TEXT), "date": None},
        "labels": ["actor", "quote", "claim", "date"],
        "status": status,
        "annotator": "",
        "spans": [dict({"id": "s%d" % (i + 1), "start": s, "end": e, "label": label,
                        "text": TEXT[s:e]}, **({"created": created} if created else {}))
                  for i, (s, e, label, created) in enumerate(spans)],
    }
    write(os.path.join(folder, name + ".annotations.json"),
          json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def corpus(tmp, name="a"):
    """Four readable documents and one whose annotations do not parse."""
    folder = os.path.join(tmp, name)
    article(folder, "one", "done", [(0, 11, "actor", "2026-03-01T10:00:00Z"),
                                    (16, 27, "actor", "2026-03-03T10:00:00Z"),
                                    (39, 46, "date", None)])
    article(folder, "two", "in-progress", [(31, 35, "quote", "2026-03-01T11:00:00Z")])
    article(folder, "three", "in-progress")
    article(folder, "four")
    write(os.path.join(folder, "five.txt"), TEXT)
    write(os.path.join(folder, "five.annotations.json"), "{\"format\": ")
    return folder


def figures(result):
    data = json.loads(result.stdout)
    return {c["name"]: c["values"] for c in data["categories"]}, data


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    expect(head[:8] == b"\x89PNG\r\n\x1a\n", "%s: no PNG signature" % path)
    expect(head[12:16] == b"IHDR", "%s: no IHDR first" % path)
    return struct.unpack(">II", head[16:24])


def svg_root(path):
    root = ET.parse(path).getroot()
    expect(root.tag == "{http://www.w3.org/2000/svg}svg", "root is %s" % root.tag)
    return root


def leftovers(folder):
    return [n for n in os.listdir(folder) if n.startswith(".glossa") or ".tmp" in n]


@test
def status_svg(tmp):
    folder = corpus(tmp)
    out = os.path.join(tmp, "status.svg")
    result = run(folder, "--chart", "status", "-o", out, "--json")
    # An unreadable document: drawn in its own bar, named, exit 1.
    expect_exit(result, 1)
    expect("five.annotations.json" in result.stderr, result.stderr)
    values, data = figures(result)
    expect(data["chart"] == "status", data)
    expect(values == {"To do": [1], "In progress": [2], "Done": [1], "Cannot be read": [1]}, values)
    root = svg_root(out)
    expect(root.get("width") == "800px" and root.get("height") == "500px",
           "size %s×%s" % (root.get("width"), root.get("height")))
    expect(leftovers(tmp) == [], leftovers(tmp))


@test
def labels_png(tmp):
    folder = corpus(tmp)
    out = os.path.join(tmp, "labels.PNG")
    result = run(folder, "--chart", "labels", "-o", out, "--json", "--width", "640",
                 "--height", "360", "--dark")
    expect_exit(result, 1)
    values, _ = figures(result)
    expect(values == {"actor": [2], "quote": [1], "claim": [0], "date": [1]}, values)
    expect(png_size(out) == (640, 360), png_size(out))


@test
def progress(tmp):
    folder = corpus(tmp)
    out = os.path.join(tmp, "progress.svg")
    result = run(folder, "--chart", "progress", "-o", out, "--json")
    expect_exit(result, 1)
    values, data = figures(result)
    # From 0 the day before; spans by "created", the done document on the
    # day of its latest span time.
    expect(values == {"2026-02-28": [0, 0], "2026-03-01": [2, 0], "2026-03-02": [2, 0],
                      "2026-03-03": [3, 1]}, values)
    expect(data["series"] == ["Spans created", "Documents done"], data["series"])
    expect("1 spans without a creation time" in data["note"], data["note"])
    svg_root(out)


@test
def agreement_is_agrees(tmp):
    folder = corpus(tmp)
    other = os.path.join(tmp, "b")
    article(other, "one", "done", [(0, 11, "actor", None), (39, 46, "date", None)])
    article(other, "two", "done", [(31, 35, "quote", None), (0, 4, "actor", None)])
    out = os.path.join(tmp, "agreement.png")
    result = run(folder, "--chart", "agreement", "--against", other, "-o", out, "--json")
    expect(result.returncode in (0, 1), result.stderr)
    values, data = figures(result)
    agree = run(folder, other, "--json", command="agree")
    expect_exit(agree, 0)
    reference = json.loads(agree.stdout)
    for label, scores in reference["labels"].items():
        want = [scores["exact"]["f1"], scores["overlap"]["f1"], scores["kappa"]]
        expect(values[label] == want, "%s: %s, agree says %s" % (label, values[label], want))
    overall = reference["overall"]
    expect(values["Overall"] == [overall["exact"]["f1"], overall["overlap"]["f1"], overall["kappa"]],
           values["Overall"])
    expect(str(reference["documents"]) in data["note"], data["note"])
    png_size(out)


@test
def usage(tmp):
    folder = corpus(tmp)
    out = os.path.join(tmp, "x.svg")
    for args, words in [
        (["--chart", "pie", "-o", out], "pie"),
        (["--chart", "status"], "-o"),
        (["--chart", "status", "-o", os.path.join(tmp, "x.jpg")], "x.jpg"),
        (["--chart", "agreement", "-o", out], "--against"),
        (["--chart", "status", "-o", out, "--width", "10"], "--width"),
        (["-o", out], "--chart"),
    ]:
        result = run(folder, *args)
        expect_exit(result, 2)
        expect(words in result.stderr, "%s: %s" % (args, result.stderr))
        expect(not os.path.exists(out), "%s wrote %s" % (args, out))
    result = run(folder, folder, "--chart", "status", "-o", out)
    expect_exit(result, 2)


@test
def refused_outputs(tmp):
    folder = corpus(tmp)
    # Inside the corpus (where it would be taken for part of it), or a
    # name that is not an image: never written.
    for target in (os.path.join(folder, "chart.svg"),
                   os.path.join(tmp, "x.annotations.json")):
        result = run(folder, "--chart", "status", "-o", target)
        expect(result.returncode != 0, "%s was accepted" % target)
        expect(not os.path.exists(target), "%s written" % target)
    # A FIFO is refused at once, not opened (which would block).
    fifo = os.path.join(tmp, "fifo.svg")
    os.mkfifo(fifo)
    result = run(folder, "--chart", "status", "-o", fifo, timeout=20)
    expect_exit(result, 2)
    expect("fifo.svg" in result.stderr, result.stderr)
    expect(stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced")
    # B given as a FIFO: refused at once too, naming it.
    fifo_b = os.path.join(tmp, "b.jsonl")
    os.mkfifo(fifo_b)
    result = run(folder, "--chart", "agreement", "--against", fifo_b,
                 "-o", os.path.join(tmp, "a.svg"), timeout=20)
    expect(result.returncode in (1, 2), "exit %d" % result.returncode)
    expect("b.jsonl" in result.stderr, result.stderr)
    expect(not os.path.exists(os.path.join(tmp, "a.svg")), "a chart was written")


@test
def replaced_atomically(tmp):
    folder = corpus(tmp)
    outdir = os.path.join(tmp, "out")
    os.mkdir(outdir)
    out = os.path.join(outdir, "chart.svg")
    write(out, "old")
    link = os.path.join(outdir, "link.svg")
    os.symlink("chart.svg", link)
    result = run(folder, "--chart", "labels", "-o", link)
    expect_exit(result, 1)
    expect(os.path.islink(link), "the link was replaced by a file")
    svg_root(out)
    expect(sorted(os.listdir(outdir)) == ["chart.svg", "link.svg"], os.listdir(outdir))
    # A folder that cannot be written: a message naming the file, no file.
    os.chmod(outdir, 0o500)
    if os.access(outdir, os.W_OK):
        return  # running as root: nothing is read-only
    target = os.path.join(outdir, "new.png")
    result = run(folder, "--chart", "labels", "-o", target)
    expect_exit(result, 1)
    expect("new.png" in result.stderr, result.stderr)
    expect(not os.path.exists(target), "written into a read-only folder")


report()
