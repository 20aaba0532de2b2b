#!/usr/bin/env python3
# test-agree.py: `glossa agree` on links and attributes (format v2) and across corpora with different schemas
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-agree.py GLOSSA. Prints TAP. Writes two annotators' folder
# corpora in a temporary folder, runs the real binary and checks the
# figures, worked out by hand, in its JSON and its table.

import hashlib
import json
import os

from taptest import expect, expect_exit, glossa, report, test, write


TEXT = ("date 2021-12-30 Talks\n\n"
        "“We will not stop,” said Anna Keller on Tuesday. Marco Rossi claimed the talks failed "
        "last week. “Never,” Rossi added yesterday.\n")


def run(*args, command="agree", timeout=60):
    return glossa(command, *args, timeout=timeout)


def span(id, words, label, nth=0, value=None):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    s = {"id": id, "start": start, "end": start + len(words), "label": label, "text": words}
    if value:
        s["attributes"] = {"value": value}
        s["value_source"] = "annotator"
    return s


def corpus(tmp, name, spans, relations, labels=("actor", "quote", "claim", "date"), schema=None):
    folder = os.path.join(tmp, name)
    os.mkdir(folder)
    write(os.path.join(folder, "talks.txt"), TEXT)
    if schema:
        write(os.path.join(folder, "glossa-schema.json"), json.dumps(schema, indent=2) + "\n")
    doc = {"format": "glossa-annotations", "version": 2,
           "document": {"id": "talks", "file": "talks.txt",
                        "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
                        "length": len(TEXT), "date": "2021-12-30"},
           "labels": list(labels), "status": "done", "annotator": name, "spans": spans,
           "relations": [{"id": "r%d" % (i + 1), "type": "source", "from": f, "to": t}
                         for i, (f, t) in enumerate(relations)]}
    write(os.path.join(folder, "talks.annotations.json"), json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    expect_exit(run(folder, command="validate"), 0)
    return folder


# A links both quotes to Anna Keller and the claim to Marco Rossi; B (the
# reference) links the second quote to "Rossi" instead, and the claim to
# Marco Rossi: 2 of A's 3 links are B's, and 2 of B's 3 are A's. Dates:
# "Tuesday" agrees, "last week" differs, "yesterday" has a value in B only.
A_SPANS = [span("a1", "Anna Keller", "actor"), span("a2", "Marco Rossi", "actor"),
           span("a3", "Rossi", "actor", nth=1),
           span("q1", "We will not stop,", "quote"), span("q2", "Never,", "quote"),
           span("c1", "the talks failed last week", "claim"),
           span("d1", "Tuesday", "date", value="2021-12-28"),
           span("d2", "last week", "date", value="2021-W51"),
           span("d3", "yesterday", "date")]
A_LINKS = [("q1", "a1"), ("q2", "a1"), ("c1", "a2")]
B_SPANS = [span("x1", "Anna Keller", "actor"), span("x2", "Marco Rossi", "actor"),
           span("x3", "Rossi", "actor", nth=1),
           span("x4", "We will not stop,", "quote"), span("x5", "Never,", "quote"),
           span("x6", "the talks failed last week", "claim"),
           span("x7", "Tuesday", "date", value="2021-12-28"),
           span("x8", "last week", "date", value="2021-W52"),
           span("x9", "yesterday", "date", value="2021-12-29")]
B_LINKS = [("x4", "x1"), ("x5", "x3"), ("x6", "x2")]


@test
def links_and_values(tmp):
    a = corpus(tmp, "a", A_SPANS, A_LINKS)
    b = corpus(tmp, "b", B_SPANS, B_LINKS)
    result = run(a, b, "--json")
    expect_exit(result, 0)
    got = json.loads(result.stdout)
    source = got["relations"]["types"]["source"]
    expect((source["a"], source["b"], source["matched"]) == (3, 3, 2), source)
    expect(abs(source["precision"] - 2 / 3) < 1e-9 and abs(source["recall"] - 2 / 3) < 1e-9, source)
    expect(abs(source["f1"] - 2 / 3) < 1e-9, source)
    expect(got["relations"]["overall"]["matched"] == 2, got["relations"])
    value = got["attributes"]["date"]["value"]
    expect(value == {"compared": 3, "agree": 1, "share": 1 / 3}, value)
    # The span figures are as before, beside them.
    expect(got["labels"]["actor"]["exact"]["f1"] == 1.0 and got["overall"]["exact"]["f1"] == 1.0, got)

    table = run(a, b)
    expect_exit(table, 0)
    expect("source               3      3       2   0.667  0.667  0.667" in table.stdout, table.stdout)
    expect("date.value                     3      1   0.333" in table.stdout, table.stdout)

    # Swapped, precision and recall swap; the values' share does not change.
    swapped = json.loads(run(b, a, "--json").stdout)
    expect(swapped["attributes"]["date"]["value"]["share"] == 1 / 3, swapped["attributes"])


@test
def different_schemas(tmp):
    # B's corpus has its own schema with a label "person" A's lacks: it is
    # counted after A's labels, with A's precision null and recall 0.
    schema = {"format": "glossa-schema", "version": 1, "labels": [
        {"name": "actor", "color": "#1c71d8"}, {"name": "quote", "color": "#26a269"},
        {"name": "claim", "color": "#e66100"},
        {"name": "date", "color": "#9141ac", "attributes": [{"name": "value", "type": "timex"}]},
        {"name": "person", "color": "#c01c28"}],
        "relations": [{"name": "source", "from": ["quote", "claim"], "to": ["actor", "person"]}]}
    a = corpus(tmp, "a", A_SPANS, A_LINKS)
    b_spans = [s if s["id"] != "x3" else dict(s, label="person") for s in B_SPANS]
    b = corpus(tmp, "b", b_spans, B_LINKS, labels=("actor", "quote", "claim", "date", "person"),
               schema=schema)
    result = run(a, b, "--json")
    expect_exit(result, 0)
    got = json.loads(result.stdout)
    expect(list(got["labels"]) == ["actor", "quote", "claim", "date", "person"], list(got["labels"]))
    person = got["labels"]["person"]
    expect(person["exact"]["precision"] is None and person["exact"]["recall"] == 0, person)
    expect(person["kappa"] == 0, person)
    # The links that matched still do: their ends are unchanged.
    expect(got["relations"]["types"]["source"]["matched"] == 2, got["relations"])
    # A's "Rossi" actor has no match now: 2 of 3 actors each way.
    expect(abs(got["labels"]["actor"]["exact"]["precision"] - 2 / 3) < 1e-9, got["labels"]["actor"])


report()
