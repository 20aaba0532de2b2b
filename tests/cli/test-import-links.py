#!/usr/bin/env python3
# test-import-links.py: links and attribute values through `glossa export` and `glossa import`
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-import-links.py GLOSSA. Prints TAP. A corpus in format v2
# (quotes linked to their speakers, dates with values, who set each value)
# goes out through brat, JSONL and doccano and back in with the real
# binary; what comes back is compared with what went out, byte for byte
# where the format holds everything.

import json
import os
import shutil

from taptest import expect, glossa, ok, report, test

# The first article's date is its header's, which brat keeps with the text.
TEXT_1 = ("date 2021-12-29\nPutin said it was \u201ca colossal mistake\u201d on Tuesday.\n"
          "\u201cWe stay\u201d, Anna Keller said on 12 March. \U0001F44D")
TEXT_2 = "Bo said \u201cwe will\nwin\u201d yesterday, and Lena agreed."


def span(text, sub, label, sid, **extra):
    start = text.index(sub)
    result = {"id": sid, "start": start, "end": start + len(sub), "label": label, "text": sub}
    result.update(extra)
    return result


SOURCE = [
    {"id": "one", "text": TEXT_1, "status": "done", "annotator": "ana",
     "spans": [span(TEXT_1, "Putin", "actor", "a"),
               span(TEXT_1, "\u201ca colossal mistake\u201d", "quote", "b"),
               span(TEXT_1, "Tuesday", "date", "c", attributes={"value": "2021-12-28"}, value_source="auto"),
               span(TEXT_1, "\u201cWe stay\u201d", "quote", "d"),
               span(TEXT_1, "Anna Keller", "actor", "e", note="the minister"),
               span(TEXT_1, "12 March", "date", "f", attributes={"value": "2022-03-12"},
                    value_source="annotator")],
     "relations": [{"id": "x", "type": "source", "from": "b", "to": "a"},
                   {"id": "y", "type": "source", "from": "d", "to": "e"}]},
    {"id": "two", "text": TEXT_2, "date": None, "status": "todo", "annotator": "",
     "spans": [span(TEXT_2, "Bo", "actor", "p"),
               span(TEXT_2, "\u201cwe will\nwin\u201d", "quote", "q"),
               span(TEXT_2, "yesterday", "date", "r", attributes={"value": "PAST_REF"}),
               span(TEXT_2, "Lena", "actor", "s")],
     "relations": [{"id": "z", "type": "source", "from": "q", "to": "p"}]},
]


def run(*args):
    return glossa(*args)


def files_of(folder):
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, folder)] = f.read()
    return found


def source_corpus(tmp):
    """The corpus every test starts from, made by importing SOURCE."""
    path = os.path.join(tmp, "source.jsonl")
    with open(path, "w", encoding="utf-8", newline="") as f:
        for doc in SOURCE:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    corpus = os.path.join(tmp, "corpus")
    ok(run("import", path, "-o", corpus))
    ok(run("validate", corpus))
    return corpus


def annotations(corpus, name):
    with open(os.path.join(corpus, name + ".annotations.json"), encoding="utf-8") as f:
        return json.load(f)


@test
def source_is_v2(tmp):
    corpus = source_corpus(tmp)
    one = annotations(corpus, "one")
    expect(one["version"] == 2, one["version"])
    # Ids are renumbered in text order, links follow their spans.
    expect([s["id"] for s in one["spans"]] == ["s1", "s2", "s3", "s4", "s5", "s6"], one["spans"])
    expect(one["document"]["date"] == "2021-12-29", one["document"])
    expect(one["relations"] == [{"id": "r1", "type": "source", "from": "s2", "to": "s1"},
                                {"id": "r2", "type": "source", "from": "s4", "to": "s5"}], one["relations"])
    expect(one["spans"][2]["attributes"] == {"value": "2021-12-28"} and
           one["spans"][2]["value_source"] == "auto", one["spans"][2])
    expect(one["spans"][5]["value_source"] == "annotator", one["spans"][5])
    expect(not os.path.exists(os.path.join(corpus, "glossa-schema.json")))


def round_trip(tmp, fmt, *import_args):
    corpus = source_corpus(tmp)
    out = os.path.join(tmp, "out-" + fmt)
    ok(run("export", corpus, "--format", fmt, "-o", out))
    back = os.path.join(tmp, "back-" + fmt)
    result = ok(run("import", out, "--format", fmt, *import_args, "-o", back))
    ok(run("validate", back))
    return corpus, out, back, result


