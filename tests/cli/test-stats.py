#!/usr/bin/env python3
# test-stats.py: `glossa stats` end to end on folders, files and JSONL corpora
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-stats.py GLOSSA. Prints TAP. Builds small corpora in a
# temporary folder, runs the real binary and checks its output, its
# messages on standard error and its exit status.

import hashlib
import json
import os

from taptest import expect, expect_exit, glossa, report, test, write

LABELS = ["actor", "quote", "claim", "date"]


def run(*args, cwd=None):
    return glossa("stats", *args, cwd=cwd)


def article(folder, name, text, status=None, spans=()):
    """NAME.txt and, if @status is given, a valid NAME.annotations.json whose
    spans are (start, end, label) triples over @text."""
    write(os.path.join(folder, name + ".txt"), text)
    if status is None:
        return
    base = os.path.basename(name)
    doc = {
        "format": "glossa-annotations",
        "version": 1,
        "document": {"id": base, "file": base + ".txt",
                     "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                     "length": len(text), "date": None},
        "labels": LABELS,
        "status": status,
        "annotator": "",
        "spans": [{"id": "s%d" % (i + 1), "start": s, "end": e, "label": label,
                   "text": text[s:e]} for i, (s, e, label) in enumerate(spans)],
    }
    write(os.path.join(folder, name + ".annotations.json"),
          json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def counts(documents, todo, in_progress, done, actor=0, quote=0, claim=0, date=0, unreadable=0):
    return {"documents": documents,
            "status": {"todo": todo, "in-progress": in_progress, "done": done},
            "unreadable": unreadable,
            "labels": {"actor": actor, "quote": quote, "claim": claim, "date": date},
            "spans": actor + quote + claim + date}


def sample_folder(tmp):
    folder = os.path.join(tmp, "corpus")
    text = "Alice told Bob on Monday that taxes rise."
    article(folder, "1", text, "done", [(0, 5, "actor"), (11, 14, "actor"), (18, 24, "date")])
    article(folder, "2", text, "in-progress", [(30, 41, "claim")])
    article(folder, "10", text)
    article(folder, "sub/3", text, "done", [(0, 5, "actor")])
    article(folder, "sub/deeper/4", "Nothing yet.")
    article(folder, ".hidden/5", text, "done", [(0, 5, "actor")])
    return folder


@test
def folder_json(tmp):
    folder = sample_folder(tmp)
    result = run("--json", folder)
    expect_exit(result, 0)
    expect(result.stderr == "", result.stderr)
    got = json.loads(result.stdout)
    expect(got == counts(5, 2, 1, 2, actor=3, claim=1, date=1), got)


@test
def folder_text(tmp):
    folder = sample_folder(tmp)
    result = run(folder)
    expect_exit(result, 0)
    rows = {}
    for line in result.stdout.splitlines():
        key, value = line.rsplit(None, 1)
        rows[key.strip()] = int(value)
    expect(rows == {"Documents": 5, "todo": 2, "in-progress": 1, "done": 2, "Unreadable": 0,
                    "Spans": 5, "actor": 3, "quote": 0, "claim": 1, "date": 1}, rows)


@test
def files_counted_once(tmp):
    folder = sample_folder(tmp)
    args = [os.path.join(folder, n) for n in
            ("1.txt", "1.annotations.json", "2.annotations.json", "10.txt")]
    result = run("--json", *args)
    expect_exit(result, 0)
    expect(json.loads(result.stdout) == counts(3, 1, 1, 1, actor=2, claim=1, date=1),
           result.stdout)
    # A folder and a file inside it: the file is already counted.
    result = run("--json", folder, args[0])
    expect(json.loads(result.stdout)["documents"] == 5, result.stdout)


@test
def bad_files(tmp):
    folder = sample_folder(tmp)
    write(os.path.join(folder, "sub", "broken.txt"), "Broken.")
    write(os.path.join(folder, "sub", "broken.annotations.json"), '{"status": "done",,}')
    write(os.path.join(folder, "label.txt"), "Odd label.")
    write(os.path.join(folder, "label.annotations.json"),
          '{"status": "todo", "spans": [{"label": "person"}]}')
    result = run("--json", "corpus", cwd=tmp)
    expect_exit(result, 1)
    lines = result.stderr.splitlines()
    expect(len(lines) == 2, result.stderr)
    # Named as given on the command line, with line and column.
    expect(lines[0].startswith("corpus/label.annotations.json: spans[0].label"), lines[0])
    expect(lines[1].startswith("corpus/sub/broken.annotations.json:1:19: "), lines[1])
    # The rest is still counted; the broken ones as unreadable, not todo.
    got = json.loads(result.stdout)
    expect(got == counts(5, 2, 1, 2, actor=3, claim=1, date=1, unreadable=2), got)


@test
def missing_and_unknown(tmp):
    other = os.path.join(tmp, "notes.md")
    write(other, "# notes")
    result = run(os.path.join(tmp, "nothing"), os.path.join(tmp, "gone.txt"), other)
    expect_exit(result, 1)
    lines = result.stderr.splitlines()
    expect(len(lines) == 3, result.stderr)
    expect(lines[0] == os.path.join(tmp, "nothing") + ": no such file", lines[0])
    expect(lines[1] == os.path.join(tmp, "gone.txt") + ": no such file", lines[1])
    expect(lines[2].startswith(other + ": not an article"), lines[2])


@test
def jsonl_corpus(tmp):
    path = os.path.join(tmp, "news.jsonl")
    lines = [
        {"id": "a", "text": "Alice spoke.", "spans": [
            {"id": "p1", "start": 0, "end": 5, "label": "actor", "text": "Alice"}]},
        {"id": "b", "text": "Bob wrote on Friday.", "title": "B", "date": "2024-03-01"},
        {"id": "c", "text": "Carol.", "spans": [
            {"id": "p1", "start": 0, "end": 5, "label": "actor", "text": "Carol"}]},
    ]
    write(path, "".join(json.dumps(line) + "\n" for line in lines) + "{oops\n")
    annotations = [
        {"id": "b", "status": "done", "annotator": "x", "spans": [
            {"id": "s1", "start": 0, "end": 3, "label": "actor", "text": "Bob"},
            {"id": "s2", "start": 13, "end": 19, "label": "date", "text": "Friday"}]},
        {"id": "c", "status": "in-progress", "annotator": "", "spans": []},
    ]
    write(os.path.join(tmp, "news.annotations.jsonl"),
          "".join(json.dumps(a) + "\n" for a in annotations))

    result = run("--json", path)
    expect_exit(result, 1)
    expect(result.stderr.startswith(path + ":4:"), result.stderr)
    # "a" keeps its pre-annotated span; "c"'s annotations replace its own.
    got = json.loads(result.stdout)
    expect(got == counts(3, 1, 1, 1, actor=2, date=1), got)

    # The annotations file stands for its corpus, counted once.
    result = run("--json", path, os.path.join(tmp, "news.annotations.jsonl"))
    expect(json.loads(result.stdout)["documents"] == 3, result.stdout)


@test
def usage(tmp):
    result = run()
    expect_exit(result, 2)
    expect("no path given" in result.stderr, result.stderr)
    result = run("--no-such-option", tmp)
    expect_exit(result, 2)
    result = run("--help")
    expect_exit(result, 0)
    for word in ("--json", "JSONL", "todo", "Exit status"):
        expect(word in result.stdout, "--help does not mention %s" % word)


report()
