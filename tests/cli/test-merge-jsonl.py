#!/usr/bin/env python3
# test-merge-jsonl.py: `glossa merge` of JSONL corpora into a JSONL corpus, and the commands on it
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-merge-jsonl.py GLOSSA. Prints TAP. Three annotators' JSONL
# corpora (FILE.jsonl and FILE.annotations.jsonl) merged with -o OUT.jsonl:
# OUT.jsonl holds the articles, OUT.annotations.jsonl the merged spans with
# provenance, and validate, stats and export take OUT.jsonl as it is.

import json
import os

from taptest import expect, expect_exit, report, test
from taptest import glossa as run_glossa

TEXTS = {"a1": "Alice told Bob on Monday that taxes rise.",
         "a2": "Rui Costa closed the port on Friday."}


def glossa(*args):
    return run_glossa(*args, timeout=60)


def span(doc, start, end, label, i, **more):
    return dict({"id": "s%d" % i, "start": start, "end": end, "label": label,
                 "text": TEXTS[doc][start:end]}, **more)


def corpus(tmp, who, spans):
    """WHO.jsonl and WHO.annotations.jsonl; @spans maps an id to (start, end, label)."""
    path = os.path.join(tmp, who + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for doc, text in TEXTS.items():
            f.write(json.dumps({"id": doc, "text": text}) + "\n")
    with open(os.path.join(tmp, who + ".annotations.jsonl"), "w", encoding="utf-8") as f:
        for doc, keys in spans.items():
            f.write(json.dumps({"id": doc, "status": "done", "annotator": who,
                                "spans": [span(doc, s, e, l, i + 1, note=who + " note")
                                          for i, (s, e, l) in enumerate(keys)]}) + "\n")
    return path


def three(tmp):
    return [corpus(tmp, "ada", {"a1": [(0, 5, "actor"), (11, 14, "actor"), (18, 24, "date")],
                                "a2": [(0, 9, "actor")]}),
            corpus(tmp, "ben", {"a1": [(0, 5, "actor"), (11, 14, "quote"), (18, 24, "date")],
                                "a2": [(0, 9, "actor"), (27, 35, "date")]}),
            corpus(tmp, "cleo", {"a1": [(0, 5, "actor"), (11, 14, "quote")],
                                 "a2": [(27, 35, "date")]})]


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@test
def jsonl_in_jsonl_out(tmp):
    out = os.path.join(tmp, "gold.jsonl")
    result = glossa("merge", *three(tmp), "--min-agree", "2", "-o", out)
    expect_exit(result, 0)
    articles = read_lines(out)
    expect([(a["id"], a["text"]) for a in articles] == list(TEXTS.items()), articles)
    lines = {line["id"]: line for line in read_lines(os.path.join(tmp, "gold.annotations.jsonl"))}
    got = {doc: [(s["start"], s["end"], s["label"], s["review"]["decision"], s["review"]["sources"], s["note"])
                 for s in line["spans"]] for doc, line in lines.items()}
    expect(got == {"a1": [(0, 5, "actor", "agreed", ["ada", "ben", "cleo"], "ada note"),
                          (11, 14, "quote", "merged", ["ben", "cleo"], "ben note"),
                          (18, 24, "date", "merged", ["ada", "ben"], "ada note")],
                   "a2": [(0, 9, "actor", "merged", ["ada", "ben"], "ada note"),
                          (27, 35, "date", "merged", ["ben", "cleo"], "ben note")]}, got)
    expect(lines["a1"]["annotator"] == "ada + ben + cleo", lines["a1"])


@test
def merged_jsonl_validates_counts_and_exports(tmp):
    out = os.path.join(tmp, "gold.jsonl")
    expect_exit(glossa("merge", *three(tmp), "--min-agree", "2", "-o", out), 0)
    result = glossa("validate", out)
    expect_exit(result, 0)
    stats = glossa("stats", "--json", out)
    expect_exit(stats, 0)
    counts = json.loads(stats.stdout)
    expect(counts["documents"] == 2 and counts["spans"] == 5, counts)
    export = os.path.join(tmp, "dataset.jsonl")
    expect_exit(glossa("export", out, "--format", "jsonl", "-o", export), 0)
    exported = {line["id"]: sorted((s["start"], s["end"], s["label"]) for s in line["spans"])
                for line in read_lines(export)}
    expect(exported == {"a1": [(0, 5, "actor"), (11, 14, "quote"), (18, 24, "date")],
                        "a2": [(0, 9, "actor"), (27, 35, "date")]}, exported)


@test
def folder_and_jsonl_mixed(tmp):
    """JSONL corpora merged with a folder (Cleo's, exported and imported)."""
    inputs = three(tmp)
    export = os.path.join(tmp, "cleo-export.jsonl")
    folder = os.path.join(tmp, "cleo-folder")
    expect_exit(glossa("export", inputs[2], "--format", "jsonl", "-o", export), 0)
    expect_exit(glossa("import", export, "--format", "jsonl", "-o", folder), 0)
    out = os.path.join(tmp, "gold.jsonl")
    expect_exit(glossa("merge", inputs[0], inputs[1], folder, "--min-agree", "3", "-o", out), 0)
    lines = read_lines(os.path.join(tmp, "gold.annotations.jsonl"))
    got = [(line["id"], [(s["start"], s["end"], s["label"]) for s in line["spans"]]) for line in lines]
    expect(got == [("a1", [(0, 5, "actor")]), ("a2", [])], got)
    expect_exit(glossa("validate", out), 0)


@test
def outputs_that_are_inputs_refused(tmp):
    inputs = three(tmp)
    before = {name: open(os.path.join(tmp, name), "rb").read() for name in os.listdir(tmp)}
    # -o on an input, or on a name whose annotations file is an input.
    expect_exit(glossa("merge", *inputs, "-o", inputs[0]), 2)
    annotations = os.path.join(tmp, "ada.annotations.jsonl")
    result = glossa("merge", inputs[1], inputs[2], annotations, "-o", os.path.join(tmp, "ada.jsonl"))
    expect(result.returncode in (1, 2), result)
    # An annotations file is not an output name.
    expect_exit(glossa("merge", *inputs, "-o", os.path.join(tmp, "x.annotations.jsonl")), 2)
    # OUT.annotations.jsonl a link to an input's annotations: refused, the input untouched.
    os.symlink(os.path.join(tmp, "ada.annotations.jsonl"), os.path.join(tmp, "y.annotations.jsonl"))
    result = glossa("merge", *inputs, "-o", os.path.join(tmp, "y.jsonl"))
    expect_exit(result, 2)
    expect("y.annotations.jsonl" in result.stderr and not os.path.exists(os.path.join(tmp, "y.jsonl")),
           result.stderr)
    os.unlink(os.path.join(tmp, "y.annotations.jsonl"))
    after = {name: open(os.path.join(tmp, name), "rb").read() for name in os.listdir(tmp)}
    expect(before == after, sorted(set(after) ^ set(before)))


@test
def read_only_folder(tmp):
    inputs = three(tmp)
    ro = os.path.join(tmp, "ro")
    os.mkdir(ro)
    os.chmod(ro, 0o555)
    try:
        if os.access(ro, os.W_OK):
            return  # root writes anywhere
        result = glossa("merge", *inputs, "-o", os.path.join(ro, "gold.jsonl"))
        expect_exit(result, 1)
        expect(os.path.join(ro, "gold") in result.stderr, result.stderr)
        expect(os.listdir(ro) == [], os.listdir(ro))
    finally:
        os.chmod(ro, 0o755)


def linked(tmp, who, source):
    """WHO's JSONL corpus: a1's speakers and quote, the quote's source
    linked to Alice or Bob (@source: its start), ids of WHO's own."""
    path = corpus(tmp, who, {"a1": [(0, 5, "actor"), (11, 14, "actor"), (30, 40, "quote")]})
    lines = read_lines(path.replace(".jsonl", ".annotations.jsonl"))
    line = lines[0]
    ids = {s["start"]: who + "-" + s["id"] for s in line["spans"]}
    for s in line["spans"]:
        s["id"] = ids[s["start"]]
    line["relations"] = [{"id": "r1", "type": "source", "from": ids[30], "to": ids[source]}]
    with open(path.replace(".jsonl", ".annotations.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
    return path


def merged_links(tmp, inputs, min_agree):
    out = os.path.join(tmp, "gold%s.jsonl" % min_agree)
    expect_exit(glossa("merge", *inputs, "--min-agree", str(min_agree), "-o", out), 0)
    expect_exit(glossa("validate", out), 0)
    line = {line["id"]: line for line in read_lines(out.replace(".jsonl", ".annotations.jsonl"))}["a1"]
    text = {s["id"]: s["text"] for s in line["spans"]}
    return sorted((r["type"], text[r["from"]], text[r["to"]]) for r in line.get("relations", []))


@test
def links_kept_from_jsonl(tmp):
    """A link is kept where --min-agree annotators drew it (by its ends'
    characters and labels, whatever their ids), from JSONL inputs too."""
    inputs = [linked(tmp, "ada", 0), linked(tmp, "ben", 0), linked(tmp, "cleo", 11)]
    got = merged_links(tmp, inputs, 2)
    expect(got == [("source", "taxes rise", "Alice")], got)
    got = merged_links(tmp, inputs, 1)
    expect(got == [("source", "taxes rise", "Alice"), ("source", "taxes rise", "Bob")], got)
    got = merged_links(tmp, inputs, 3)
    expect(got == [], got)


@test
def sources_named_as_in_review(tmp):
    """A side goes by the annotator its line names, else the one its spans
    name, else its file's name without .jsonl, as the review names it."""
    inputs = []
    for who, annotator, by in (("ada", "ada", None), ("ben", "", "bea"), ("cleo", "", None)):
        path = corpus(tmp, who, {"a1": [(0, 5, "actor")]})
        annotations = path.replace(".jsonl", ".annotations.jsonl")
        line = read_lines(annotations)[0]
        line["annotator"] = annotator
        for s in line["spans"]:
            if by:
                s["annotator"] = by
        with open(annotations, "w", encoding="utf-8") as f:
            f.write(json.dumps(line) + "\n")
        inputs.append(path)
    out = os.path.join(tmp, "gold.jsonl")
    expect_exit(glossa("merge", *inputs, "-o", out), 0)
    line = read_lines(os.path.join(tmp, "gold.annotations.jsonl"))[0]
    expect(line["spans"][0]["review"]["sources"] == ["ada", "bea", "cleo"], line)
    expect(line["annotator"] == "ada + bea + cleo", line)


report()
