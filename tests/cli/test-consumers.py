#!/usr/bin/env python3
# test-consumers.py: what export and agree write, read by the tools data people use
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-consumers.py GLOSSA SAMPLES. Prints TAP. Two annotators' folders
# are made from the sample articles (B drops and relabels some of A's spans);
# pandas must read the JSONL export as the documents and spans that are on
# disk, and scikit-learn's Cohen's kappa over the CoNLL export's tags must be
# the kappa that `glossa agree --json` reports, overall and per label.

import json
import os
import shutil
import sys

import taptest
from taptest import expect, report
from taptest import glossa as run_glossa

SAMPLES = os.path.abspath(sys.argv[2])
LABELS = ["actor", "quote", "claim", "date"]


def glossa(*args):
    result = run_glossa(*args, text=False, timeout=120)
    expect(result.returncode == 0, "glossa %s: exit %d: %s" % (
        " ".join(args), result.returncode, result.stderr.decode("utf-8", "replace")))
    return result.stdout.decode("utf-8")


def make_annotators(tmp):
    """A is the samples; B drops every fourth span and relabels every third."""
    a = os.path.join(tmp, "a")
    b = os.path.join(tmp, "b")
    # agree compares the documents both annotated: the others go.
    ignore = lambda folder, names: [n for n in names if n.endswith(".txt") and
                                    n[:-4] + ".annotations.json" not in names]
    shutil.copytree(SAMPLES, a, ignore=ignore)
    shutil.copytree(SAMPLES, b, ignore=ignore)
    changed = 0
    for name in sorted(os.listdir(b)):
        if not name.endswith(".annotations.json"):
            continue
        path = os.path.join(b, name)
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        places = [(s["start"], s["end"]) for s in data["spans"]]
        kept = []
        for i, span in enumerate(data["spans"]):
            if i % 4 == 3:
                changed += 1
                continue
            # Only a span alone at its place is relabelled, so that the
            # file's order (by start, end, then label) stays valid.
            if i % 3 == 1 and places.count((span["start"], span["end"])) == 1:
                span["label"] = LABELS[(LABELS.index(span["label"]) + 1) % len(LABELS)]
                changed += 1
            kept.append(span)
        data["spans"] = kept
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")
    expect(changed >= 5, "too few differences between A and B: %d" % changed)
    return a, b


def conll_tags(path):
    """The tag of every token, in order, and the tokens themselves."""
    tokens, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("-DOCSTART-"):
                continue
            fields = line.split()
            tokens.append(fields[0])
            tags.append(fields[-1])
    return tokens, tags


def sklearn_kappa(tmp, a, b, label=None):
    from sklearn.metrics import cohen_kappa_score

    extra = ["--label", label] if label else []
    out_a = os.path.join(tmp, "a-%s.conll" % (label or "all"))
    out_b = os.path.join(tmp, "b-%s.conll" % (label or "all"))
    glossa("export", "--format", "conll", "-o", out_a, a, *extra)
    glossa("export", "--format", "conll", "-o", out_b, b, *extra)
    tokens_a, tags_a = conll_tags(out_a)
    tokens_b, tags_b = conll_tags(out_b)
    expect(tokens_a == tokens_b, "the two exports tokenize the same articles differently")
    expect(len(tags_a) > 100, "only %d tokens" % len(tags_a))
    return cohen_kappa_score(tags_a, tags_b)


def test(function):
    # A module that is not installed (pandas, scikit-learn) skips the test
    # that needs it instead of failing it.
    return taptest.test(function, skip_missing=True)


@test
def pandas_reads_the_jsonl_export(tmp):
    import pandas

    out = os.path.join(tmp, "out.jsonl")
    glossa("export", "-o", out, SAMPLES)
    frame = pandas.read_json(out, lines=True, dtype=False)
    articles = sorted(n[:-4] for n in os.listdir(SAMPLES) if n.endswith(".txt"))
    expect(sorted(frame["id"]) == articles, "ids: %r" % list(frame["id"]))
    for name in articles:
        row = frame[frame["id"] == name].iloc[0]
        with open(os.path.join(SAMPLES, name + ".txt"), encoding="utf-8-sig", newline="") as f:
            text = f.read()
        expect(row["text"] == text, "%s: the text differs" % name)
        sidecar = os.path.join(SAMPLES, name + ".annotations.json")
        want = []
        if os.path.exists(sidecar):
            with open(sidecar, encoding="utf-8") as f:
                want = [(s["start"], s["end"], s["label"]) for s in json.load(f)["spans"]]
        got = [(s["start"], s["end"], s["label"]) for s in row["spans"]]
        expect(sorted(got) == sorted(want), "%s: spans %r, on disk %r" % (name, got, want))
        for span in row["spans"]:
            expect(text[span["start"]:span["end"]] == span["text"],
                   "%s: %r is not the text at %d:%d" % (name, span["text"], span["start"], span["end"]))


@test
def kappa_is_scikit_learns(tmp):
    a, b = make_annotators(tmp)
    report = json.loads(glossa("agree", "--json", a, b))
    annotated = [n for n in os.listdir(a) if n.endswith(".annotations.json")]
    expect(report["documents"] == len(annotated), "documents: %r" % report["documents"])
    want = sklearn_kappa(tmp, a, b)
    got = report["overall"]["kappa"]
    expect(got is not None and abs(got - want) < 1e-9, "overall kappa %r, scikit-learn %r" % (got, want))
    expect(got < 1.0, "A and B differ, yet kappa is %r" % got)
    for label in LABELS:
        got = report["labels"][label]["kappa"]
        want = sklearn_kappa(tmp, a, b, label)
        expect(got is not None and abs(got - want) < 1e-9,
               "%s: kappa %r, scikit-learn %r" % (label, got, want))


report()