@test
def brat_round_trip_is_byte_identical(tmp):
    corpus, out, back, result = round_trip(tmp, "brat")
    with open(os.path.join(out, "one.ann"), encoding="utf-8") as f:
        ann = f.read()
    expect("R1\tsource Arg1:T2 Arg2:T1\n" in ann, ann)
    expect("\tAnnotatorNotes T3\tvalue=2021-12-28\n" in ann, ann)
    expect("\tAnnotatorNotes T3\tvalue_source=auto\n" in ann, ann)
    with open(os.path.join(out, "annotation.conf"), encoding="utf-8") as f:
        conf = f.read()
    expect("[relations]\nsource\tArg1:quote|claim, Arg2:actor\n" in conf, conf)
    expect("3 links written" in result.stderr, result.stderr)
    source, again = files_of(corpus), files_of(back)
    expect(sorted(source) == sorted(again), (sorted(source), sorted(again)))
    # brat has no place for a document's status and annotator: those two
    # lines aside, every file is the same.
    for name in source:
        if name == "one.annotations.json":
            again[name] = again[name].replace(b'"status": "todo",\n  "annotator": ""',
                                              b'"status": "done",\n  "annotator": "ana"')
        expect(source[name] == again[name], "%s differs:\n%s\n%s" % (name, source[name], again[name]))


@test
def jsonl_round_trip_is_byte_identical(tmp):
    corpus, _, back, _ = round_trip(tmp, "jsonl")
    source, again = files_of(corpus), files_of(back)
    expect(sorted(source) == sorted(again), (sorted(source), sorted(again)))
    for name in source:
        expect(source[name] == again[name], "%s differs" % name)


@test
def doccano_round_trip_keeps_spans_and_links(tmp):
    # doccano's relation format has entities and relations but no
    # attributes or notes: spans and links come back, values do not.
    corpus, out, back, _ = round_trip(tmp, "doccano")
    with open(out, encoding="utf-8") as f:
        line = json.loads(f.readline())
    expect(line["relations"][0] == {"id": 1, "from_id": 2, "to_id": 1, "type": "source"}, line["relations"])
    expect(line["entities"][0]["id"] == 1, line["entities"][0])
    for name in ("one", "two"):
        want, got = annotations(corpus, name), annotations(back, name)
        expect([(s["start"], s["end"], s["label"], s["text"]) for s in want["spans"]] ==
               [(s["start"], s["end"], s["label"], s["text"]) for s in got["spans"]], name)
        expect(want["relations"] == got["relations"], (want["relations"], got["relations"]))


@test(skip_missing=True)
def pandas_reads_links_and_values(tmp):
    import pandas

    corpus = source_corpus(tmp)
    out = os.path.join(tmp, "out.jsonl")
    ok(run("export", corpus, "-o", out))
    frame = pandas.read_json(out, lines=True, dtype=False)
    expect(list(frame["id"]) == ["one", "two"], list(frame["id"]))
    spans = pandas.json_normalize(frame.to_dict("records"), record_path="spans", meta="id",
                                  meta_prefix="doc_")
    expect(len(spans) == 10, len(spans))
    dates = spans[spans["label"] == "date"]
    expect(list(dates["attributes.value"]) == ["2021-12-28", "2022-03-12", "PAST_REF"],
           list(dates["attributes.value"]))
    links = pandas.json_normalize(frame.to_dict("records"), record_path="relations", meta="id",
                                  meta_prefix="doc_")
    expect(len(links) == 3, len(links))
    # Each link's ends are spans of its own document.
    joined = links.merge(spans, left_on=["doc_id", "from"], right_on=["doc_id", "id"])
    joined = joined.merge(spans, left_on=["doc_id", "to"], right_on=["doc_id", "id"], suffixes=("", "_to"))
    expect(list(joined["text_to"]) == ["Putin", "Anna Keller", "Bo"], list(joined["text_to"]))


