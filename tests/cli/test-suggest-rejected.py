#!/usr/bin/env python3
# test-suggest-rejected.py: `glossa suggest` leaves out the suggestions an annotator rejected
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-suggest-rejected.py GLOSSA. Prints TAP. A suggestion equal
# (start, end, label) to an entry of the annotation file's
# rejected_suggestions is not written, and counted; the list itself is
# written back as it was read, in a folder corpus and in a JSONL corpus's
# FILE.annotations.jsonl alike.

import hashlib
import json
import os

from taptest import expect, expect_exit, glossa, report, test, write


TAGGED = "Giorgia Meloni met the press in Rome. Meloni left early."
QUOTED = ("date 2026-03-12 Summit\n\n"
          "“We are ready to talk,” said Giorgia Meloni on Tuesday. "
          "Giorgia Meloni then flew to Brussels on 4 March 2026.\n")
# What the window writes when the speaker after "said" and "Tuesday" are
# rejected, plus entries of other shapes, which mean nothing and are kept.
REJECTED = [{"start": 53, "end": 67, "label": "actor"},
            {"start": 71, "end": 78, "label": "date"},
            {"start": 80, "end": 94, "label": "quote"},
            {"start": "80", "end": 94, "label": "actor"},
            "junk"]


LABELS = ["actor", "quote", "claim", "date"]


def run(*args, command="suggest"):
    return glossa(command, *args, timeout=60)


def folder_corpus(tmp, rejected):
    folder = os.path.join(tmp, "news")
    os.mkdir(folder)
    write(os.path.join(folder, "a.txt"), TAGGED)
    write(os.path.join(folder, "b.txt"), QUOTED)
    a = {"format": "glossa-annotations", "version": 1, "labels": LABELS,
         "document": {"id": "a", "file": "a.txt", "sha256": sha256(TAGGED), "length": len(TAGGED)},
         "status": "in-progress", "annotator": "ann1",
         "spans": [{"id": "s1", "start": 0, "end": 14, "label": "actor", "text": "Giorgia Meloni"}]}
    write(os.path.join(folder, "a.annotations.json"), json.dumps(a, ensure_ascii=False) + "\n")
    b = {"format": "glossa-annotations", "version": 1, "labels": LABELS,
         "document": {"id": "b", "file": "b.txt", "sha256": sha256(QUOTED), "length": len(QUOTED)},
         "status": "in-progress", "annotator": "ann1", "spans": []}
    if rejected is not None:
        b["rejected_suggestions"] = rejected
    write(os.path.join(folder, "b.annotations.json"), json.dumps(b, ensure_ascii=False) + "\n")
    return folder


def jsonl_corpus(tmp, rejected):
    path = os.path.join(tmp, "news.jsonl")
    lines = [{"id": "a", "text": TAGGED}, {"id": "b", "text": QUOTED}]
    write(path, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    annotations = [{"id": "a", "status": "in-progress", "annotator": "ann1",
                    "spans": [{"id": "s1", "start": 0, "end": 14, "label": "actor", "text": "Giorgia Meloni"}]},
                   {"id": "b", "status": "in-progress", "annotator": "ann1", "spans": [],
                    "rejected_suggestions": rejected}]
    write(os.path.join(tmp, "news.annotations.jsonl"),
          "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in annotations))
    return path


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def suggested(id, start, end, label, **more):
    span = {"id": id, "start": start, "end": end, "label": label, "text": QUOTED[start:end],
            "origin": "suggested"}
    span.update(more)
    return span


def expected_b(spans, rejected, version=2, relations=None):
    doc = {"format": "glossa-annotations", "version": version,
           "document": {"id": "b", "file": "b.txt", "sha256": sha256(QUOTED), "length": len(QUOTED),
                        "date": "2026-03-12"},
           "labels": ["actor", "quote", "claim", "date"],
           "status": "in-progress", "annotator": "ann1", "spans": spans}
    if relations:
        doc["relations"] = relations
    if rejected is not None:
        doc["rejected_suggestions"] = rejected
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# The quote is kept, its speaker rejected, so it has no source link; the
# second "Giorgia Meloni" is still a known name (only its quote rejection,
# of another label, matches its extent); "Tuesday" is gone.
KEPT = [suggested("s1", 25, 46, "quote"),
        suggested("s2", 80, 94, "actor"),
        suggested("s3", 120, 132, "date", attributes={"value": "2026-03-04"}, value_source="auto")]


@test
def folder_leaves_rejected_out(tmp):
    out = os.path.join(tmp, "out")
    result = run(folder_corpus(tmp, REJECTED), "-o", out)
    expect_exit(result, 0)
    got = read(os.path.join(out, "b.annotations.json"))
    expect(got == expected_b(KEPT, REJECTED), got)
    expect("2 left out: rejected before" in result.stderr, result.stderr)
    expect("3 suggested spans written" in result.stderr, result.stderr)
    expect("link" not in result.stderr, result.stderr)
    expect_exit(run(out, command="validate"), 0)


@test
def jsonl_leaves_rejected_out(tmp):
    out = os.path.join(tmp, "out")
    result = run(jsonl_corpus(tmp, REJECTED), "-o", out)
    expect_exit(result, 0)
    got = read(os.path.join(out, "b.annotations.json"))
    expect(got == expected_b(KEPT, REJECTED), got)
    expect("2 left out: rejected before" in result.stderr, result.stderr)
    expect_exit(run(os.path.join(tmp, "news.jsonl"), command="validate"), 0)


@test
def without_rejections_all_come(tmp):
    # The same corpus with no list: the rejected ones are written, the
    # quote linked to its speaker, and nothing is said about rejections.
    out = os.path.join(tmp, "out")
    result = run(folder_corpus(tmp, None), "-o", out)
    expect_exit(result, 0)
    spans = [suggested("s1", 25, 46, "quote"), suggested("s2", 53, 67, "actor"),
             suggested("s3", 71, 78, "date", attributes={"value": "2026-03-10"}, value_source="auto"),
             suggested("s4", 80, 94, "actor"),
             suggested("s5", 120, 132, "date", attributes={"value": "2026-03-04"}, value_source="auto")]
    got = read(os.path.join(out, "b.annotations.json"))
    expect(got == expected_b(spans, None, version=2,
                             relations=[{"id": "r1", "type": "source", "from": "s1", "to": "s2"}]), got)
    expect("rejected before" not in result.stderr, result.stderr)


@test
def list_not_a_list_is_kept(tmp):
    # A member that is not a list rejects nothing and is written back.
    out = os.path.join(tmp, "out")
    result = run(folder_corpus(tmp, {"start": 53, "end": 67, "label": "actor"}), "-o", out)
    expect_exit(result, 0)
    got = json.loads(read(os.path.join(out, "b.annotations.json")))
    expect(got["rejected_suggestions"] == {"start": 53, "end": 67, "label": "actor"}, got)
    expect((53, 67, "actor") in [(s["start"], s["end"], s["label"]) for s in got["spans"]], got["spans"])
    expect("rejected before" not in result.stderr, result.stderr)


@test
def again_on_its_output(tmp):
    # The list travels with the output: a second run leaves them out again
    # and adds nothing.
    one, two = os.path.join(tmp, "one"), os.path.join(tmp, "two")
    expect_exit(run(folder_corpus(tmp, REJECTED), "-o", one), 0)
    result = run(one, "-o", two)
    expect_exit(result, 0)
    expect(read(os.path.join(two, "b.annotations.json")) == read(os.path.join(one, "b.annotations.json")))
    expect("0 suggested spans written" in result.stderr, result.stderr)


report()
