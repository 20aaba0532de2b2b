#!/usr/bin/env python3
# test-suggest.py: `glossa suggest` end to end: the corpus it writes, --only, gazetteers, refused outputs
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-suggest.py GLOSSA. Prints TAP. Writes small corpora in a
# temporary folder, runs the real binary, and checks the corpus it writes
# (read back with json, then with `glossa validate` and `glossa stats`),
# its report on standard error and its exit status.

import json
import os
import shutil
import time

from taptest import expect, expect_exit, glossa, report, test, write


TAGGED = "Giorgia Meloni met the press in Rome. Meloni left early."
QUOTED = ("date 2026-03-12 Summit\n\n"
          "“We are ready to talk,” said Giorgia Meloni on Tuesday. "
          "Giorgia Meloni then flew to Brussels on 4 March 2026.\n")


def run(*args, command="suggest", timeout=60):
    return glossa(command, *args, timeout=timeout)


def span(id, text, start, end, label, origin=None):
    s = {"id": id, "start": start, "end": end, "label": label, "text": text[start:end]}
    if origin:
        s["origin"] = origin
    return s


def jsonl_corpus(tmp):
    path = os.path.join(tmp, "news.jsonl")
    lines = [
        {"id": "a", "text": TAGGED, "spans": [span("p1", TAGGED, 0, 14, "actor", "manual")]},
        {"id": "b", "text": QUOTED},
    ]
    write(path, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    return path


def annotations(folder, name):
    with open(os.path.join(folder, name + ".annotations.json"), encoding="utf-8") as f:
        return json.load(f)


def keys(doc):
    return sorted((s["start"], s["end"], s["label"]) for s in doc["spans"])


def suggested(doc, text):
    return sorted((s["label"], text[s["start"]:s["end"]]) for s in doc["spans"]
                  if s.get("origin") == "suggested")


@test
def writes_corpus(tmp):
    out = os.path.join(tmp, "out")
    result = run(jsonl_corpus(tmp), "-o", out)
    expect_exit(result, 0)
    expect(sorted(os.listdir(out)) == ["a.annotations.json", "a.txt", "b.annotations.json", "b.txt"],
           os.listdir(out))
    with open(os.path.join(out, "b.txt"), encoding="utf-8") as f:
        expect(f.read() == QUOTED)

    a, b = annotations(out, "a"), annotations(out, "b")
    # "a" keeps its own span (a JSONL corpus's spans read as imported), and
    # gets nothing identical to it.
    own = [s for s in a["spans"] if s.get("origin") != "suggested"]
    expect([(s["start"], s["end"], s["label"], s["text"]) for s in own] ==
           [(0, 14, "actor", "Giorgia Meloni")], a["spans"])
    expect(suggested(a, TAGGED) == [], a["spans"])
    # "b": the quote and its speaker, the two dates, and the known name
    # found again (the one the quote's speaker already is counts once).
    expect(suggested(b, QUOTED) == [
        ("actor", "Giorgia Meloni"), ("actor", "Giorgia Meloni"),
        ("date", "4 March 2026"), ("date", "Tuesday"),
        ("quote", "We are ready to talk,")], suggested(b, QUOTED))
    expect(len(set(keys(b))) == len(keys(b)), keys(b))
    for s in b["spans"]:
        expect(QUOTED[s["start"]:s["end"]] == s["text"], s)
    ids = [s["id"] for s in a["spans"] + b["spans"]]
    expect(len(set(s["id"] for s in b["spans"])) == len(b["spans"]), ids)

    expect("2 documents, 5 suggested spans written to " + out in result.stderr, result.stderr)
    expect("suggester quotes: 2" in result.stderr, result.stderr)
    expect("suggester dates: 2" in result.stderr, result.stderr)
    expect("suggester names: 1" in result.stderr, result.stderr)
    expect("label actor: 2" in result.stderr, result.stderr)

    validate = run(out, command="validate")
    expect_exit(validate, 0)
    stats = run("--json", out, command="stats")
    expect_exit(stats, 0)
    got = json.loads(stats.stdout)
    expect(got["documents"] == 2 and got["spans"] == 6, got)
    expect(got["labels"] == {"actor": 3, "quote": 1, "claim": 0, "date": 2}, got)


def by_text(doc, text):
    return {text[s["start"]:s["end"]] + "@%d" % s["start"]: s for s in doc["spans"]}


@test
def values_and_links(tmp):
    # Format v2: each suggested date has its value (from the article's date
    # line, Thursday 12 March 2026), each suggested quote a source link to
    # its speaker: the suggested one, or the span already tagged there.
    out = os.path.join(tmp, "out")
    expect_exit(run(jsonl_corpus(tmp), "-o", out), 0)
    b = annotations(out, "b")
    expect(b["version"] == 2, b)
    spans = {QUOTED[s["start"]:s["end"]]: s for s in b["spans"]}
    tuesday, march = spans["Tuesday"], spans["4 March 2026"]
    expect(tuesday["attributes"] == {"value": "2026-03-10"} and tuesday["value_source"] == "auto", tuesday)
    expect(march["attributes"] == {"value": "2026-03-04"} and march["value_source"] == "auto", march)
    quote = spans["We are ready to talk,"]
    speaker = [s for s in b["spans"] if s["start"] == QUOTED.index("Giorgia Meloni")][0]
    expect(b["relations"] == [{"id": "r1", "type": "source", "from": quote["id"], "to": speaker["id"]}],
           (b.get("relations"), b["spans"]))
    # "a" has nothing to link: it stays version 1.
    expect(annotations(out, "a")["version"] == 1)
    validate = run(out, command="validate")
    expect_exit(validate, 0)

    # The speaker already tagged: the link goes to that span (which the
    # JSONL corpus reads as imported, with an id of its own), and no second
    # actor is suggested on it.
    path = os.path.join(tmp, "tagged.jsonl")
    start = QUOTED.index("Giorgia Meloni")
    write(path, json.dumps({"id": "c", "text": QUOTED,
                            "spans": [span("p1", QUOTED, start, start + 14, "actor", "manual")]},
                           ensure_ascii=False) + "\n")
    out2 = os.path.join(tmp, "out2")
    result = run(path, "-o", out2)
    expect_exit(result, 0)
    c = annotations(out2, "c")
    quote = [s for s in c["spans"] if s["label"] == "quote"][0]
    tagged = [s for s in c["spans"] if s.get("origin") != "suggested"]
    expect(len(tagged) == 1 and tagged[0]["start"] == start, c["spans"])
    expect(c["relations"] == [{"id": "r1", "type": "source", "from": quote["id"], "to": tagged[0]["id"]}],
           (c.get("relations"), c["spans"]))
    expect(len([s for s in c["spans"] if s["start"] == start and s["label"] == "actor"]) == 1, c["spans"])
    expect("1 link from a suggestion written" in result.stderr, result.stderr)
    expect_exit(run(out2, command="validate"), 0)

    # Run again on its own output, nothing is linked twice.
    out3 = os.path.join(tmp, "out3")
    result = run(out2, "-o", out3)
    expect_exit(result, 0)
    expect(annotations(out3, "c")["relations"] == c["relations"], annotations(out3, "c"))
    expect("link" not in result.stderr, result.stderr)


@test
def again_adds_nothing_twice(tmp):
    first, second = os.path.join(tmp, "one"), os.path.join(tmp, "two")
    expect_exit(run(jsonl_corpus(tmp), "-o", first), 0)
    result = run(first, "-o", second)
    expect_exit(result, 0)
    # Every span the first run wrote is still there, none is repeated, and
    # the quote and date suggesters find nothing new.
    for name in ("a", "b"):
        one, two = keys(annotations(first, name)), keys(annotations(second, name))
        expect(set(one) <= set(two) and len(set(two)) == len(two), (one, two))
    expect("suggester quotes" not in result.stderr and "suggester dates" not in result.stderr,
           result.stderr)


@test
def learns_from_reviewed_spans_only(tmp):
    # Run on its own output, suggest learns nothing from the suggestions of
    # the first run; once an annotator has accepted one, it does.
    first, second, third = (os.path.join(tmp, n) for n in ("one", "two", "three"))
    corpus = os.path.join(tmp, "news.jsonl")
    write(corpus, json.dumps({"id": "c", "text": QUOTED}) + "\n" +
          json.dumps({"id": "d", "text": "Later, Giorgia Meloni spoke again on Tuesday."}) + "\n")
    expect_exit(run(corpus, "-o", first), 0)
    result = run(first, "-o", second)
    expect_exit(result, 0)
    expect("suggester names" not in result.stderr, result.stderr)

    path = os.path.join(first, "c.annotations.json")
    doc = annotations(first, "c")
    for s in doc["spans"]:
        if s["label"] == "actor":
            s["annotator"] = "ann1"
    write(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    result = run(first, "-o", third)
    expect_exit(result, 0)
    got = suggested(annotations(third, "d"), "Later, Giorgia Meloni spoke again on Tuesday.")
    expect(("actor", "Giorgia Meloni") in got, got)


@test
def same_bytes_twice(tmp):
    corpus = jsonl_corpus(tmp)
    one, two = os.path.join(tmp, "one"), os.path.join(tmp, "two")
    expect_exit(run(corpus, "-o", one), 0)
    expect_exit(run(corpus, "-o", two), 0)
    for name in sorted(os.listdir(one)):
        with open(os.path.join(one, name), "rb") as a, open(os.path.join(two, name), "rb") as b:
            expect(a.read() == b.read(), name)


@test
def keeps_the_annotators_work(tmp):
    # A folder corpus whose annotation file an annotator has worked on:
    # status, annotator, and their spans with notes and ids are kept.
    first, second = os.path.join(tmp, "one"), os.path.join(tmp, "two")
    expect_exit(run(jsonl_corpus(tmp), "-o", first), 0)
    path = os.path.join(first, "b.annotations.json")
    doc = annotations(first, "b")
    doc["status"] = "done"
    doc["annotator"] = "ann1"
    mine = {"id": "s99", "start": 90, "end": 98, "label": "claim", "text": QUOTED[90:98],
            "note": "checked", "origin": "manual", "annotator": "ann1"}
    doc["spans"].append(mine)
    write(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    expect_exit(run(path, command="validate"), 0)

    result = run(first, "-o", second)
    expect_exit(result, 0)
    again = annotations(second, "b")
    expect(again["status"] == "done" and again["annotator"] == "ann1", again)
    expect(mine in again["spans"], again["spans"])
    expect(keys(again) == sorted(set(keys(doc))), (keys(again), keys(doc)))


@test
def only_labels(tmp):
    corpus = jsonl_corpus(tmp)
    out = os.path.join(tmp, "out")
    result = run(corpus, "-o", out, "--only", "date")
    expect_exit(result, 0)
    b = annotations(out, "b")
    expect(suggested(b, QUOTED) == [("date", "4 March 2026"), ("date", "Tuesday")], b["spans"])
    expect("suggester quotes" not in result.stderr, result.stderr)

    out2 = os.path.join(tmp, "out2")
    expect_exit(run(corpus, "-o", out2, "--only", "quote, actor"), 0)
    labels = {label for label, _ in suggested(annotations(out2, "b"), QUOTED)}
    expect(labels == {"quote", "actor"}, labels)

    bad = run(corpus, "-o", os.path.join(tmp, "out3"), "--only", "quote,person")
    expect_exit(bad, 2)
    expect("“person” is not a label" in bad.stderr, bad.stderr)
    expect(not os.path.exists(os.path.join(tmp, "out3")))


@test
def suggesters_off(tmp):
    corpus = jsonl_corpus(tmp)
    out = os.path.join(tmp, "out")
    result = run(corpus, "-o", out, "--suggesters", "dates,names")
    expect_exit(result, 0)
    got = suggested(annotations(out, "b"), QUOTED)
    expect(got == [("actor", "Giorgia Meloni"), ("actor", "Giorgia Meloni"),
                   ("date", "4 March 2026"), ("date", "Tuesday")], got)
    expect("suggester quotes" not in result.stderr, result.stderr)

    for args, message in [(["--suggesters", "quotes,people"], "“people” is not quotes, dates or names"),
                          (["--suggesters", "dates", "--only", "quote"], "leave no suggester to run")]:
        bad = run(corpus, "-o", os.path.join(tmp, "out2"), *args)
        expect_exit(bad, 2)
        expect(message in bad.stderr, bad.stderr)
    expect(not os.path.exists(os.path.join(tmp, "out2")))


@test
def gazetteer_beside(tmp):
    folder = os.path.join(tmp, "corpus")
    os.mkdir(folder)
    write(os.path.join(folder, "n.txt"), "The Unhcr and Save the Children met in Geneva.\n")
    write(os.path.join(folder, "glossa-gazetteer.tsv"),
          "# bodies\nUnhcr\tactor\nSave the Children\tactor\nGeneva\tplace\n")
    out = os.path.join(tmp, "out")
    result = run(folder, "-o", out)
    expect_exit(result, 0)
    got = suggested(annotations(out, "n"), "The Unhcr and Save the Children met in Geneva.\n")
    expect(got == [("actor", "Save the Children"), ("actor", "Unhcr")], got)
    # "place" is no label of this corpus: left out, and said so.
    expect("1 suggestion of a label the corpus does not have left out" in result.stderr, result.stderr)
    expect(not os.path.exists(os.path.join(out, "glossa-gazetteer.tsv")), os.listdir(out))


@test
def gazetteer_errors(tmp):
    folder = os.path.join(tmp, "corpus")
    os.mkdir(folder)
    write(os.path.join(folder, "n.txt"), "Text.\n")
    gazetteer = os.path.join(folder, "glossa-gazetteer.tsv")
    write(gazetteer, "Unhcr\tactor\nno tab here\n")
    result = run(folder, "-o", os.path.join(tmp, "out"))
    expect_exit(result, 1)
    expect(gazetteer + ":2: expected a text, a tab and a label" in result.stderr, result.stderr)
    expect(not os.path.exists(os.path.join(tmp, "out")))

    # A FIFO given as the gazetteer is refused at once, naming it.
    fifo = os.path.join(tmp, "g.fifo")
    os.mkfifo(fifo)
    start = time.monotonic()
    result = run(folder, "-o", os.path.join(tmp, "out"), "--gazetteer", fifo, timeout=10)
    expect_exit(result, 1)
    expect(fifo in result.stderr, result.stderr)
    expect(time.monotonic() - start < 5)


@test
def refused_outputs(tmp):
    corpus = jsonl_corpus(tmp)
    folder = os.path.join(tmp, "folder")
    os.mkdir(folder)
    write(os.path.join(folder, "x.txt"), "Text.\n")
    cases = [
        ([folder, "-o", folder], "is the input"),
        ([folder, "-o", os.path.join(folder, "inside")], folder),
        ([corpus, "-o", os.path.join(tmp, "x.annotations.json")], "x.annotations.json"),
        ([corpus, "-o", folder], folder),
        ([corpus, "-o", os.path.join(tmp, "o"), "--lang", "fr"], "--lang must be en, it or auto"),
        ([corpus], "no output given"),
        ([corpus, corpus, "-o", os.path.join(tmp, "o")], "give one corpus"),
    ]
    for args, message in cases:
        result = run(*args)
        expect_exit(result, 2)
        expect(message in result.stderr, (args, result.stderr))
    expect(sorted(os.listdir(folder)) == ["x.txt"], os.listdir(folder))
    expect(not os.path.exists(os.path.join(tmp, "o")))


@test
def broken_corpus(tmp):
    path = os.path.join(tmp, "news.jsonl")
    write(path, '{"id": "a", "text": "Fine."}\n{"id": "b", "text": }\n')
    result = run(path, "-o", os.path.join(tmp, "out"))
    expect_exit(result, 1)
    expect(path + ":2" in result.stderr, result.stderr)
    expect(not os.path.exists(os.path.join(tmp, "out")))


@test
def only_checks_the_corpus_schema(tmp):
    os.mkdir(os.path.join(tmp, "c"))
    path = os.path.join(tmp, "c", "news.jsonl")
    write(path, json.dumps({"id": "b", "text": QUOTED}, ensure_ascii=False) + "\n")
    schema = os.path.join(tmp, "c", "glossa-schema.json")
    shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "schema-20",
                             "glossa-schema.json"), schema)
    bad = run(path, "-o", os.path.join(tmp, "out"), "--only", "quote")
    expect_exit(bad, 2)
    expect("“quote” is not a label of this corpus" in bad.stderr and schema in bad.stderr, bad.stderr)
    expect("PER, ORG" in bad.stderr, bad.stderr)
    expect(not os.path.exists(os.path.join(tmp, "out")))
    expect_exit(run(path, "-o", os.path.join(tmp, "out"), "--only", "QUOTE"), 0)


report()
