#!/usr/bin/env python3
# test-merge.py: `glossa merge` end to end, and validate/stats/export on what it writes
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-merge.py GLOSSA. Prints TAP. Builds annotators' corpus folders
# in a temporary folder, merges them with the real binary and checks the
# files written (provenance included), then that validate, stats and export
# take the merged corpus as it is.

import hashlib
import json
import os
import subprocess

from taptest import GLOSSA, expect, expect_exit, glossa, report, test, write

LABELS = ["actor", "quote", "claim", "date"]
TEXT = "Alice told Bob on Monday that taxes rise."


def span(start, end, label, **more):
    return dict(start=start, end=end, label=label, **more)


def article(folder, name, annotator, spans, text=TEXT, extra=None):
    """NAME.txt and NAME.annotations.json by @annotator; @spans are dicts
    with start, end, label and any other members."""
    write(os.path.join(folder, name + ".txt"), text)
    doc = {
        "format": "glossa-annotations",
        "version": 1,
        "document": {"id": name, "file": name + ".txt",
                     "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                     "length": len(text), "date": None},
        "labels": LABELS,
        "status": "done",
        "annotator": annotator,
        "spans": [dict({"id": "s%d" % (i + 1), "text": text[s["start"]:s["end"]]}, **s)
                  for i, s in enumerate(spans)],
    }
    doc.update(extra or {})
    write(os.path.join(folder, name + ".annotations.json"),
          json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def load(folder, name):
    with open(os.path.join(folder, name + ".annotations.json"), encoding="utf-8") as f:
        return json.load(f)


def two_annotators(tmp):
    a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    article(a, "1", "annA", [
        span(0, 5, "actor", note="the speaker", annotator="annA", origin="manual",
             created="2026-01-02T10:00:00Z", modified="2026-01-02T10:05:00Z", confidence=0.9),
        span(11, 14, "actor", annotator="annA"),
        span(30, 41, "claim", annotator="annA")])
    article(b, "1", "annB", [
        span(0, 5, "actor", annotator="annB", created="2026-02-01T08:00:00Z"),
        span(11, 14, "quote", annotator="annB"),
        span(18, 24, "date", annotator="annB")])
    article(a, "2", "annA", [span(0, 5, "actor")])
    article(b, "2", "annB", [span(0, 5, "actor")])
    return a, b


@test
def two_folders_agreed_spans_with_provenance(tmp):
    a, b = two_annotators(tmp)
    out = os.path.join(tmp, "out")
    result = glossa("merge", a, b, "-o", out)
    expect_exit(result, 0)
    expect("2 documents, 2 spans written to" in result.stderr, result.stderr)
    doc = load(out, "1")
    expect(len(doc["spans"]) == 1, doc["spans"])
    s = doc["spans"][0]
    # A's copy, whole: its note, annotator, origin, times and unknown member.
    expect((s["start"], s["end"], s["label"], s["text"]) == (0, 5, "actor", "Alice"), s)
    expect(s["note"] == "the speaker" and s["annotator"] == "annA" and s["origin"] == "manual", s)
    expect(s["created"] == "2026-01-02T10:00:00Z" and s["modified"] == "2026-01-02T10:05:00Z", s)
    expect(s["confidence"] == 0.9, s)
    expect(s["review"] == {"decision": "agreed", "sources": ["annA", "annB"]}, s["review"])
    expect(doc["annotator"] == "annA + annB", doc["annotator"])
    with open(os.path.join(out, "1.txt"), encoding="utf-8") as f:
        expect(f.read() == TEXT)


@test
def merged_corpus_validates_counts_and_exports(tmp):
    a, b = two_annotators(tmp)
    out = os.path.join(tmp, "out")
    expect_exit(glossa("merge", a, b, "-o", out), 0)
    result = glossa("validate", out)
    expect_exit(result, 0)
    result = glossa("stats", "--json", out)
    expect_exit(result, 0)
    stats = json.loads(result.stdout)
    expect(stats["documents"] == 2 and stats["spans"] == 2 and stats["labels"]["actor"] == 2, stats)
    export = os.path.join(tmp, "gold.jsonl")
    result = glossa("export", out, "--format", "jsonl", "-o", export)
    expect_exit(result, 0)
    with open(export, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    expect(sorted(line["id"] for line in lines) == ["1", "2"], lines)
    for line in lines:
        expect(line["text"] == TEXT, line)
        expect([(s["start"], s["end"], s["label"]) for s in line["spans"]] == [(0, 5, "actor")], line)


@test
def three_annotators_min_agree(tmp):
    folders = [os.path.join(tmp, n) for n in ("a", "b", "c")]
    article(folders[0], "1", "annA", [span(0, 5, "actor"), span(11, 14, "actor"), span(30, 41, "claim")])
    article(folders[1], "1", "annB", [span(0, 5, "actor"), span(11, 14, "actor"), span(18, 24, "date")])
    article(folders[2], "1", "annC", [span(0, 5, "actor"), span(11, 14, "quote"), span(18, 24, "date")])
    out = os.path.join(tmp, "out")
    expect_exit(glossa("merge", *folders, "--min-agree", "2", "-o", out), 0)
    got = [(s["start"], s["end"], s["label"], s["review"]["decision"], s["review"]["sources"])
           for s in load(out, "1")["spans"]]
    expect(got == [(0, 5, "actor", "agreed", ["annA", "annB", "annC"]),
                   (11, 14, "actor", "merged", ["annA", "annB"]),
                   (18, 24, "date", "merged", ["annB", "annC"])], got)
    # The span B and C have comes from B: its id is B's, unless A's took it.
    ids = [s["id"] for s in load(out, "1")["spans"]]
    expect(len(set(ids)) == 3, ids)
    expect_exit(glossa("validate", out), 0)

    out1 = os.path.join(tmp, "out1")
    expect_exit(glossa("merge", *folders, "--min-agree", "1", "-o", out1), 0)
    expect(len(load(out1, "1")["spans"]) == 5)
    expect_exit(glossa("validate", out1), 0)


@test
def same_annotator_names_told_apart(tmp):
    a, b = os.path.join(tmp, "x"), os.path.join(tmp, "y")
    article(a, "1", "", [span(0, 5, "actor")])
    article(b, "1", "", [span(0, 5, "actor")])
    out = os.path.join(tmp, "out")
    expect_exit(glossa("merge", a, b, "-o", out), 0)
    expect(load(out, "1")["spans"][0]["review"]["sources"] == ["x", "y"])


@test
def document_fewer_annotated_left_out(tmp):
    a, b = two_annotators(tmp)
    article(a, "3", "annA", [span(0, 5, "actor")])
    out = os.path.join(tmp, "out")
    result = glossa("merge", a, b, "-o", out)
    expect_exit(result, 0)
    expect("1 document annotated by fewer than 2 annotators left out" in result.stderr, result.stderr)
    expect(not os.path.exists(os.path.join(out, "3.txt")))


@test
def different_articles_refused(tmp):
    a, b = two_annotators(tmp)
    article(b, "2", "annB", [span(0, 5, "actor")], text="Alice wrote something else.")
    out = os.path.join(tmp, "out")
    result = glossa("merge", a, b, "-o", out)
    expect_exit(result, 1)
    expect("document “2”: its article is not the one in" in result.stderr, result.stderr)
    expect(b in result.stderr, result.stderr)
    expect(not os.path.exists(out), os.listdir(tmp))


@test
def usage_errors(tmp):
    a, b = two_annotators(tmp)
    out = os.path.join(tmp, "out")
    for args in ([a, "-o", out], [a, b], [a, b, "--min-agree", "3", "-o", out],
                 [a, b, "--min-agree", "-1", "-o", out]):
        result = glossa("merge", *args)
        expect_exit(result, 2)
    # Into an input, or inside one: refused before anything is read.
    for target in (a, os.path.join(b, "merged")):
        result = glossa("merge", a, b, "-o", target)
        expect_exit(result, 2)
    expect(not os.path.exists(os.path.join(b, "merged")))
    expect(not os.path.exists(out))


@test
def validate_checks_review_member(tmp):
    folder = os.path.join(tmp, "adj")
    article(folder, "1", "rev", [span(0, 5, "actor", review={"decision": "maybe", "sources": ["annA"]})])
    result = glossa("validate", folder)
    expect_exit(result, 1)
    expect("1.annotations.json: spans[0].review.decision: unknown value “maybe”" in result.stderr,
           result.stderr)
    article(folder, "1", "rev", [span(0, 5, "actor", review={"decision": "a", "sources": "annA"})])
    result = glossa("validate", folder)
    expect_exit(result, 1)
    expect("spans[0].review.sources: expected a list" in result.stderr, result.stderr)
    article(folder, "1", "rev", [span(0, 5, "actor", review={"decision": "a", "sources": ["annA"],
                                                            "reviewed": "yesterday"})])
    result = glossa("validate", folder)
    expect_exit(result, 1)
    expect("spans[0].review.reviewed: “yesterday” is not an ISO 8601 time" in result.stderr, result.stderr)


@test
def validate_checks_decisions(tmp):
    folder = os.path.join(tmp, "adj")
    good = {"start": 11, "end": 14, "text": "Bob",
            "options": [{"label": "actor", "sources": ["annA"]}, {"label": "quote", "sources": ["annB"]}],
            "decision": "neither", "kept": [], "reviewer": "rev", "reviewed": "2026-03-01T09:00:00Z"}
    article(folder, "1", "rev", [], extra={"decisions": [good]})
    expect_exit(glossa("validate", folder), 0)
    for bad, where in ((dict(good, end=99), "decisions[0].end"),
                       (dict(good, decision="maybe"), "decisions[0].decision"),
                       (dict(good, kept=["date"]), "decisions[0].kept[0]"),
                       (dict(good, options=[{"label": "person", "sources": []}]), "decisions[0].options[0].label")):
        article(folder, "1", "rev", [], extra={"decisions": [bad]})
        result = glossa("validate", folder)
        expect_exit(result, 1)
        expect("1.annotations.json: " + where + ":" in result.stderr, (where, result.stderr))


@test
def jsonl_export_as_input(tmp):
    a, b = two_annotators(tmp)
    export = os.path.join(tmp, "a.jsonl")
    expect_exit(glossa("export", a, "--format", "jsonl", "-o", export), 0)
    out = os.path.join(tmp, "out")
    result = glossa("merge", export, b, "-o", out)
    expect_exit(result, 0)
    s = load(out, "1")["spans"]
    expect([(x["start"], x["end"], x["label"], x["review"]["sources"]) for x in s] ==
           [(0, 5, "actor", ["annA", "annB"])], s)
    expect_exit(glossa("validate", out), 0)


@test
def hostile_inputs_and_outputs(tmp):
    a, b = two_annotators(tmp)
    fifo = os.path.join(tmp, "pipe.jsonl")
    os.mkfifo(fifo)
    out = os.path.join(tmp, "out")
    # A FIFO named like a corpus is refused at once, not read forever.
    result = subprocess.run([GLOSSA, "merge", a, fifo, "-o", out], capture_output=True,
                            text=True, timeout=20)
    expect(result.returncode in (1, 2), result)
    expect("pipe.jsonl" in result.stderr, result.stderr)
    expect(not os.path.exists(out))
    # -o on a symbolic link to an input, or a file: refused.
    link = os.path.join(tmp, "link")
    os.symlink(a, link)
    expect_exit(glossa("merge", a, b, "-o", link), 2)
    expect_exit(glossa("merge", a, b, "-o", os.path.join(a, "1.txt")), 2)
    # A read-only place: exit 1, the path named, nothing left behind.
    ro = os.path.join(tmp, "ro")
    os.mkdir(ro)
    os.chmod(ro, 0o555)
    try:
        if os.access(ro, os.W_OK):
            return  # root writes anywhere
        result = glossa("merge", a, b, "-o", os.path.join(ro, "out"))
        expect_exit(result, 1)
        expect(os.path.join(ro, "out") in result.stderr, result.stderr)
        expect(os.listdir(ro) == [], os.listdir(ro))
    finally:
        os.chmod(ro, 0o755)


@test
def outputs_follow_the_schema(tmp):
    try:
        import jsonschema
    except ImportError:
        return
    schema_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                               "glossa-annotations.schema.json")
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    a, b = two_annotators(tmp)
    out = os.path.join(tmp, "out")
    expect_exit(glossa("merge", a, b, "--min-agree", "1", "-o", out), 0)
    docs = [load(out, "1"), load(out, "2")]
    # An adjudicated file as the review writes it: provenance and decisions.
    adjudicated = dict(docs[0], decisions=[{
        "start": 11, "end": 14, "text": "Bob",
        "options": [{"label": "actor", "sources": ["annA"]}, {"label": "quote", "sources": ["annB"]}],
        "decision": "neither", "kept": [], "reviewer": "rev", "reviewed": "2026-03-01T09:00:00Z"}])
    for doc in docs + [adjudicated]:
        jsonschema.validate(doc, schema)
    try:
        jsonschema.validate(dict(adjudicated, decisions=[{"start": 1}]), schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("a decision without its fields passed the schema")


@test
def review_refuses_before_opening_a_window(tmp):
    """glossa review checks what Compare… would refuse before any window
    (no display needed): exit 2 for usage, 1 for a missing corpus."""
    a, b = two_annotators(tmp)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["LC_ALL"] = "C.UTF-8"

    def review(*args):
        return subprocess.run([GLOSSA, "review"] + list(args), capture_output=True, text=True,
                              env=env, timeout=30)

    result = review(a, b, "-o", a)
    expect_exit(result, 2)
    expect("need a folder of their own" in result.stderr, result.stderr)
    # Three sides or more are reviewed; each must exist, and OUT be none of them.
    result = review(a, b, os.path.join(tmp, "c"), "-o", os.path.join(tmp, "out"))
    expect_exit(result, 1)
    expect("c: No such file or folder" in result.stderr, result.stderr)
    result = review(a, b, a, "-o", os.path.join(a, "out"))
    expect_exit(result, 2)
    expect("need a folder of their own" in result.stderr, result.stderr)
    result = review(*([a, b] * 5), "-o", os.path.join(tmp, "out"))
    expect_exit(result, 2)
    expect("at most nine" in result.stderr, result.stderr)
    # A JSONL output may be no input, nor an input's annotations file.
    export = os.path.join(tmp, "a.jsonl")
    expect_exit(glossa("export", a, "--format", "jsonl", "-o", export), 0)
    for target in (export, os.path.join(tmp, "a.annotations.jsonl"), os.path.join(tmp, "x.annotations.jsonl")):
        result = review(export, b, "-o", target)
        expect_exit(result, 2)
        expect(os.path.basename(target) in result.stderr, result.stderr)
    # GOLD.annotations.jsonl a link (to anyone's file): refused.
    os.symlink(export, os.path.join(tmp, "gold.annotations.jsonl"))
    result = review(export, b, "-o", os.path.join(tmp, "gold.jsonl"))
    expect_exit(result, 2)
    expect("symbolic link" in result.stderr, result.stderr)
    expect_exit(review(a, "-o", os.path.join(tmp, "out")), 2)
    expect_exit(review(a, b), 2)
    result = review(a, os.path.join(tmp, "nothere"), "-o", os.path.join(tmp, "out"))
    expect_exit(result, 1)
    expect("nothere: No such file or folder" in result.stderr, result.stderr)
    expect(not os.path.exists(os.path.join(tmp, "out")))


@test
def links_kept_where_enough_annotators_drew_them(tmp):
    """A link both annotators drew between the same spans is merged, named
    by the merged spans' ids; one only A drew is not, at --min-agree 2; and
    the output validates as format 2."""
    a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    # "Alice told Bob on Monday that taxes rise."
    for folder, who, extra_link in ((a, "annA", True), (b, "annB", False)):
        spans = [span(0, 5, "actor"), span(11, 14, "actor"), span(30, 40, "claim")]
        relations = [{"id": "r1", "type": "source", "from": "s3", "to": "s1"}]
        if extra_link:
            spans.append(span(25, 40, "quote"))
            relations.append({"id": "r2", "type": "source", "from": "s4", "to": "s2"})
        article(folder, "1", who, spans, extra={"version": 2, "relations": relations})
    out = os.path.join(tmp, "out")
    result = glossa("merge", a, b, "-o", out, "--min-agree", "2")
    expect_exit(result, 0)
    doc = load(out, "1")
    ids = {(s["start"], s["end"], s["label"]): s["id"] for s in doc["spans"]}
    expect((25, 40, "quote") not in ids, doc["spans"])
    expect(doc.get("version") == 2, doc.get("version"))
    expect(doc.get("relations") == [{"id": "r1", "type": "source",
                                      "from": ids[(30, 40, "claim")],
                                      "to": ids[(0, 5, "actor")]}], doc.get("relations"))
    expect_exit(glossa("validate", out), 0)
    # At --min-agree 1 A's second link comes too, with its quote.
    out1 = os.path.join(tmp, "out1")
    expect_exit(glossa("merge", a, b, "-o", out1, "--min-agree", "1"), 0)
    expect(len(load(out1, "1").get("relations", [])) == 2, load(out1, "1"))


report()
