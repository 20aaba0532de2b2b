#!/usr/bin/env python3
# test-hostile.py: the commands on FIFOs, devices and symbolic link loops
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-hostile.py GLOSSA. Prints TAP. Runs the real binary on corpora
# holding a FIFO named like an annotation file, a link to /dev/zero, links to
# enclosing folders: every command must refuse at once with a message naming
# the file, never wait on a pipe or read without end. Each run has a timeout,
# so that a hang fails its test instead of blocking the suite.

import hashlib
import json
import os
import subprocess
import time

from taptest import expect, glossa, report, test

TIMEOUT = 20

ARTICLE = "Dock workers said the strike would end on Thursday.\n"


def run(*args, cwd=None):
    start = time.monotonic()
    try:
        result = glossa(*args, cwd=cwd, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise AssertionError("glossa %s: still running after %d s" % (" ".join(args), TIMEOUT))
    result.seconds = time.monotonic() - start
    return result


def expect_refused(result, path, what):
    """Exit 1, at once, with a line on stderr naming @path and saying @what."""
    expect(result.returncode == 1, "exit %d, expected 1; stderr: %r" % (result.returncode, result.stderr))
    expect(result.seconds < 5, "took %.1f s" % result.seconds)
    lines = [l for l in result.stderr.splitlines() if path in l]
    expect(lines, "no line names %s: %r" % (path, result.stderr))
    expect(any(what in l for l in lines), "%r not said: %r" % (what, lines))


def annotations(text, name):
    data = text.encode("utf-8")
    return json.dumps({
        "format": "glossa-annotations", "version": 1,
        "document": {"id": name, "file": name + ".txt",
                     "sha256": hashlib.sha256(data).hexdigest(), "length": len(text)},
        "labels": ["actor", "quote", "claim", "date"], "status": "done", "annotator": "T",
        "spans": [{"id": "s1", "start": 0, "end": 12, "label": "actor", "text": text[:12]}],
    })


def corpus(tmp, hostile):
    """A folder with a good article and one whose annotation file is @hostile."""
    folder = os.path.join(tmp, "corpus")
    os.mkdir(folder)
    for name in ("good", "bad"):
        with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(ARTICLE)
    with open(os.path.join(folder, "good.annotations.json"), "w", encoding="utf-8") as f:
        f.write(annotations(ARTICLE, "good"))
    sidecar = os.path.join(folder, "bad.annotations.json")
    if hostile == "fifo":
        os.mkfifo(sidecar)
    else:
        os.symlink(hostile, sidecar)
    return folder, sidecar


HOSTILE = [("fifo", "named pipe (FIFO)"), ("/dev/zero", "a device")]


@test
def validate_refuses_fifo_and_dev_zero(tmp):
    for hostile, what in HOSTILE:
        sub = os.path.join(tmp, what[:5])
        os.makedirs(sub)
        folder, sidecar = corpus(sub, hostile)
        # The folder, and the file itself.
        result = run("validate", folder)
        expect_refused(result, sidecar, what)
        expect("good.annotations.json: valid" in result.stdout, result.stdout)
        expect_refused(run("validate", sidecar), sidecar, what)
        expect_refused(run("validate", os.path.join(folder, "bad.txt")), sidecar, what)


@test
def stats_refuses_fifo_and_dev_zero(tmp):
    for hostile, what in HOSTILE:
        sub = os.path.join(tmp, what[:5])
        os.makedirs(sub)
        folder, sidecar = corpus(sub, hostile)
        result = run("stats", "--json", folder)
        expect_refused(result, sidecar, what)
        # The rest is still counted: the good article's span.
        expect(json.loads(result.stdout)["spans"] == 1, result.stdout)
        expect_refused(run("stats", sidecar), sidecar, what)


@test
def export_refuses_fifo_and_dev_zero(tmp):
    for hostile, what in HOSTILE:
        sub = os.path.join(tmp, what[:5])
        os.makedirs(sub)
        folder, sidecar = corpus(sub, hostile)
        for fmt in ("jsonl", "conll"):
            out = os.path.join(sub, "out." + fmt)
            expect_refused(run("export", folder, "--format", fmt, "-o", out), sidecar, what)
            expect(not os.path.exists(out), "%s was written" % out)


@test
def jsonl_corpus_that_is_a_fifo(tmp):
    path = os.path.join(tmp, "news.jsonl")
    os.mkfifo(path)
    expect_refused(run("stats", path), path, "named pipe (FIFO)")
    expect_refused(run("export", path, "-o", os.path.join(tmp, "out.jsonl")), path, "named pipe (FIFO)")


@test
def jsonl_annotations_that_are_a_fifo(tmp):
    path = os.path.join(tmp, "news.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a1", "text": ARTICLE}) + "\n")
    sidecar = os.path.join(tmp, "news.annotations.jsonl")
    os.mkfifo(sidecar)
    expect_refused(run("stats", path), sidecar, "named pipe (FIFO)")


def brat_folder(tmp):
    folder = os.path.join(tmp, "brat")
    os.mkdir(folder)
    with open(os.path.join(folder, "doc.txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    with open(os.path.join(folder, "doc.ann"), "w", encoding="utf-8") as f:
        f.write("T1\tactor 0 12\tDock workers\n")
    # Two links to the folder itself: followed naively, 2^n paths.
    os.symlink(".", os.path.join(folder, "loop"))
    os.symlink(".", os.path.join(folder, "again"))
    return folder


@test
def brat_import_with_link_loops(tmp):
    folder = brat_folder(tmp)
    out = os.path.join(tmp, "out")
    result = run("import", folder, "--format", "brat", "-o", out)
    expect(result.returncode == 0, "exit %d: %s" % (result.returncode, result.stderr))
    expect(result.seconds < 5, "took %.1f s" % result.seconds)
    # The one document, once.
    expect(sorted(os.listdir(out)) == ["doc.annotations.json", "doc.txt"], os.listdir(out))


@test
def validate_with_link_loops(tmp):
    folder = os.path.join(tmp, "corpus")
    os.mkdir(folder)
    with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    with open(os.path.join(folder, "a.annotations.json"), "w", encoding="utf-8") as f:
        f.write(annotations(ARTICLE, "a"))
    os.symlink(".", os.path.join(folder, "loop"))
    os.symlink("..", os.path.join(folder, "up"))
    result = run("validate", folder)
    expect(result.returncode == 0, "exit %d: %s" % (result.returncode, result.stderr))
    expect(result.seconds < 5, "took %.1f s" % result.seconds)
    expect(result.stdout.count("valid, 1 span") == 1, result.stdout)


@test
def brat_import_of_fifo_ann(tmp):
    folder = os.path.join(tmp, "brat")
    os.mkdir(folder)
    with open(os.path.join(folder, "doc.txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    ann = os.path.join(folder, "doc.ann")
    os.mkfifo(ann)
    out = os.path.join(tmp, "out")
    expect_refused(run("import", folder, "--format", "brat", "-o", out), ann, "named pipe (FIFO)")
    expect(not os.path.exists(out), "%s was written" % out)


report()
