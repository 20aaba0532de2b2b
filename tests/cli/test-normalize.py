#!/usr/bin/env python3
# test-normalize.py: `glossa normalize` end to end: the values it fills, those it keeps, its report, refused outputs
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-normalize.py GLOSSA. Prints TAP. Writes small corpora in a
# temporary folder, runs the real binary, and checks the corpus it writes
# byte for byte where nothing should change, its report on standard error
# and its exit status.

import hashlib
import json
import os

from taptest import expect, expect_exit, glossa, report, test, write


TEXT = ("date 2021-12-30 Markets\n\n"
        "Prices fell yesterday, the minister said on Tuesday. On 4 March 2021 they had risen.\n"
        "Nobody remembers the festive bit. The\nnext day was calm.\n")


def run(*args, command="normalize", timeout=60):
    return glossa(command, *args, timeout=timeout)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def span(id, text, words, label, **extra):
    start = text.index(words)
    s = {"id": id, "start": start, "end": start + len(words), "label": label, "text": words}
    s.update(extra)
    return s


def annotation_file(name, text, spans, relations=None, date=None):
    document = {"id": name, "file": name + ".txt",
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "length": len(text)}
    if date:
        document["date"] = date
    doc = {"format": "glossa-annotations", "version": 2 if relations else 1, "document": document,
           "labels": ["actor", "quote", "claim", "date"], "status": "in-progress",
           "annotator": "ann1", "spans": spans}
    if relations:
        doc["relations"] = relations
    if any("attributes" in s for s in spans):
        doc["version"] = 2
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def folder_corpus(tmp, text=TEXT, spans=None, relations=None):
    folder = os.path.join(tmp, "corpus")
    os.mkdir(folder)
    write(os.path.join(folder, "news.txt"), text)
    if spans is None:
        spans = [
            span("s1", text, "yesterday", "date"),
            span("s2", text, "the minister", "actor"),
            span("s3", text, "Tuesday", "date", attributes={"value": "2021-12-01"},
                 value_source="annotator"),
            span("s4", text, "4 March 2021", "date"),
            span("s5", text, "the festive bit", "date"),
            span("s6", text, "Prices fell yesterday", "claim"),
            span("s7", text, "The\nnext day", "date", attributes={"value": "2020-01-01"},
                 value_source="auto"),
        ]
        relations = [{"id": "r1", "type": "source", "from": "s6", "to": "s2"}]
    write(os.path.join(folder, "news.annotations.json"), annotation_file("news", text, spans, relations))
    return folder


def annotations(folder, name):
    with open(os.path.join(folder, name + ".annotations.json"), encoding="utf-8") as f:
        return json.load(f)


def by_id(doc):
    return {s["id"]: s for s in doc["spans"]}


@test
def fills_missing_values(tmp):
    corpus = folder_corpus(tmp)
    before = {name: read(os.path.join(corpus, name)) for name in os.listdir(corpus)}
    out = os.path.join(tmp, "out")
    result = run(corpus, "-o", out)
    expect_exit(result, 0)

    # The input is untouched.
    expect({name: read(os.path.join(corpus, name)) for name in os.listdir(corpus)} == before)
    expect(read(os.path.join(out, "news.txt")) == TEXT.encode("utf-8"))

    doc, old = annotations(out, "news"), annotations(corpus, "news")
    got, was = by_id(doc), by_id(old)
    # Missing values are filled from the article's date (Thursday 30
    # December 2021) and marked as the normaliser's.
    expect(got["s1"]["attributes"] == {"value": "2021-12-29"} and got["s1"]["value_source"] == "auto",
           got["s1"])
    expect(got["s4"]["attributes"] == {"value": "2021-03-04"} and got["s4"]["value_source"] == "auto",
           got["s4"])
    # The annotator's value and an earlier run's are kept as they were, and
    # so is everything else: spans, links, status, annotator.
    for id in ("s2", "s3", "s5", "s6", "s7"):
        expect(got[id] == was[id], (got[id], was[id]))
    for id in ("s1", "s4"):
        rest = {k: v for k, v in got[id].items() if k not in ("attributes", "value_source")}
        expect(rest == was[id], (got[id], was[id]))
    expect(doc["relations"] == old["relations"], doc)
    expect(doc["status"] == "in-progress" and doc["annotator"] == "ann1", doc)
    expect(doc["version"] == 2, doc)

    start = TEXT.index("the festive bit")
    expect("filled 2, could not normalize 1, kept 2 values already there" in result.stderr,
           result.stderr)
    expect("%s:%d: “the festive bit”: not a date expression" % (os.path.join(corpus, "news.txt"), start)
           in result.stderr, result.stderr)
    expect("1 document written to " + out in result.stderr, result.stderr)
    expect_exit(run(out, command="validate"), 0)


