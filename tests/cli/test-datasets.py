#!/usr/bin/env python3
# test-datasets.py: `glossa export`, `glossa import` and `glossa agree` end to end
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-datasets.py GLOSSA. Prints TAP. Runs the real binary on the
# fixtures in tests/data/datasets and checks what it writes the way a Python
# consumer would.

import json
import os
import shutil
import sys
import tempfile

from taptest import expect, ok, report, test
from taptest import glossa as run

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "datasets")
CORPUS = os.path.join(DATA, "corpus")
sys.path.insert(0, DATA)
import check_slices  # noqa: E402

LABELS = ["actor", "quote", "claim", "date"]


def read_jsonl(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [json.loads(line) for line in f]


@test
def export_every_format_and_unit():
    with tempfile.TemporaryDirectory() as tmp:
        ref = os.path.join(tmp, "ref.jsonl")
        ok(run("export", CORPUS, "-o", ref))
        for unit in ["codepoint", "utf16", "byte"]:
            jsonl = os.path.join(tmp, unit + ".jsonl")
            doccano = os.path.join(tmp, unit + "-doccano.jsonl")
            brat = os.path.join(tmp, unit + "-brat")
            ok(run("export", CORPUS, "--offsets", unit, "-o", jsonl))
            ok(run("export", CORPUS, "--offsets", unit, "--format", "doccano", "-o", doccano))
            ok(run("export", CORPUS, "--offsets", unit, "--format", "brat", "-o", brat))
            expect(check_slices.check_jsonl(unit, jsonl) == 22, unit)
            expect(check_slices.check_doccano(unit, doccano, ref) == 22, unit)
            expect(check_slices.check_brat(unit, brat) == 22, unit)
            with open(os.path.join(brat, "annotation.conf"), encoding="utf-8") as f:
                conf = f.read()
            expect(all("\n%s\n" % label in conf for label in LABELS), conf)


@test
def jsonl_fields():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.jsonl")
        ok(run("export", CORPUS, "-o", out))
        docs = read_jsonl(out)
        expect([d["id"] for d in docs] == ["crlf", "mixed", "plain"], docs)
        for d in docs:
            expect(list(d) == ["id", "text", "date", "status", "annotator", "spans", "relations"], list(d))
            for span in d["spans"]:
                expect(list(span)[:6] == ["id", "start", "end", "label", "text", "attributes"], span)
            with open(os.path.join(CORPUS, d["id"] + ".txt"), encoding="utf-8-sig", newline="") as f:
                expect(d["text"] == f.read(), d["id"])
        expect(docs[0]["date"] == "2022-03-01" and docs[2]["date"] is None)
        expect([d["status"] for d in docs] == ["done", "done", "todo"])


@test
def conll_overlaps_reported():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.conll")
        result = ok(run("export", CORPUS, "--format", "conll", "-o", out))
        expect("6 overlapping spans dropped" in result.stderr, result.stderr)
        with open(out, encoding="utf-8") as f:
            lines = f.read().split("\n")
        expect(lines.count("-DOCSTART- O") == 3)
        tags = [l.split(" ")[1] for l in lines if l and not l.startswith("-DOCSTART-")]
        # Every I- continues a B- or I- of the same label.
        previous = "O"
        for line in lines:
            if not line or line.startswith("-DOCSTART-"):
                previous = "O"
                continue
            token, tag = line.split(" ")
            expect(token.strip() == token and token, line)
            if tag.startswith("I-"):
                expect(previous[2:] == tag[2:], line)
            previous = tag
        expect(tags.count("B-actor") > 0 and tags.count("B-date") > 0)

        claims = os.path.join(tmp, "claims.conll")
        result = ok(run("export", CORPUS, "--format", "conll", "--label", "claim", "-o", claims))
        expect("dropped" not in result.stderr, result.stderr)
        with open(claims, encoding="utf-8") as f:
            tags = {l.split(" ")[1] for l in f.read().split("\n") if " " in l}
        expect(tags == {"O", "B-claim", "I-claim"}, tags)


@test
def status_filter():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "done.jsonl")
        result = ok(run("export", CORPUS, "--status", "done", "-o", out))
        expect([d["id"] for d in read_jsonl(out)] == ["crlf", "mixed"])
        expect("1 document left out" in result.stderr, result.stderr)


