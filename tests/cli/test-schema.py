#!/usr/bin/env python3
# test-schema.py: glossa-schema.json in the commands: validate and stats with a custom schema
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-schema.py GLOSSA. Prints TAP. Each test writes a corpus with its
# own glossa-schema.json (PER/ORG/LOC/MISC, as in CoNLL-2002), runs the real
# binary and checks exit codes, messages (FILE:LINE:COLUMN or field) and output.

import hashlib
import json
import os

from taptest import expect, expect_exit, glossa, report, test

ARTICLE = "Mario Rossi of ACME met Anna in Rome."

SCHEMA = {
    "format": "glossa-schema", "version": 1,
    "labels": [{"name": "PER", "key": "p", "color": "#1c71d8"},
               {"name": "ORG", "key": "o", "color": "#26a269"},
               {"name": "LOC", "key": "l", "color": "#e66100"},
               {"name": "MISC", "key": "m", "color": "#9141ac"}],
}


def run(*args, cwd=None):
    return glossa(*args, text=False, cwd=cwd)


def span(i, start, end, label):
    return {"id": "s%d" % i, "start": start, "end": end, "label": label,
            "text": ARTICLE[start:end]}


def write_article(folder, name, spans, labels):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    data = {"format": "glossa-annotations", "version": 1,
            "document": {"id": name, "file": name + ".txt",
                         "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(),
                         "length": len(ARTICLE)},
            "labels": labels, "status": "in-progress", "annotator": "ada",
            "spans": spans}
    path = os.path.join(folder, name + ".annotations.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
    return path


def write_schema(folder, schema=None, text=None):
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "glossa-schema.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text if text is not None else json.dumps(schema if schema else SCHEMA, indent=1))
    return path


def labels_of(schema):
    return [label["name"] for label in schema["labels"]]


def ner_spans():
    return [span(1, 0, 11, "PER"), span(2, 15, 19, "ORG"), span(3, 24, 28, "PER"),
            span(4, 32, 36, "LOC")]


@test
def validate_accepts_custom_labels(tmp):
    corpus = os.path.join(tmp, "c")
    write_schema(corpus)
    write_article(corpus, "a", ner_spans(), labels_of(SCHEMA))
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 0)
    out = result.stdout.decode()
    expect("c/glossa-schema.json: valid schema, 4 labels" in out, out)
    expect("c/a.annotations.json: valid, 4 spans" in out, out)


@test
def validate_refuses_default_labels_under_a_schema(tmp):
    corpus = os.path.join(tmp, "c")
    write_schema(corpus)
    write_article(corpus, "a", [span(1, 0, 11, "actor")], labels_of(SCHEMA))
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 1)
    err = result.stderr.decode()
    expect("actor" in err and "glossa-schema.json" in err, err)


@test
def validate_without_schema_refuses_ner_labels(tmp):
    corpus = os.path.join(tmp, "c")
    write_article(corpus, "a", ner_spans(), labels_of(SCHEMA))
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 1)
    expect("PER" in result.stderr.decode(), result.stderr.decode())


@test
def validate_reports_schema_errors_with_position(tmp):
    corpus = os.path.join(tmp, "c")
    text = ('{"format": "glossa-schema", "version": 1,\n'
            ' "labels": [{"name": "PER", "key": "p"},\n'
            '            {"name": "ORG", "key": "P"}]}\n')
    write_schema(corpus, text=text)
    write_article(corpus, "a", ner_spans()[:1], ["PER", "ORG"])
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 1)
    lines = result.stderr.decode().splitlines()
    expect(lines == ["c/glossa-schema.json:3:36: labels[1].key: the key “P” is already used by “PER”"],
           lines)
    # the schema alone, named on the command line
    result = run("validate", "c/glossa-schema.json", cwd=tmp)
    expect_exit(result, 1)
    expect(result.stderr.decode().startswith("c/glossa-schema.json:3:36: "), result.stderr.decode())


