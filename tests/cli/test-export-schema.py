#!/usr/bin/env python3
# test-export-schema.py: glossa export under a corpus's glossa-schema.json
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-export-schema.py GLOSSA. Prints TAP. Each test writes a folder
# corpus with a PER/ORG/LOC/MISC schema, runs the real binary and checks
# what ends up on disk (JSONL spans, CoNLL tags, brat's annotation.conf and
# .ann files), exit codes and messages.

import hashlib
import json
import os

from taptest import expect, expect_exit, glossa, report, test

ARTICLE = "Mario Rossi of ACME met Anna in Rome."

SCHEMA = {
    "format": "glossa-schema", "version": 1,
    "labels": [{"name": "PER", "key": "p", "color": "#1c71d8",
                "attributes": [{"name": "role", "type": "choice", "values": ["speaker", "other"]},
                               {"name": "comment", "type": "text"}]},
               {"name": "ORG", "key": "o", "color": "#26a269",
                "attributes": [{"name": "role", "type": "choice", "values": ["speaker", "other"]},
                               {"name": "defunct", "type": "boolean"}]},
               {"name": "LOC", "key": "l", "color": "#e66100"},
               {"name": "MISC", "key": "m", "color": "#9141ac"}],
    "relations": [{"name": "member", "key": "b", "from": ["PER"], "to": ["ORG", "LOC"]},
                  {"name": "near", "key": "r"}],
}

# What brat needs to show the corpus: every label, the relations with their
# ends (none given: every label), the choice and flag attributes; a text
# attribute has no brat form, so it is declared in a comment brat skips and
# import reads.
EXPECTED_CONF = ("[entities]\nPER\nORG\nLOC\nMISC\n\n"
                 "[relations]\n"
                 "member\tArg1:PER, Arg2:ORG|LOC\n"
                 "near\tArg1:PER|ORG|LOC|MISC, Arg2:PER|ORG|LOC|MISC\n\n"
                 "[events]\n\n"
                 "[attributes]\n"
                 "role\tArg:PER|ORG, Value:speaker|other\n"
                 "# Glossa: comment\tArg:PER, Type:text\n"
                 "defunct\tArg:ORG\n")


def run(*args, cwd=None):
    return glossa(*args, text=False, cwd=cwd)


def span(i, start, end, label):
    return {"id": "s%d" % i, "start": start, "end": end, "label": label,
            "text": ARTICLE[start:end]}


def ner_spans():
    return [span(1, 0, 11, "PER"), span(2, 15, 19, "ORG"), span(3, 24, 28, "PER"),
            span(4, 32, 36, "LOC")]