@test
def splits_reproducible():
    with tempfile.TemporaryDirectory() as tmp:
        outputs = []
        for run_no in range(2):
            out = os.path.join(tmp, "split-%d" % run_no)
            ok(run("export", CORPUS, "--split", "train=0.5,dev=0.25,test=0.25", "--seed", "11", "-o", out))
            expect(sorted(os.listdir(out)) == ["dev.jsonl", "test.jsonl", "train.jsonl"], os.listdir(out))
            parts = {}
            for name in os.listdir(out):
                parts[name] = [d["id"] for d in read_jsonl(os.path.join(out, name))]
            outputs.append(parts)
        expect(outputs[0] == outputs[1], outputs)
        ids = sorted(i for part in outputs[0].values() for i in part)
        expect(ids == ["crlf", "mixed", "plain"], ids)
        brat = os.path.join(tmp, "brat-split")
        ok(run("export", CORPUS, "--format", "brat", "--split", "a=0.5,b=0.5", "-o", brat))
        expect(sorted(os.listdir(brat)) == ["a", "b"])
        expect(check_slices.check_brat("codepoint", os.path.join(brat, "a")) +
               check_slices.check_brat("codepoint", os.path.join(brat, "b")) == 22)


@test
def failure_leaves_nothing():
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        shutil.copytree(CORPUS, corpus)
        # The article changed after it was annotated.
        with open(os.path.join(corpus, "plain.txt"), "a", encoding="utf-8") as f:
            f.write(" More.")
        for fmt, name in [("jsonl", "out.jsonl"), ("brat", "brat"), ("conll", "out.conll")]:
            result = run("export", corpus, "--format", fmt, "-o", os.path.join(tmp, name))
            expect(result.returncode == 1, "%s: exit %d" % (fmt, result.returncode))
            expect("plain" in result.stderr, result.stderr)
        expect(os.listdir(tmp) == ["corpus"], os.listdir(tmp))

        keep = os.path.join(tmp, "keep")
        os.mkdir(keep)
        with open(os.path.join(keep, "mine.txt"), "w") as f:
            f.write("mine")
        result = run("export", CORPUS, "--format", "brat", "-o", keep)
        expect(result.returncode == 2, result.stderr)
        expect(os.listdir(keep) == ["mine.txt"])


@test
def import_roundtrip():
    with tempfile.TemporaryDirectory() as tmp:
        for unit in ["codepoint", "utf16", "byte"]:
            first = os.path.join(tmp, "first-%s.jsonl" % unit)
            again = os.path.join(tmp, "again-%s.jsonl" % unit)
            corpus = os.path.join(tmp, "imported-" + unit)
            ok(run("export", CORPUS, "--offsets", unit, "-o", first))
            ok(run("import", first, "--offsets", unit, "-o", corpus))
            ok(run("export", corpus, "--offsets", unit, "-o", again))
            with open(first, "rb") as a, open(again, "rb") as b:
                expect(a.read() == b.read(), unit)
            with open(os.path.join(corpus, "mixed.annotations.json"), encoding="utf-8") as f:
                spans = json.load(f)["spans"]
            expect(spans and all(s["origin"] == "imported" for s in spans))

        for fmt, offsets in [("doccano", "utf16"), ("brat", "codepoint")]:
            out = os.path.join(tmp, "out-" + fmt + ("" if fmt == "brat" else ".jsonl"))
            corpus = os.path.join(tmp, "from-" + fmt)
            again = os.path.join(tmp, "again-" + fmt + ".jsonl")
            ok(run("export", CORPUS, "--format", fmt, "--offsets", offsets, "-o", out))
            ok(run("import", out, "--format", fmt, "-o", corpus))
            ok(run("export", corpus, "-o", again))
            spans = {d["id"]: d["spans"] for d in read_jsonl(again)}
            ref = {d["id"]: d["spans"] for d in read_jsonl(os.path.join(tmp, "first-codepoint.jsonl"))}
            if fmt == "doccano":
                # doccano has no notes.
                ref = {k: [{f: x for f, x in s.items() if f != "note"} for s in v] for k, v in ref.items()}
            expect(spans == ref, fmt)