@test
def validate_unknown_member_is_refused(tmp):
    corpus = os.path.join(tmp, "c")
    schema = json.loads(json.dumps(SCHEMA))
    schema["labels"][0]["colour"] = "#ffffff"
    write_schema(corpus, schema)
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 1)
    expect("labels[0].colour: unknown member “colour”" in result.stderr.decode(),
           result.stderr.decode())


@test
def validate_nearest_schema_wins(tmp):
    corpus = os.path.join(tmp, "c")
    write_schema(corpus)
    sub = {"format": "glossa-schema", "version": 1, "labels": [{"name": "event"}]}
    write_schema(os.path.join(corpus, "sub"), sub)
    write_article(os.path.join(corpus, "sub"), "b", [span(1, 0, 11, "event")], ["event"])
    write_article(corpus, "a", ner_spans(), labels_of(SCHEMA))
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 0)
    # the schema above the corpus root is not used
    write_schema(tmp, sub)
    result = run("validate", "c/a.annotations.json", cwd=tmp)
    expect_exit(result, 0)


@test
def validate_enforces_overlap_rules(tmp):
    corpus = os.path.join(tmp, "c")
    schema = json.loads(json.dumps(SCHEMA))
    schema["overlap"] = {"PER": "none", "ORG": "nested"}
    write_schema(corpus, schema)
    spans = [span(1, 0, 11, "PER"), span(2, 6, 19, "LOC")]
    path = write_article(corpus, "a", spans, labels_of(SCHEMA))
    with open(path, "rb") as f:
        before = f.read()
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 1)
    expect(result.stderr.decode().splitlines() ==
           ["c/a.annotations.json: spans[0] (PER, 0–11) and spans[1] (LOC, 6–19) overlap, "
            "which the rule “none” of the label “PER” forbids"], result.stderr.decode())
    with open(path, "rb") as f:
        expect(f.read() == before, "validate changed the file")
    # nested spans under "nested" are fine, crossing ones are not
    write_article(corpus, "a", [span(1, 0, 19, "ORG"), span(2, 15, 19, "LOC")], labels_of(SCHEMA))
    expect_exit(run("validate", "c", cwd=tmp), 0)
    write_article(corpus, "a", [span(1, 0, 19, "ORG"), span(2, 15, 28, "LOC")], labels_of(SCHEMA))
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 1)
    expect("the rule “nested” of the label “ORG”" in result.stderr.decode(), result.stderr.decode())


@test
def validate_schema_fifo_is_refused(tmp):
    corpus = os.path.join(tmp, "c")
    os.makedirs(corpus)
    os.mkfifo(os.path.join(corpus, "glossa-schema.json"))
    write_article(corpus, "a", ner_spans(), labels_of(SCHEMA))
    result = run("validate", "c", cwd=tmp)
    expect_exit(result, 1)
    expect("glossa-schema.json" in result.stderr.decode(), result.stderr.decode())


@test
def stats_lists_schema_labels_in_order(tmp):
    corpus = os.path.join(tmp, "c")
    write_schema(corpus)
    write_article(corpus, "a", ner_spans(), labels_of(SCHEMA))
    result = run("stats", "--json", "c", cwd=tmp)
    expect_exit(result, 0)
    data = json.loads(result.stdout)
    expect(list(data["labels"].items()) == [("PER", 2), ("ORG", 1), ("LOC", 1), ("MISC", 0)],
           data["labels"])
    # one article given alone is read under the schema beside it
    result = run("stats", "--json", "c/a.txt", cwd=tmp)
    expect_exit(result, 0)
    expect(json.loads(result.stdout)["labels"]["PER"] == 2, result.stdout)