def write_corpus(folder, spans=None, schema_text=None):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "glossa-schema.json"), "w", encoding="utf-8") as f:
        f.write(schema_text if schema_text is not None else json.dumps(SCHEMA, indent=1))
    with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    data = {"format": "glossa-annotations", "version": 1,
            "document": {"id": "a", "file": "a.txt",
                         "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(),
                         "length": len(ARTICLE)},
            "labels": [label["name"] for label in SCHEMA["labels"]],
            "status": "done", "annotator": "ada",
            "spans": spans if spans is not None else ner_spans()}
    path = os.path.join(folder, "a.annotations.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
    return path


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


@test
def jsonl_keeps_the_schema_labels(tmp):
    write_corpus(os.path.join(tmp, "c"))
    result = run("export", "c", "-o", "out.jsonl", cwd=tmp)
    expect_exit(result, 0)
    lines = read(os.path.join(tmp, "out.jsonl")).splitlines()
    expect(len(lines) == 1, lines)
    spans = [(s["start"], s["end"], s["label"], s["text"]) for s in json.loads(lines[0])["spans"]]
    expect(spans == [(0, 11, "PER", "Mario Rossi"), (15, 19, "ORG", "ACME"),
                     (24, 28, "PER", "Anna"), (32, 36, "LOC", "Rome")], spans)


@test
def conll_tags_are_the_schema_labels(tmp):
    write_corpus(os.path.join(tmp, "c"))
    result = run("export", "c", "--format", "conll", "-o", "out.conll", cwd=tmp)
    expect_exit(result, 0)
    rows = [line.split(" ") for line in read(os.path.join(tmp, "out.conll")).splitlines()
            if line and not line.startswith("-DOCSTART-")]
    expect(rows == [["Mario", "B-PER"], ["Rossi", "I-PER"], ["of", "O"], ["ACME", "B-ORG"],
                    ["met", "O"], ["Anna", "B-PER"], ["in", "O"], ["Rome", "B-LOC"], [".", "O"]],
           rows)


@test
def brat_conf_describes_the_schema(tmp):
    write_corpus(os.path.join(tmp, "c"))
    result = run("export", "c", "--format", "brat", "-o", "brat", cwd=tmp)
    expect_exit(result, 0)
    conf = read(os.path.join(tmp, "brat", "annotation.conf"))
    expect(conf == EXPECTED_CONF, conf)
    ann = read(os.path.join(tmp, "brat", "a.ann"))
    expect(ann == "T1\tPER 0 11\tMario Rossi\nT2\tORG 15 19\tACME\n"
                  "T3\tPER 24 28\tAnna\nT4\tLOC 32 36\tRome\n", ann)


@test
def brat_conf_of_files_given_one_by_one(tmp):
    path = write_corpus(os.path.join(tmp, "c"))
    result = run("export", path, "--format", "brat", "-o", "brat", cwd=tmp)
    expect_exit(result, 0)
    expect(read(os.path.join(tmp, "brat", "annotation.conf")) == EXPECTED_CONF)


@test
def brat_conf_without_a_schema_is_the_built_in_one(tmp):
    path = write_corpus(os.path.join(tmp, "c"), spans=[])
    os.unlink(os.path.join(tmp, "c", "glossa-schema.json"))
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    data["labels"] = ["actor", "quote", "claim", "date"]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    result = run("export", "c", "--format", "brat", "-o", "brat", cwd=tmp)
    expect_exit(result, 0)
    conf = read(os.path.join(tmp, "brat", "annotation.conf"))
    expect(conf.startswith("[entities]\nactor\nquote\nclaim\ndate\n\n[relations]\n"
                           "source\tArg1:quote|claim, Arg2:actor\n"), conf)


@test
def label_is_checked_against_the_schema(tmp):
    write_corpus(os.path.join(tmp, "c"))
    result = run("export", "c", "--label", "ORG", "-o", "org.jsonl", cwd=tmp)
    expect_exit(result, 0)
    spans = json.loads(read(os.path.join(tmp, "org.jsonl")))["spans"]
    expect([(s["label"], s["text"]) for s in spans] == [("ORG", "ACME")], spans)
    result = run("export", "c", "--label", "actor", "-o", "actor.jsonl", cwd=tmp)
    expect_exit(result, 2)
    err = result.stderr.decode()
    expect("--label must be one of the corpus’s labels: PER, ORG, LOC, MISC" in err, err)
    expect(not os.path.exists(os.path.join(tmp, "actor.jsonl")))


@test
def label_absent_from_the_schema_fails_the_file(tmp):
    write_corpus(os.path.join(tmp, "c"), spans=[span(1, 0, 11, "actor")])
    result = run("export", "c", "-o", "out.jsonl", cwd=tmp)
    expect_exit(result, 1)
    err = result.stderr.decode()
    expect("a.annotations.json" in err and "actor" in err, err)
    expect(not os.path.exists(os.path.join(tmp, "out.jsonl")))


@test
def broken_schema_is_an_error(tmp):
    write_corpus(os.path.join(tmp, "c"), schema_text="{")
    for args in (["c"], [os.path.join("c", "a.annotations.json")]):
        result = run("export", *args, "-o", "out.jsonl", cwd=tmp)
        expect_exit(result, 1)
        err = result.stderr.decode()
        expect("glossa-schema.json:" in err, err)
        expect(not os.path.exists(os.path.join(tmp, "out.jsonl")))

@test
def jsonl_corpus_exports_under_its_schema(tmp):
    # a JSONL corpus: articles in news.jsonl, spans in news.annotations.jsonl,
    # the schema beside them
    with open(os.path.join(tmp, "glossa-schema.json"), "w", encoding="utf-8") as f:
        json.dump(SCHEMA, f)
    with open(os.path.join(tmp, "news.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    with open(os.path.join(tmp, "news.annotations.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", "status": "done", "annotator": "ada", "spans": ner_spans()}) + "\n")
    result = run("export", "news.jsonl", "--format", "conll", "--label", "LOC", "-o", "out.conll", cwd=tmp)
    expect_exit(result, 0)
    tags = [line.split(" ")[1] for line in read(os.path.join(tmp, "out.conll")).splitlines()
            if line and not line.startswith("-DOCSTART-")]
    expect(tags == ["O"] * 7 + ["B-LOC", "O"], tags)
    result = run("export", "news.jsonl", "--format", "brat", "-o", "brat", cwd=tmp)
    expect_exit(result, 0)
    expect(read(os.path.join(tmp, "brat", "annotation.conf")) == EXPECTED_CONF)


@test
def jsonl_export_read_back_keeps_its_labels(tmp):
    write_corpus(os.path.join(tmp, "c"))
    expect_exit(run("export", "c", "-o", "out.jsonl", cwd=tmp), 0)
    result = run("export", "out.jsonl", "--format", "brat", "-o", "brat", cwd=tmp)
    expect_exit(result, 0)
    conf = read(os.path.join(tmp, "brat", "annotation.conf"))
    expect(conf.startswith("[entities]\nPER\nORG\nLOC\n\n"), conf)
    ann = read(os.path.join(tmp, "brat", "a.ann"))
    expect(ann.startswith("T1\tPER 0 11\tMario Rossi\n"), ann)


def write_brat(folder, conf=None):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    with open(os.path.join(folder, "a.ann"), "w", encoding="utf-8") as f:
        f.write("T1\tPER 0 11\tMario Rossi\nT2\tORG 15 19\tACME\nT3\tPER 24 28\tAnna\n")
    if conf is not None:
        with open(os.path.join(folder, "annotation.conf"), "w", encoding="utf-8") as f:
            f.write(conf)


@test
def import_keeps_brat_labels_and_conf(tmp):
    # annotation.conf's order, its unused LOC included, the labels the
    # hierarchy indents too; "!Thing" is abstract and no label
    write_brat(os.path.join(tmp, "brat"),
               "# entity types\n[entities]\n!Thing\n\tORG\n\tPER\nLOC\n\n[relations]\nx\tArg1:PER, Arg2:ORG\n"
               "[events]\n\n[attributes]\n")
    result = run("import", "--format", "brat", "brat", "-o", "c", cwd=tmp)
    expect_exit(result, 0)
    schema = json.loads(read(os.path.join(tmp, "c", "glossa-schema.json")))
    expect([label["name"] for label in schema["labels"]] == ["ORG", "PER", "LOC"], schema)
    expect(all(label["color"].startswith("#") for label in schema["labels"]), schema)

    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 0)
    expect("c/a.annotations.json: valid, 3 spans" in result.stdout.decode(), result.stdout)
    stats = run("stats", "c", cwd=tmp)
    expect_exit(stats, 0)
    rows = [line.split() for line in stats.stdout.decode().splitlines()]
    expect(["PER", "2"] in rows and ["ORG", "1"] in rows and ["LOC", "0"] in rows, stats.stdout)

    # and back to brat: the same labels, the same spans
    expect_exit(run("export", "c", "--format", "brat", "-o", "again", cwd=tmp), 0)
    expect(read(os.path.join(tmp, "again", "a.ann")) == read(os.path.join(tmp, "brat", "a.ann")))
    conf = read(os.path.join(tmp, "again", "annotation.conf"))
    expect(conf.startswith("[entities]\nORG\nPER\nLOC\n\n"), conf)


@test
def import_without_conf_takes_the_labels_found(tmp):
    write_brat(os.path.join(tmp, "brat"))
    expect_exit(run("import", "--format", "brat", "brat", "-o", "c", cwd=tmp), 0)
    schema = json.loads(read(os.path.join(tmp, "c", "glossa-schema.json")))
    expect([label["name"] for label in schema["labels"]] == ["PER", "ORG"], schema)
    expect_exit(run("validate", "c", cwd=tmp), 0)


@test
def import_with_map_writes_no_schema(tmp):
    write_brat(os.path.join(tmp, "brat"), "[entities]\nPER\nORG\n")
    result = run("import", "--format", "brat", "brat", "--map", "PER=actor", "--map", "ORG=actor",
                 "-o", "c", cwd=tmp)
    expect_exit(result, 0)
    expect(sorted(os.listdir(os.path.join(tmp, "c"))) == ["a.annotations.json", "a.txt"],
           os.listdir(os.path.join(tmp, "c")))
    labels = [s["label"] for s in json.loads(read(os.path.join(tmp, "c", "a.annotations.json")))["spans"]]
    expect(labels == ["actor", "actor", "actor"], labels)
    # a --map that leaves a label out still fails, writing nothing
    result = run("import", "--format", "brat", "brat", "--map", "PER=actor", "-o", "d", cwd=tmp)
    expect_exit(result, 1)
    expect("“ORG” (1)" in result.stderr.decode(), result.stderr)
    expect(not os.path.exists(os.path.join(tmp, "d")))


@test
def import_refuses_a_bad_conf_label(tmp):
    write_brat(os.path.join(tmp, "brat"), "[entities]\nPER\n-ORG\n")
    result = run("import", "--format", "brat", "brat", "-o", "c", cwd=tmp)
    expect_exit(result, 1)
    err = result.stderr.decode()
    expect("annotation.conf" in err and "line 3" in err and "-ORG" in err, err)
    expect(not os.path.exists(os.path.join(tmp, "c")))


@test
def import_refuses_labels_differing_in_case(tmp):
    folder = os.path.join(tmp, "brat")
    write_brat(folder)
    with open(os.path.join(folder, "a.ann"), "a", encoding="utf-8") as f:
        f.write("T4\tper 32 36\tRome\n")
    result = run("import", "--format", "brat", "brat", "-o", "c", cwd=tmp)
    expect_exit(result, 1)
    err = result.stderr.decode()
    expect("“per” is listed twice" in err and "--map" in err, err)
    expect(not os.path.exists(os.path.join(tmp, "c")))


report()