@test
def nested_ids_survive():
    # A folder corpus's ids are relative paths; export and import keep them.
    with tempfile.TemporaryDirectory() as tmp:
        nested = os.path.join(tmp, "nested")
        os.makedirs(os.path.join(nested, "2021"))
        for name in ["mixed", "plain"]:
            for ext in [".txt", ".annotations.json"]:
                target = os.path.join(nested, "2021" if name == "mixed" else "", name + ext)
                shutil.copy(os.path.join(CORPUS, name + ext), target)
        first = os.path.join(tmp, "first.jsonl")
        ok(run("export", nested, "-o", first))
        expect([d["id"] for d in read_jsonl(first)] == ["2021/mixed", "plain"], read_jsonl(first))

        imported = os.path.join(tmp, "imported")
        ok(run("import", first, "-o", imported))
        expect(os.path.exists(os.path.join(imported, "2021", "mixed.annotations.json")))
        with open(os.path.join(imported, "2021", "mixed.annotations.json"), encoding="utf-8") as f:
            document = json.load(f)["document"]
        expect(document["id"] == "mixed" and document["file"] == "mixed.txt", document)
        again = os.path.join(tmp, "again.jsonl")
        ok(run("export", imported, "-o", again))
        with open(first, "rb") as a, open(again, "rb") as b:
            expect(a.read() == b.read())

        brat = os.path.join(tmp, "brat")
        ok(run("export", nested, "--format", "brat", "-o", brat))
        expect(check_slices.check_brat("codepoint", os.path.join(brat, "2021")) == 16)

        report = json.loads(ok(run("agree", nested, imported, "--json")).stdout)
        expect(report["documents"] == 2 and report["overall"]["exact"]["f1"] == 1.0, report)


@test
def import_unknown_labels():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "corpus")
        source = os.path.join(DATA, "doccano-label.jsonl")
        # with --map, every label must be mapped (without, they are kept: test-export-schema.py)
        result = run("import", source, "--format", "doccano", "--map", "PER=actor", "-o", out)
        expect(result.returncode == 1, result.stderr)
        expect("“LOC” (1), “QUOTE” (1)" in result.stderr, result.stderr)
        expect(not os.path.exists(out))

        result = ok(run("import", source, "--format", "doccano", "--map", "PER=actor",
                        "--map", "QUOTE=quote", "--drop-unmapped", "-o", out))
        expect("1 span with an unmapped label left out" in result.stderr, result.stderr)
        expect(sorted(os.listdir(out)) == ["7.annotations.json", "7.txt",
                                          "document-2.annotations.json", "document-2.txt"])


@test
def import_label_studio_and_brat():
    with tempfile.TemporaryDirectory() as tmp:
        ls = os.path.join(tmp, "ls")
        ok(run("import", os.path.join(DATA, "label-studio.json"), "--format", "label-studio",
               "--map", "Person=actor", "--map", "Date=date", "-o", ls))
        with open(os.path.join(ls, "42.annotations.json"), encoding="utf-8") as f:
            spans = json.load(f)["spans"]
        expect([(s["text"], s["label"]) for s in spans] == [("Anna Keller", "actor"), ("autumn", "date")])

        # The fixture's R line is of a type the built-in schema lacks: it
        # fails naming the line until it is mapped.
        brat = os.path.join(tmp, "brat")
        args = ["import", os.path.join(DATA, "brat"), "--format", "brat", "--map", "Person=actor",
                "--map", "Quote=quote", "--map", "Date=date", "-o", brat]
        result = run(*args)
        expect(result.returncode == 1 and "crlf.ann:5: R1: “Speaker” is not a link type" in result.stderr,
               result.stderr)
        expect(not os.path.exists(brat))
        result = ok(run(*args, "--map-link", "Speaker=source"))
        expect("T2 has 2 fragments" in result.stderr, result.stderr)
        expect("1 brat line skipped" in result.stderr, result.stderr)
        expect("1 link turned round" in result.stderr, result.stderr)
        with open(os.path.join(brat, "crlf.annotations.json"), encoding="utf-8") as f:
            doc = json.load(f)
        expect(doc["spans"][0]["note"] == "the minister", doc["spans"])
        expect(doc["relations"] == [{"id": "r1", "type": "source", "from": "s2", "to": "s1"}], doc)