@test
def nothing_left_to_fill_the_second_time(tmp):
    one, two = os.path.join(tmp, "one"), os.path.join(tmp, "two")
    expect_exit(run(folder_corpus(tmp), "-o", one), 0)
    result = run(one, "-o", two)
    expect_exit(result, 0)
    expect("filled 0, could not normalize 1, kept 4 values" in result.stderr, result.stderr)
    expect(read(os.path.join(one, "news.annotations.json")) ==
           read(os.path.join(two, "news.annotations.json")))


@test
def without_the_articles_date(tmp):
    # No date line: absolute dates still get their value, relative ones are
    # listed with the reason.
    text = TEXT.replace("date 2021-12-30 Markets", "Markets")
    corpus = folder_corpus(tmp, text, [span("s1", text, "yesterday", "date"),
                                       span("s2", text, "4 March 2021", "date")])
    out = os.path.join(tmp, "out")
    result = run(corpus, "-o", out)
    expect_exit(result, 0)
    got = by_id(annotations(out, "news"))
    expect("attributes" not in got["s1"], got["s1"])
    expect(got["s2"]["attributes"] == {"value": "2021-03-04"}, got["s2"])
    expect("filled 1, could not normalize 1" in result.stderr, result.stderr)
    expect("news.txt:%d: “yesterday”: no value without the article’s date" % text.index("yesterday")
           in result.stderr, result.stderr)


@test
def jsonl_corpus_with_its_date(tmp):
    # A JSONL line's "date" dates its article when the text has no date line.
    path = os.path.join(tmp, "news.jsonl")
    text = "Shares rose on Monday, a week after the crash.\n"
    line = {"id": "d1", "text": text, "date": "2024-06-13",
            "spans": [span("s1", text, "Monday", "date")]}
    write(path, json.dumps(line, ensure_ascii=False) + "\n")
    out = os.path.join(tmp, "out")
    result = run(path, "-o", out)
    expect_exit(result, 0)
    got = by_id(annotations(out, "d1"))
    expect(got["s1"]["attributes"] == {"value": "2024-06-10"} and got["s1"]["value_source"] == "auto",
           got["s1"])
    expect("filled 1, could not normalize 0" in result.stderr, result.stderr)
    expect_exit(run(out, command="validate"), 0)


@test
def in_place(tmp):
    # The corpus itself: the file that gains values is replaced, one with
    # nothing to fill keeps its bytes and its inode, an article nobody
    # annotated gets no annotation file.
    corpus = folder_corpus(tmp)
    path = os.path.join(corpus, "news.annotations.json")
    write(os.path.join(corpus, "other.txt"), "date 2021-12-30 X\n\nNothing here.\n")
    write(os.path.join(corpus, "plain.txt"), "Nothing either.\n")
    text = "date 2021-12-30 X\n\nNothing here.\n"
    write(os.path.join(corpus, "other.annotations.json"),
          annotation_file("other", text, [span("s1", text, "Nothing", "actor")]))
    other = os.path.join(corpus, "other.annotations.json")
    other_bytes, other_inode = read(other), os.stat(other).st_ino
    old = annotations(corpus, "news")

    result = run(corpus, "--in-place")
    expect_exit(result, 0)
    got = by_id(annotations(corpus, "news"))
    expect(got["s1"]["attributes"] == {"value": "2021-12-29"} and got["s1"]["value_source"] == "auto", got)
    expect(got["s3"] == by_id(old)["s3"], got["s3"])
    expect(annotations(corpus, "news")["relations"] == old["relations"])
    expect(read(other) == other_bytes and os.stat(other).st_ino == other_inode)
    expect(not os.path.exists(os.path.join(corpus, "plain.annotations.json")), os.listdir(corpus))
    expect(not [n for n in os.listdir(corpus) if n.startswith(".")], os.listdir(corpus))
    expect("1 document rewritten in " + corpus in result.stderr, result.stderr)
    expect("filled 2, could not normalize 1, kept 2 values" in result.stderr, result.stderr)
    expect_exit(run(corpus, command="validate"), 0)

    # Again: nothing left to fill, nothing written.
    before = read(path)
    result = run(corpus, "--in-place")
    expect_exit(result, 0)
    expect("0 documents rewritten" in result.stderr and "filled 0" in result.stderr, result.stderr)
    expect(read(path) == before)