@test
def brat_schema_round_trip(tmp):
    # A corpus of its own labels, link types and attributes: its schema
    # goes out as annotation.conf and comes back the same.
    src = os.path.join(tmp, "src")
    os.mkdir(src)
    with open(os.path.join(src, "annotation.conf"), "w", encoding="utf-8") as f:
        f.write("[entities]\nPER\nORG\n\n[relations]\nmember\tArg1:PER, Arg2:ORG\n\n[events]\n\n"
                "[attributes]\nrole\tArg:PER, Value:official|witness\nnegated\tArg:PER|ORG\n"
                "# Glossa: comment\tArg:PER, Type:text\n# Glossa: founded\tArg:ORG, Type:timex\n")
    with open(os.path.join(src, "a.txt"), "w", encoding="utf-8") as f:
        f.write("Anna of ACME met Bo.")
    with open(os.path.join(src, "a.ann"), "w", encoding="utf-8") as f:
        f.write("T1\tPER 0 4\tAnna\nT2\tORG 8 12\tACME\nT3\tPER 17 19\tBo\nR1\tmember Arg1:T1 Arg2:T2\n"
                "A1\trole T1 witness\nA2\tnegated T2\n#1\tAnnotatorNotes T1\tcomment=the CEO, since May\n"
                "#2\tAnnotatorNotes T2\tfounded=1998-XX\n#3\tAnnotatorNotes T3\tcomment=x\n")
    first = os.path.join(tmp, "first")
    ok(run("import", src, "--format", "brat", "-o", first))
    ok(run("validate", first))
    with open(os.path.join(first, "glossa-schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    expect(schema["relations"] == [{"name": "member", "from": ["PER"], "to": ["ORG"]}], schema["relations"])
    expect([a["type"] for a in schema["labels"][0]["attributes"]] == ["choice", "boolean", "text"],
           schema["labels"][0])
    doc = annotations(first, "a")
    expect(doc["spans"][0]["attributes"] == {"role": "witness", "comment": "the CEO, since May"},
           doc["spans"][0])
    expect(doc["spans"][1]["attributes"] == {"negated": True, "founded": "1998-XX"}, doc["spans"][1])

    out = os.path.join(tmp, "out")
    ok(run("export", first, "--format", "brat", "-o", out))
    again = os.path.join(tmp, "again")
    ok(run("import", out, "--format", "brat", "-o", again))
    before, after = files_of(first), files_of(again)
    expect(sorted(before) == sorted(after), (sorted(before), sorted(after)))
    for name in before:
        expect(before[name] == after[name], "%s differs:\n%s\n%s" % (name, before[name], after[name]))


@test
def bad_links_name_file_and_line(tmp):
    src = os.path.join(tmp, "src")
    os.mkdir(src)
    with open(os.path.join(src, "a.txt"), "w", encoding="utf-8") as f:
        f.write("Putin said \u201cno\u201d.")
    ann = os.path.join(src, "a.ann")
    out = os.path.join(tmp, "out")
    cases = [
        ("T1\tactor 0 5\tPutin\nT2\tquote 11 15\t\u201cno\u201d\nR1\tsource Arg1:T2 Arg2:T7\n", [],
         "a.ann:3: R1: no span has the id \u201cT7\u201d"),
        ("T1\tPerson 0 5\tPutin\nT2\tQuote 11 15\t\u201cno\u201d\nR1\tSaid Arg1:T2 Arg2:T1\n",
         ["--map", "Person=actor", "--map", "Quote=quote"],
         "a.ann:3: R1: \u201cSaid\u201d is not a link type of the schema; map it with --map-link Said=TYPE"),
        ("T1\tactor 0 5\tPutin\nT2\tquote 11 15\t\u201cno\u201d\nA1\tNegated T2\nR1\tsource Arg1:T2\n", [],
         "a.ann:4: expected \u201cID<TAB>TYPE Arg1:ID Arg2:ID\u201d"),
    ]
    for contents, args, message in cases:
        with open(ann, "w", encoding="utf-8") as f:
            f.write(contents)
        result = run("import", src, "--format", "brat", *args, "-o", out)
        expect(result.returncode == 1, "exit %d: %s" % (result.returncode, result.stderr))
        expect(ann + message[len("a.ann"):] in result.stderr, result.stderr)
        expect(not os.path.exists(out), "something was written")

    # Mapped, the same link is written; --drop-unmapped leaves it out.
    with open(ann, "w", encoding="utf-8") as f:
        f.write(cases[1][0])
    ok(run("import", src, "--format", "brat", *cases[1][1], "--map-link", "Said=source", "-o", out))
    expect(annotations(out, "a")["relations"] == [{"id": "r1", "type": "source", "from": "s2", "to": "s1"}])
    # A rule whose target is no link type is a typo, even with --drop-unmapped.
    shutil.rmtree(out)
    result = run("import", src, "--format", "brat", *cases[1][1], "--map-link", "Said=sourc",
                 "--drop-unmapped", "-o", out)
    expect(result.returncode == 1 and ann + ":3: R1: --map-link Said=sourc: the schema has no link type "
           "\u201csourc\u201d (it has: source)" in result.stderr, result.stderr)
    expect(not os.path.exists(out))
    dropped = os.path.join(tmp, "dropped")
    result = ok(run("import", src, "--format", "brat", *cases[1][1], "--drop-unmapped", "-o", dropped))
    expect("1 link left out" in result.stderr, result.stderr)
    expect("relations" not in annotations(dropped, "a"))


@test
def jsonl_value_source_checked(tmp):
    """A JSONL span's value_source other than auto or annotator is refused,
    naming the line and span, and nothing is written: the loader would not
    read the file the import made (found by fuzz-import-jsonl)."""
    src = os.path.join(tmp, "in.jsonl")
    line = {"id": "a", "text": "Putin spoke on Tuesday.", "date": "2021-12-30",
            "spans": [{"id": "s1", "start": 15, "end": 22, "label": "date",
                       "attributes": {"value": "2021-12-28"}, "value_source": "guess"}]}
    with open(src, "w", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
    out = os.path.join(tmp, "out")
    result = run("import", src, "--format", "jsonl", "-o", out)
    expect(result.returncode == 1, "exit %d: %s" % (result.returncode, result.stderr))
    expect("spans[0]: \u201cvalue_source\u201d must be \"auto\" or \"annotator\"" in result.stderr,
           result.stderr)
    expect(not os.path.exists(out), "something was written")
    line["spans"][0]["value_source"] = "annotator"
    with open(src, "w", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
    ok(run("import", src, "--format", "jsonl", "-o", out))
    expect(annotations(out, "a")["spans"][0]["value_source"] == "annotator")


@test
def map_link_usage(tmp):
    for bad in ["source", "=source", "Said=", "Content>=source", ">Source=source", "A>B>C=source"]:
        result = run("import", tmp, "--format", "brat", "--map-link", bad, "-o", os.path.join(tmp, "o"))
        expect(result.returncode == 2, "%s: exit %d: %s" % (bad, result.returncode, result.stderr))
        expect("--map-link" in result.stderr, result.stderr)


@test
def jsonl_corpus_links_exported(tmp):
    # A JSONL corpus keeps its links in FILE.annotations.jsonl: they reach
    # every export.
    corpus = os.path.join(tmp, "c.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "one", "text": "Putin said \u201cno\u201d."}) + "\n")
    with open(os.path.join(tmp, "c.annotations.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "one", "status": "done", "annotator": "a", "spans": [
            {"id": "s1", "start": 0, "end": 5, "label": "actor", "text": "Putin"},
            {"id": "s2", "start": 11, "end": 15, "label": "quote", "text": "\u201cno\u201d"}],
            "relations": [{"id": "r1", "type": "source", "from": "s2", "to": "s1"}]}) + "\n")
    brat = os.path.join(tmp, "brat")
    ok(run("export", corpus, "--format", "brat", "-o", brat))
    with open(os.path.join(brat, "one.ann"), encoding="utf-8") as f:
        expect("R1\tsource Arg1:T2 Arg2:T1\n" in f.read())
    out = os.path.join(tmp, "out.jsonl")
    ok(run("export", corpus, "-o", out))
    with open(out, encoding="utf-8") as f:
        line = json.loads(f.readline())
    expect(line["relations"] == [{"id": "r1", "type": "source", "from": "s2", "to": "s1"}], line)


@test
def label_studio_relations(tmp):
    path = os.path.join(tmp, "tasks.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump([{"id": 3, "data": {"text": "Putin said \u201cno\u201d."}, "annotations": [{"result": [
            {"id": "q", "type": "labels", "value": {"start": 11, "end": 15, "labels": ["Quote"]}},
            {"id": "p", "type": "labels", "value": {"start": 0, "end": 5, "labels": ["Person"]}},
            {"type": "relation", "from_id": "q", "to_id": "p", "direction": "right", "labels": ["said-by"]},
        ]}]}], f)
    out = os.path.join(tmp, "out")
    ok(run("import", path, "--format", "label-studio", "--map", "Quote=quote", "--map", "Person=actor",
           "--map-link", "said-by=source", "-o", out))
    expect(annotations(out, "3")["relations"] == [{"id": "r1", "type": "source", "from": "s2", "to": "s1"}])