@test
def import_output_validates():
    # Issue 9, case 7: whatever import writes, `glossa validate` accepts; a
    # value it would refuse fails the import, naming the line, with nothing
    # written.
    maps = ["--map", "PER=actor", "--map", "LOC=actor", "--map", "QUOTE=quote",
            "--map", "Person=actor", "--map", "Quote=quote", "--map", "Date=date"]
    inputs = [("doccano-label.jsonl", "doccano"), ("doccano-entities.jsonl", "doccano"),
              ("label-studio.json", "label-studio"), ("brat", "brat")]
    with tempfile.TemporaryDirectory() as tmp:
        exported = os.path.join(tmp, "export.jsonl")
        ok(run("export", CORPUS, "-o", exported))
        inputs.append((exported, "jsonl"))
        for i, (name, fmt) in enumerate(inputs):
            out = os.path.join(tmp, "out-%d" % i)
            ok(run("import", os.path.join(DATA, name), "--format", fmt, "--drop-unmapped", *maps, "-o", out))
            ok(run("validate", out))

        for date in ["2024-02-30", "not a date"]:
            source = os.path.join(tmp, "dated.jsonl")
            out = os.path.join(tmp, "dated")
            with open(source, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": "a", "text": "x"}) + "\n")
                f.write(json.dumps({"id": "b", "text": "y", "date": date}) + "\n")
            result = run("import", source, "-o", out)
            expect(result.returncode == 1, result.stderr)
            expect("dated.jsonl:2: date: “%s” is not a date as YYYY-MM-DD" % date in result.stderr,
                   result.stderr)
            expect(not os.path.exists(out))


@test
def import_unused_map_rule():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "corpus")
        result = ok(run("import", os.path.join(DATA, "doccano-label.jsonl"), "--format", "doccano",
                        "--map", "PER=actor", "--map", "Persn=actor", "--drop-unmapped", "-o", out))
        expect("--map Persn=actor: no span has the label “Persn”" in result.stderr, result.stderr)
        expect("PER=actor:" not in result.stderr, result.stderr)


def python_scores(a_docs, b_docs):
    # The definitions of the README, computed independently of Glossa.
    def prf(match_a, n_a, match_b, n_b):
        p = match_a / n_a if n_a else None
        r = match_b / n_b if n_b else None
        f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
        return {"precision": p, "recall": r, "f1": f}

    def overlaps(x, others):
        return any(x["start"] < y["end"] and y["start"] < x["end"] for y in others)

    counts = {l: [0, 0, 0, 0, 0] for l in LABELS}
    for doc_id, a in a_docs.items():
        if doc_id not in b_docs:
            continue
        b = b_docs[doc_id]
        for label in LABELS:
            sa = [s for s in a if s["label"] == label]
            sb = [s for s in b if s["label"] == label]
            keys_b = {(s["start"], s["end"]) for s in sb}
            c = counts[label]
            c[0] += len(sa)
            c[1] += len(sb)
            c[2] += sum((s["start"], s["end"]) in keys_b for s in sa)
            c[3] += sum(overlaps(s, sb) for s in sa)
            c[4] += sum(overlaps(s, sa) for s in sb)
    result = {}
    for label, c in counts.items():
        result[label] = {"exact": prf(c[2], c[0], c[2], c[1]), "overlap": prf(c[3], c[0], c[4], c[1])}
    total = [sum(c[i] for c in counts.values()) for i in range(5)]
    result["overall"] = {"exact": prf(total[2], total[0], total[2], total[1]),
                         "overlap": prf(total[3], total[0], total[4], total[1])}
    return result


def close(a, b):
    if a is None or b is None:
        return a is b
    return abs(a - b) < 1e-9