@test
def stats_lists_every_schema_label(tmp):
    corpus = os.path.join(tmp, "c")
    write_schema(corpus)
    sub = {"format": "glossa-schema", "version": 1, "labels": [{"name": "event"}, {"name": "PER"}]}
    write_schema(os.path.join(corpus, "sub"), sub)
    write_article(corpus, "a", ner_spans(), labels_of(SCHEMA))
    write_article(os.path.join(corpus, "sub"), "b", [span(1, 0, 11, "event")], ["event", "PER"])
    result = run("stats", "--json", "c", cwd=tmp)
    expect_exit(result, 0)
    data = json.loads(result.stdout)
    expect(list(data["labels"].items()) ==
           [("PER", 2), ("ORG", 1), ("LOC", 1), ("MISC", 0), ("event", 1)], data["labels"])
    expect(data["documents"] == 2, data)


@test
def stats_broken_schema_is_an_error(tmp):
    corpus = os.path.join(tmp, "c")
    write_schema(corpus, text='{"format": "glossa-schema", "version": 1, "labels": [{"name": "PER", "color": "red"}]}')
    write_article(corpus, "a", ner_spans(), labels_of(SCHEMA))
    result = run("stats", "c", cwd=tmp)
    expect_exit(result, 1)
    expect("glossa-schema.json:1:" in result.stderr.decode() and "“red” is not a color" in result.stderr.decode(),
           result.stderr.decode())


@test
def json_schema_agrees_with_glossa(tmp):
    # data/glossa-schema.schema.json accepts what Glossa accepts here, and
    # refuses a reserved key as Glossa does
    try:
        import jsonschema
    except ImportError:
        return
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.join(here, "..", "..")
    with open(os.path.join(src, "data", "glossa-schema.schema.json"), encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    for path in [os.path.join(src, "tests", "data", "schema-20", "glossa-schema.json"),
                 os.path.join(src, "tests", "fuzz", "corpus", "schema", "valid-issue.json")]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        expect_exit(run("validate", write_schema(tmp, text=text)), 0)
        errors = [e.message for e in validator.iter_errors(json.loads(text))]
        expect(errors == [], "%s: %r" % (path, errors))
    bad = json.loads(json.dumps(SCHEMA))
    bad["labels"][0]["key"] = "3"
    expect_exit(run("validate", write_schema(tmp, bad)), 1)
    expect(list(validator.iter_errors(bad)) != [], "the JSON Schema accepts key 3")


@test
def schema_command_prints_the_effective_schema(tmp):
    corpus = os.path.join(tmp, "c")
    schema = json.loads(json.dumps(SCHEMA))
    schema["overlap"] = {"LOC": "none"}
    schema["labels"][1]["color"] = "#2A6"
    write_schema(corpus, schema)
    result = run("schema", "c", cwd=tmp)
    expect_exit(result, 0)
    printed = json.loads(result.stdout)
    expect(labels_of(printed) == labels_of(SCHEMA), printed)
    expect(printed["labels"][1]["color"] == "#22aa66", printed)
    expect(printed["overlap"] == {"LOC": "none"}, printed)
    expect(result.stderr.decode() == "c: from %s\n" % os.path.join(corpus, "glossa-schema.json"),
           result.stderr.decode())
    # what it prints is a schema Glossa reads back to the same bytes
    again = run("schema", write_schema(os.path.join(tmp, "again"), text=result.stdout.decode()))
    expect_exit(again, 0)
    expect(again.stdout == result.stdout, again.stdout)
    # without one: the built-in schema, said so
    os.makedirs(os.path.join(tmp, "plain"))
    result = run("schema", "plain", cwd=tmp)
    expect_exit(result, 0)
    expect(labels_of(json.loads(result.stdout)) == ["actor", "quote", "claim", "date"], result.stdout)
    expect("built-in" in result.stderr.decode(), result.stderr.decode())
    # broken: exit 1 with the position
    write_schema(corpus, text="{}")
    result = run("schema", "c", cwd=tmp)
    expect_exit(result, 1)
    expect(result.stderr.decode().startswith(os.path.join(corpus, "glossa-schema.json") + ":1:1: "),
           result.stderr.decode())
    expect_exit(run("schema"), 2)


report()
