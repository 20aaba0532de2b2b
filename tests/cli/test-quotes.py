#!/usr/bin/env python3
# test-quotes.py: `glossa quotes` end to end: fields, offsets, JSON, hostile paths
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-quotes.py GLOSSA. Prints TAP. Writes small articles in a
# temporary folder, runs the real binary and checks what it prints, its
# messages on standard error and its exit status.

import json
import os

from taptest import expect, expect_exit, glossa, report, test, write


ARTICLE = ("date 2024-07-05 Labour wins\n\n"
           "“Change begins now,” said Keir Starmer. “We said we would end the chaos.”\n\n"
           "«The city is ready», the mayor said.\n")


def run(*args, timeout=20):
    return glossa("quotes", *args, timeout=timeout)


@test
def text_fields_are_code_point_offsets(tmp):
    # A byte-order mark is not part of the text Glossa counts offsets in.
    path = os.path.join(tmp, "a.txt")
    write(path, "\ufeff👨‍👩‍👧 " + ARTICLE)
    text = "👨‍👩‍👧 " + ARTICLE
    result = run(path)
    expect_exit(result, 0)
    lines = result.stdout.splitlines()
    expect(len(lines) == 3, result.stdout)
    rows = [line.split("\t") for line in lines]
    for row in rows:
        expect(len(row) == 11, row)
        expect(row[0] == path, row)
        expect(text[int(row[1]):int(row[2])] == row[3], row)
        expect(text[int(row[4]):int(row[5])] == row[6], row)
    expect([r[3] for r in rows] == ["Change begins now,", "We said we would end the chaos.",
                                    "The city is ready"], rows)
    expect([r[6] for r in rows] == ["Keir Starmer", "Keir Starmer", "the mayor"], rows)
    expect([r[8] for r in rows] == ["said", "", "said"], rows)
    expect([r[9] for r in rows] == ["cue-after", "previous", "cue-after"], rows)


@test
def json_output(tmp):
    path = os.path.join(tmp, "a.txt")
    write(path, ARTICLE)
    result = run("--json", "--lang", "en", path)
    expect_exit(result, 0)
    doc = json.loads(result.stdout)
    expect(doc["file"] == path and doc["lang"] == "en", doc)
    first = doc["quotes"][0]
    start = ARTICLE.index("Change")
    expect(first["quote"] == {"start": start, "end": start + 18, "text": "Change begins now,"}, first)
    expect(first["speaker"]["text"] == "Keir Starmer", first)
    expect(ARTICLE[first["speaker"]["start"]:first["speaker"]["end"]] == "Keir Starmer", first)
    expect(first["cue"]["text"] == "said" and first["resolved"] is None, first)
    expect(first["rule"] == "cue-after", first)


@test
def one_line_per_suggestion(tmp):
    # A quotation over paragraphs keeps to one line: line breaks become spaces.
    path = os.path.join(tmp, "a.txt")
    write(path, "Cheng wrote to staff:\n\n“The weeks were hard.\n\n“We start\tagain.”\n")
    result = run(path)
    expect_exit(result, 0)
    lines = result.stdout.splitlines()
    expect(len(lines) == 1, result.stdout)
    expect(lines[0].split("\t")[3] == "The weeks were hard.  “We start again.", lines)


@test
def languages(tmp):
    path = os.path.join(tmp, "a.txt")
    write(path, "«Siamo pronti», ha detto il ministro.")
    expect(run("--lang", "it", path).stdout.split("\t")[6] == "il ministro")
    expect(run(path).stdout.split("\t")[6] == "il ministro")
    result = run("--lang", "fr", path)
    expect_exit(result, 2)
    expect("fr" in result.stderr, result.stderr)


@test
def usage_errors(tmp):
    expect_exit(run(), 2)
    expect_exit(run("--no-such-option"), 2)
    result = run("--help")
    expect_exit(result, 0)
    expect("--json" in result.stdout and "Exit status" in result.stdout, result.stdout)


@test
def hostile_paths(tmp):
    # A FIFO must be refused at once, not read forever; so must a device, a
    # folder and a symbolic link loop. Each is named, and a good file given
    # with them still prints.
    fifo = os.path.join(tmp, "pipe.txt")
    os.mkfifo(fifo)
    good = os.path.join(tmp, "good.txt")
    write(good, ARTICLE)
    missing = os.path.join(tmp, "missing.txt")
    loop = os.path.join(tmp, "loop.txt")
    os.symlink(loop, loop)
    result = run(fifo, "/dev/zero", tmp, missing, loop, good, timeout=10)
    expect_exit(result, 1)
    errors = result.stderr.splitlines()
    expect(len(errors) == 5, result.stderr)
    for name, line in zip((fifo, "/dev/zero", tmp, missing, loop), errors):
        expect(name in line, line)
    expect(len(result.stdout.splitlines()) == 3, result.stdout)


@test
def invalid_utf8(tmp):
    path = os.path.join(tmp, "bad.txt")
    write(path, b"\xe2\x80\x9cab\xff\xe2\x80\x9d, he said.")
    result = run(path)
    expect_exit(result, 1)
    expect(path in result.stderr and "byte 5" in result.stderr, result.stderr)
    expect(result.stdout == "", result.stdout)


report()