@test
def agree_against_python():
    with tempfile.TemporaryDirectory() as tmp:
        a_path = os.path.join(tmp, "a.jsonl")
        ok(run("export", CORPUS, "-o", a_path))
        # B: another annotator who moved, relabelled and dropped some spans
        # and has a document A lacks.
        docs = read_jsonl(a_path)
        for d in docs:
            spans = []
            for i, s in enumerate(d["spans"]):
                if i % 5 == 1:
                    continue
                s = dict(s)
                if i % 5 == 2 and s["end"] - s["start"] > 2:
                    s["end"] -= 1
                    s["text"] = s["text"][:-1]
                if i % 5 == 3:
                    s["label"] = LABELS[(LABELS.index(s["label"]) + 1) % 4]
                spans.append(s)
            d["spans"] = sorted(spans, key=lambda s: (s["start"], s["end"], LABELS.index(s["label"])))
        docs.append({"id": "extra", "text": "Nothing.", "spans": []})
        b_path = os.path.join(tmp, "b.jsonl")
        with open(b_path, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")

        report = json.loads(ok(run("agree", a_path, b_path, "--json")).stdout)
        expect(report["documents"] == 3 and report["only_in_a"] == [] and report["only_in_b"] == ["extra"])
        expected = python_scores({d["id"]: d["spans"] for d in read_jsonl(a_path)},
                                 {d["id"]: d["spans"] for d in docs})
        for key, figures in expected.items():
            got = report["overall"] if key == "overall" else report["labels"][key]
            for kind in ["exact", "overlap"]:
                for name, value in figures[kind].items():
                    expect(close(got[kind][name], value), "%s %s %s: %r != %r"
                           % (key, kind, name, got[kind][name], value))
            expect(got["kappa"] is None or -1 <= got["kappa"] <= 1, got)

        # An article without an annotation file was not annotated.
        partial = os.path.join(tmp, "partial")
        shutil.copytree(CORPUS, partial)
        os.unlink(os.path.join(partial, "mixed.annotations.json"))
        report = json.loads(ok(run("agree", partial, a_path, "--json")).stdout)
        expect(report["documents"] == 2 and report["only_in_a"] == [] and report["only_in_b"] == ["mixed"],
               report)

        # The same corpus as a folder and as its own export agrees fully.
        same = json.loads(ok(run("agree", CORPUS, a_path, "--json")).stdout)
        expect(same["overall"]["exact"]["f1"] == 1.0 and same["overall"]["kappa"] == 1.0, same)
        table = ok(run("agree", CORPUS, a_path)).stdout
        expect("overall" in table and "kappa" in table, table)


@test
def agree_with_no_shared_document():
    # The same spans under other ids: nothing to compare, and saying
    # "null" for every figure would hide that the ids do not match.
    with tempfile.TemporaryDirectory() as tmp:
        a_path = os.path.join(tmp, "a.jsonl")
        b_path = os.path.join(tmp, "b.jsonl")
        ok(run("export", CORPUS, "-o", a_path))
        records = read_jsonl(a_path)
        with open(b_path, "w", encoding="utf-8") as f:
            for record in records:
                record["id"] = "other-" + record["id"]
                f.write(json.dumps(record) + "\n")
        for args in [(a_path, b_path), (b_path, CORPUS)]:
            result = run("agree", *args, "--json")
            expect(result.returncode == 1, "exit %d: %s" % (result.returncode, result.stderr))
            expect(result.stdout == "", result.stdout)
            lines = result.stderr.splitlines()
            expect(len(lines) == 1, lines)
            expect(args[0] in lines[0] and args[1] in lines[0], lines[0])
            expect("no annotated document in common" in lines[0], lines[0])
            expect("“other-" in lines[0], lines[0])


@test
def usage_errors():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        for args in [["export"], ["export", CORPUS], ["export", CORPUS, "--format", "xml", "-o", out],
                     ["export", CORPUS, "--offsets", "utf8", "-o", out],
                     ["export", CORPUS, "--split", "train=0.9", "-o", out],
                     ["export", CORPUS, "--status", "finished", "-o", out],
                     ["export", CORPUS, "--label", "person", "-o", out],
                     ["import", CORPUS], ["import", CORPUS, "--map", "PER=person", "-o", out],
                     ["import", CORPUS, "--format", "conll", "-o", out],
                     ["agree", CORPUS]]:
            result = run(*args)
            expect(result.returncode == 2, "%s: exit %d" % (args, result.returncode))
        expect(os.listdir(tmp) == [])
        for command in ["export", "import", "agree"]:
            result = ok(run(command, "--help"))
            expect("Usage:" in result.stdout, result.stdout)


report()