@test
def in_place_jsonl(tmp):
    # A JSONL corpus: the values go to its lines' file, FILE.annotations.jsonl.
    path = os.path.join(tmp, "news.jsonl")
    text = "Shares rose on Monday.\n"
    line = {"id": "d1", "text": text, "date": "2024-06-13", "spans": [span("s1", text, "Monday", "date")]}
    write(path, json.dumps(line) + "\n")
    corpus_bytes = read(path)
    result = run(path, "--in-place")
    expect_exit(result, 0)
    expect(read(path) == corpus_bytes)
    with open(os.path.join(tmp, "news.annotations.jsonl"), encoding="utf-8") as f:
        lines = [json.loads(l) for l in f]
    expect(len(lines) == 1 and lines[0]["spans"][0]["attributes"] == {"value": "2024-06-10"}, lines)
    expect(lines[0]["spans"][0]["value_source"] == "auto", lines)


@test
def in_place_broken_document(tmp):
    # A broken annotation file is reported and left as it is; the other
    # documents are still done, and the exit status says something failed.
    corpus = folder_corpus(tmp)
    text = "date 2021-12-30 X\n\nIt rained yesterday.\n"
    write(os.path.join(corpus, "b.txt"), text)
    broken = os.path.join(corpus, "b.annotations.json")
    write(broken, "{ not json")
    result = run(corpus, "--in-place")
    expect_exit(result, 1)
    expect(broken in result.stderr, result.stderr)
    expect(read(broken) == b"{ not json")
    expect(by_id(annotations(corpus, "news"))["s1"].get("attributes") == {"value": "2021-12-29"})


@test
def refused_outputs(tmp):
    corpus = folder_corpus(tmp)
    before = sorted(os.listdir(corpus))
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    cases = [
        ([corpus, "-o", corpus], "is the input"),
        ([corpus, "-o", os.path.join(corpus, "inside")], corpus),
        ([corpus, "-o", os.path.join(tmp, "x.annotations.json")], "x.annotations.json"),
        ([corpus, "-o", fifo], fifo),
        ([corpus, "-o", os.path.join(tmp, "o"), "--lang", "fr"], "--lang must be en, it or auto"),
        ([corpus], "no output given"),
        ([corpus, "--in-place", "-o", os.path.join(tmp, "o")], "not both"),
        ([corpus, corpus, "-o", os.path.join(tmp, "o")], "give one corpus"),
    ]
    for args, message in cases:
        result = run(*args)
        expect_exit(result, 2)
        expect(message in result.stderr, (args, result.stderr))
    expect(sorted(os.listdir(corpus)) == before, os.listdir(corpus))
    expect(not os.path.exists(os.path.join(tmp, "o")))


@test
def broken_input_writes_nothing(tmp):
    corpus = folder_corpus(tmp)
    path = os.path.join(corpus, "news.annotations.json")
    write(path, read(path).replace(b'"2021-12-01"', b'"2021-13-01"'))
    result = run(corpus, "-o", os.path.join(tmp, "out"))
    expect_exit(result, 1)
    expect(path in result.stderr and "spans[2]" in result.stderr, result.stderr)
    expect(not os.path.exists(os.path.join(tmp, "out")))
    expect(not [n for n in os.listdir(tmp) if n.startswith(".glossa-partial")], os.listdir(tmp))


report()
