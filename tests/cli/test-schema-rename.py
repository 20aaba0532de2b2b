#!/usr/bin/env python3
# test-schema-rename.py: glossa schema --rename OLD=NEW across folder and JSONL corpora
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-schema-rename.py GLOSSA. Prints TAP. Each test writes a corpus
# with its own glossa-schema.json, runs the real binary and checks what ends
# up on disk, what is listed, the messages and the exit codes.

import hashlib
import json
import os

from taptest import expect, expect_exit, glossa, report, test

ARTICLE = "Mario Rossi of ACME met Anna in Rome."

SCHEMA = {
    "format": "glossa-schema", "version": 1,
    "labels": [{"name": "PER", "key": "p", "color": "#1c71d8"},
               {"name": "ORG", "key": "o", "color": "#26a269"},
               {"name": "LOC", "key": "l", "color": "#e66100"}],
    "relations": [{"name": "member", "from": ["PER"], "to": ["ORG"]}],
    "overlap": {"PER": "none"},
}


def run(*args, cwd=None):
    return glossa(*args, text=False, cwd=cwd, timeout=60)


def span(i, start, end, label):
    return {"id": "s%d" % i, "start": start, "end": end, "label": label,
            "text": ARTICLE[start:end]}


def write_article(folder, name, spans):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    data = {"format": "glossa-annotations", "version": 1,
            "document": {"id": name, "file": name + ".txt",
                         "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(),
                         "length": len(ARTICLE)},
            "labels": ["PER", "ORG", "LOC"], "status": "in-progress", "annotator": "ada",
            "spans": spans}
    path = os.path.join(folder, name + ".annotations.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
    return path


def make_corpus(tmp):
    """Three articles: a uses PER twice, b only ORG, c nothing."""
    corpus = os.path.join(tmp, "c")
    os.makedirs(corpus)
    with open(os.path.join(corpus, "glossa-schema.json"), "w", encoding="utf-8") as f:
        json.dump(SCHEMA, f, indent=1)
    paths = [write_article(corpus, "a", [span(1, 0, 11, "PER"), span(2, 15, 19, "ORG"),
                                         span(3, 24, 28, "PER")]),
             write_article(corpus, "b", [span(1, 15, 19, "ORG")]),
             write_article(corpus, "c", [])]
    return corpus, paths


def snapshot(folder):
    found = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    found[path] = f.read()
    return found


@test
def dry_run_lists_the_files_and_writes_nothing(tmp):
    corpus, paths = make_corpus(tmp)
    before = snapshot(corpus)
    result = run("schema", "--rename", "PER=person", "--dry-run", corpus)
    expect_exit(result, 0)
    expect(result.stdout.decode().splitlines() ==
           paths + [os.path.join(corpus, "glossa-schema.json")], result.stdout.decode())
    expect(result.stderr.decode() ==
           "would rename “PER” to “person” in 4 files (2 spans); nothing written\n",
           result.stderr.decode())
    expect(snapshot(corpus) == before, "--dry-run changed a file")


@test
def rename_rewrites_the_schema_and_every_file(tmp):
    corpus, paths = make_corpus(tmp)
    result = run("schema", "--rename", "PER=person", corpus)
    expect_exit(result, 0)
    expect(result.stderr.decode() == "renamed “PER” to “person” in 4 files (2 spans)\n",
           result.stderr.decode())
    with open(os.path.join(corpus, "glossa-schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    expect([label["name"] for label in schema["labels"]] == ["person", "ORG", "LOC"], schema)
    expect(schema["labels"][0]["key"] == "p", schema)
    expect(schema["relations"][0]["from"] == ["person"], schema)
    expect(schema["overlap"] == {"person": "none"}, schema)
    with open(paths[0], encoding="utf-8") as f:
        a = json.load(f)
    expect([s["label"] for s in a["spans"]] == ["person", "ORG", "person"], a["spans"])
    expect(a["labels"] == ["person", "ORG", "LOC"], a["labels"])
    expect_exit(run("validate", corpus), 0)
    stats = run("stats", "--json", corpus)
    expect_exit(stats, 0)
    expect(json.loads(stats.stdout)["labels"] == {"person": 2, "ORG": 2, "LOC": 0}, stats.stdout)
    # and back: the bytes Glossa wrote the first time, byte for byte
    after = snapshot(corpus)
    expect_exit(run("schema", "--rename", "person=PER", corpus), 0)
    expect_exit(run("schema", "--rename", "PER=person", corpus), 0)
    expect(snapshot(corpus) == after, "renaming back and again changed the bytes")


@test
def refusals_change_nothing(tmp):
    corpus, paths = make_corpus(tmp)
    before = snapshot(corpus)
    schema_path = os.path.join(corpus, "glossa-schema.json")
    cases = [
        (["actor=person"], 1, schema_path + ": there is no label “actor” to rename"),
        (["PER=org"], 1, "already has a label “ORG”"),
        (["PER=PER"], 1, "already the label’s name"),
        (["PER=a b"], 1, "a b"),
        (["PER"], 2, "expected OLD=NEW"),
        (["=person"], 2, "expected OLD=NEW"),
    ]
    for spec, code, message in cases:
        result = run("schema", "--rename", spec[0], corpus)
        expect_exit(result, code)
        expect(message in result.stderr.decode(), (spec, result.stderr.decode()))
        expect(result.stdout == b"", result.stdout)
    expect_exit(run("schema", "--dry-run", corpus), 2)
    expect(snapshot(corpus) == before, "a refused rename changed a file")


@test
def a_file_that_does_not_read_stops_everything(tmp):
    corpus, paths = make_corpus(tmp)
    with open(paths[1], "w", encoding="utf-8") as f:
        f.write('{"format": "glossa-annotations", "spans": [}')
    before = snapshot(corpus)
    result = run("schema", "--rename", "PER=person", corpus)
    expect_exit(result, 1)
    expect(result.stderr.decode().startswith(paths[1] + ":1:"), result.stderr.decode())
    expect(result.stdout == b"", result.stdout)
    expect(snapshot(corpus) == before, "a file was written")


@test
def a_fifo_named_like_an_annotation_file_is_refused_at_once(tmp):
    corpus, paths = make_corpus(tmp)
    fifo = os.path.join(corpus, "d.annotations.json")
    os.mkfifo(fifo)
    before = snapshot(corpus)
    result = run("schema", "--rename", "PER=person", corpus)
    expect_exit(result, 1)
    expect(fifo in result.stderr.decode(), result.stderr.decode())
    expect(snapshot(corpus) == before, "a file was written")


@test
def builtin_labels_get_a_schema_file(tmp):
    corpus = os.path.join(tmp, "plain")
    path = write_article(corpus, "a", [])
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    data["labels"] = ["actor", "quote", "claim", "date"]
    data["spans"] = [span(1, 0, 11, "actor")]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    result = run("schema", "--rename", "actor=person", corpus)
    expect_exit(result, 0)
    schema = run("schema", corpus)
    expect_exit(schema, 0)
    expect(schema.stderr.decode() == "%s: from %s\n" % (corpus, os.path.join(corpus, "glossa-schema.json")),
           schema.stderr.decode())
    labels = json.loads(schema.stdout)["labels"]
    expect([label["name"] for label in labels] == ["person", "quote", "claim", "date"], labels)
    expect("title" not in labels[0], labels[0])
    expect_exit(run("validate", corpus), 0)


@test
def jsonl_corpus_keeps_other_lines_byte_for_byte(tmp):
    with open(os.path.join(tmp, "glossa-schema.json"), "w", encoding="utf-8") as f:
        json.dump(SCHEMA, f)
    corpus = os.path.join(tmp, "news.jsonl")
    lines = [
        json.dumps({"id": "a", "text": ARTICLE, "spans": [span(1, 0, 11, "PER")]}),
        json.dumps({"id": "b", "text": ARTICLE,
                    "spans": [span(1, 15, 19, "ORG")]}, indent=None, separators=(",", ":")),
    ]
    with open(corpus, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    annotations = os.path.join(tmp, "news.annotations.jsonl")
    with open(annotations, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "b", "status": "done", "annotator": "ada",
                            "spans": [span(1, 24, 28, "PER")]}, ensure_ascii=False) + "\n")
    result = run("schema", "--rename", "PER=person", corpus)
    expect_exit(result, 0)
    expect(result.stdout.decode().splitlines() ==
           [corpus, annotations, os.path.join(tmp, "glossa-schema.json")], result.stdout.decode())
    with open(corpus, encoding="utf-8") as f:
        after = f.read().splitlines()
    expect(json.loads(after[0])["spans"][0]["label"] == "person", after[0])
    expect(after[1] == lines[1], after[1])
    with open(annotations, encoding="utf-8") as f:
        expect(json.loads(f.readline())["spans"][0]["label"] == "person")
    expect_exit(run("validate", corpus), 0)


report()