LS_CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="Person" background="orange" hotkey="p"/>
    <Label value="Quote" background="#36c" hotkey="q"/>
    <Label value="Place" background="#00AA77" hotkey="1"/>
    <Label value="Date" hotkey="Q"/>
  </Labels>
  <Relations>
    <Relation value="said-by"/>
  </Relations>
</View>
"""


def ls_config_files(tmp, config):
    tasks = os.path.join(tmp, "tasks.json")
    with open(tasks, "w", encoding="utf-8") as f:
        json.dump([{"id": 3, "data": {"text": "Putin said \u201cno\u201d."}, "annotations": [{"result": [
            {"id": "q", "type": "labels", "value": {"start": 11, "end": 15, "labels": ["Quote"]}},
            {"id": "p", "type": "labels", "value": {"start": 0, "end": 5, "labels": ["Person"]}},
            {"type": "relation", "from_id": "q", "to_id": "p", "direction": "right", "labels": ["said-by"]},
        ]}]}], f)
    path = os.path.join(tmp, "config.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(config)
    return tasks, path


@test
def label_studio_config(tmp):
    # The config's four labels in its order, with its colours and keys; a
    # key Glossa uses and one another label has are dropped with a warning.
    tasks, config = ls_config_files(tmp, LS_CONFIG)
    out = os.path.join(tmp, "out")
    result = ok(run("import", tasks, "--format", "label-studio", "--config", config, "-o", out))
    with open(os.path.join(out, "glossa-schema.json"), encoding="utf-8") as f:
        written = f.read()
    expect(written == (
        '{\n  "format": "glossa-schema",\n  "version": 1,\n  "labels": [\n'
        '    {\n      "name": "Person",\n      "key": "p",\n      "color": "#ffa500"\n    },\n'
        '    {\n      "name": "Quote",\n      "key": "q",\n      "color": "#3366cc"\n    },\n'
        '    {\n      "name": "Place",\n      "color": "#00aa77"\n    },\n'
        '    {\n      "name": "Date",\n      "color": "#9141ac"\n    }\n  ],\n'
        '  "relations": [\n    {\n      "name": "said-by",\n      "from": [],\n      "to": []\n    }\n  ]\n}\n'),
        written)
    expect(config + ":6:59: the label \u201cPlace\u201d: the key \u201c1\u201d is one of Glossa" in result.stderr,
           result.stderr)
    expect(config + ":7:37: the label \u201cDate\u201d: the key \u201cQ\u201d is already used by \u201cQuote\u201d"
           in result.stderr, result.stderr)
    expect(annotations(out, "3")["relations"] == [{"id": "r1", "type": "said-by", "from": "s2", "to": "s1"}])


@test
def label_studio_config_bad(tmp):
    tasks, config = ls_config_files(tmp, "<View>\n  <Labels>\n    <Label value=\"A\">\n  </Labels>\n</View>\n")
    out = os.path.join(tmp, "out")
    result = run("import", tasks, "--format", "label-studio", "--config", config, "-o", out)
    expect(result.returncode == 1, "exit %d: %s" % (result.returncode, result.stderr))
    expect(config + ":4:12: Element" in result.stderr, result.stderr)
    expect(not os.path.exists(out), "an output was left")


@test
def label_studio_config_usage(tmp):
    tasks, config = ls_config_files(tmp, LS_CONFIG)
    out = os.path.join(tmp, "out")
    for args in (["--format", "doccano"], [], ["--format", "label-studio", "--map", "Quote=quote"],
                 ["--format", "label-studio", "--drop-unmapped"]):
        result = run("import", tasks, "--config", config, "-o", out, *args)
        expect(result.returncode == 2, "%s: exit %d: %s" % (args, result.returncode, result.stderr))
        expect("--config" in result.stderr, result.stderr)
    # -o naming the config is refused before anything is read.
    result = run("import", tasks, "--format", "label-studio", "--config", config, "-o", config)
    expect(result.returncode == 2, "exit %d: %s" % (result.returncode, result.stderr))
    with open(config, encoding="utf-8") as f:
        expect(f.read() == LS_CONFIG)
    expect(not os.path.exists(out), "an output was left")


report()
