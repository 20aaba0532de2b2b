#!/usr/bin/env python3
# test-search.py: glossa search, its keyword-in-context lines, its JSON and --tag
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-search.py GLOSSA. Prints TAP. Corpora are written here, as
# folders and JSONL files; what --tag writes is read back from disk and
# checked by `glossa validate`.

import json
import os
import shutil
import subprocess

import taptest
from taptest import GLOSSA, expect, glossa, report


ARTICLES = {
    "a": "Ana Lima said the harbour will reopen. Lima added:\n“the port is safe.”",
    "b": "😀 Café talks: LIMA agreed, Limassol did not.",
    "c": "Nothing to see here.",
}


def run(*args):
    result = glossa("search", *args, text=False, env={"LANGUAGE": "C"}, timeout=120)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def ok(*args):
    code, out, err = run(*args)
    expect(code == 0, "glossa search %s: exit %d: %s" % (" ".join(args), code, err))
    return out


def folder(tmp, articles=ARTICLES):
    path = os.path.join(tmp, "corpus")
    os.mkdir(path)
    for name, text in articles.items():
        with open(os.path.join(path, name + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return path


def jsonl(tmp, articles=ARTICLES):
    path = os.path.join(tmp, "corpus.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for name, text in articles.items():
            f.write(json.dumps({"id": name, "text": text}) + "\n")
    return path


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def test(function):
    # A module that is not installed (pandas, scikit-learn) skips the test
    # that needs it instead of failing it.
    return taptest.test(function, skip_missing=True)


@test
def kwic_lines_are_aligned_and_counted(tmp):
    for corpus in (folder(tmp), jsonl(tmp)):
        lines = ok(corpus, "lima").splitlines()
        expect(lines[-1] == "4 matches in 2 articles", "count: %r" % lines[-1])
        hits = lines[:-1]
        expect(len(hits) == 4, "\n".join(lines))
        # The left context is right-aligned to 40 characters: every match
        # starts in column 42, after two spaces.
        for line, match in zip(hits, ["Lima", "Lima", "LIMA", "Lima"]):
            expect(line[40:42 + len(match)] == "  " + match, "not aligned: %r" % line)
        expect(hits[0].rstrip().endswith("a:4-8"), hits[0])
        # The line break before “the port” is shown as a space.
        expect("added: “the port is safe.”" in hits[1], hits[1])
        # Offsets are code points: the emoji is one.
        expect(hits[2].rstrip().endswith("b:14-18"), hits[2])
        expect(hits[3].rstrip().endswith("b:27-31"), hits[3])


@test
def word_and_case_options(tmp):
    corpus = folder(tmp)
    expect(ok(corpus, "lima", "--word").splitlines()[-1] == "3 matches in 2 articles")
    expect(ok(corpus, "Lima", "--case").splitlines()[-1] == "3 matches in 2 articles")
    expect(ok(corpus, "LIMA", "--case", "--word").splitlines()[-1] == "1 match in 1 article")
    expect(ok(corpus, "nowhere").splitlines() == ["0 matches in 0 articles"])
    out = ok(corpus, r"\bL\w+", "--regex", "--case")
    expect(out.splitlines()[-1] == "4 matches in 2 articles", out)


@test
def json_lines_read_by_pandas(tmp):
    import pandas

    corpus = jsonl(tmp)
    out = os.path.join(tmp, "hits.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        f.write(ok(corpus, "lima", "--json"))
    frame = pandas.read_json(out, lines=True)
    expect(list(frame.columns) == ["id", "start", "end", "left", "match", "right", "label", "cover"],
           list(frame.columns))
    expect(len(frame) == 4, "%d rows" % len(frame))
    for row in frame.itertuples():
        text = ARTICLES[row.id]
        expect(text[row.start:row.end] == row.match, "%s: %r at %d:%d" % (row.id, row.match, row.start, row.end))
        expect(text[max(0, row.start - 40):row.start].replace("\n", " ") == row.left, row.left)
        expect(text[row.end:row.end + 40].replace("\n", " ") == row.right, row.right)
    expect(frame["cover"].tolist() == ["none"] * 4, frame["cover"].tolist())


@test
def labels_at_hits(tmp):
    corpus = folder(tmp)
    ok(corpus, "Ana Lima", "--tag", "actor")
    ok(corpus, "said the harbour", "--tag", "claim")
    rows = [json.loads(line) for line in ok(corpus, "lima|harbour", "--regex", "--json").splitlines()]
    got = [(r["id"], r["match"], r["label"], r["cover"]) for r in rows]
    expect(got[0] == ("a", "Lima", "actor", "inside"), got)
    expect(got[1] == ("a", "harbour", "claim", "inside"), got)
    expect(got[2][2:] == (None, "none"), got)
    rows = [json.loads(line) for line in ok(corpus, "ana lima", "--json").splitlines()]
    expect([(r["label"], r["cover"]) for r in rows] == [("actor", "exact")], rows)
    out = ok(corpus, "ana lima")
    expect(out.splitlines()[0].endswith("[actor]"), out)


def spans_of(path):
    with open(path, encoding="utf-8") as f:
        return [(s["start"], s["end"], s["label"], s["text"]) for s in json.load(f)["spans"]]


@test
def tag_writes_the_files_and_validate_passes(tmp):
    corpus = folder(tmp)
    out = ok(corpus, "lima", "--word", "--tag", "actor")
    expect(out.splitlines()[0] == "Tagging 3 matches in 2 articles as actor", out)
    expect(out.splitlines()[-1] == "Tagged 3 matches", out)
    expect(spans_of(os.path.join(corpus, "a.annotations.json")) ==
           [(4, 8, "actor", "Lima"), (39, 43, "actor", "Lima")], spans_of(os.path.join(corpus, "a.annotations.json")))
    expect(spans_of(os.path.join(corpus, "b.annotations.json")) == [(14, 18, "actor", "LIMA")])
    expect(not os.path.exists(os.path.join(corpus, "c.annotations.json")), "c has no match, yet was written")
    result = subprocess.run([GLOSSA, "validate", corpus], capture_output=True)
    expect(result.returncode == 0, result.stdout.decode() + result.stderr.decode())

    # Again: every match already has its span, and nothing is rewritten.
    before = read_bytes(os.path.join(corpus, "a.annotations.json"))
    out = ok(corpus, "lima", "--word", "--tag", "actor")
    expect("Tagging 0 matches in 0 articles as actor" in out, out)
    expect("Skipped 3 matches: a span already has their text" in out, out)
    expect(read_bytes(os.path.join(corpus, "a.annotations.json")) == before, "rewritten")

    corpus = jsonl(tmp)
    ok(corpus, "lima", "--word", "--tag", "actor")
    with open(corpus[:-len(".jsonl")] + ".annotations.jsonl", encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    expect(sorted(line["id"] for line in lines) == ["a", "b"], lines)
    result = subprocess.run([GLOSSA, "validate", corpus], capture_output=True)
    expect(result.returncode == 0, result.stdout.decode() + result.stderr.decode())


@test
def dry_run_writes_nothing(tmp):
    corpus = folder(tmp)
    before = sorted(os.listdir(corpus))
    out = ok(corpus, "lima", "--tag", "quote", "--dry-run")
    lines = out.splitlines()
    expect(lines[-1] == "Would tag 4 matches in 2 articles as quote", out)
    expect(len(lines) == 5 and lines[0].rstrip().endswith("a:4-8"), out)
    expect(sorted(os.listdir(corpus)) == before, "files written: %r" % sorted(os.listdir(corpus)))


@test
def tag_skips_crossing_overlaps(tmp):
    corpus = folder(tmp, {"x": "Ana Lima met Lima Costa."})
    ok(corpus, "na Li", "--tag", "claim")
    out = ok(corpus, "lima", "--tag", "actor")
    expect("Tagging 1 match in 1 article as actor" in out, out)
    expect("Skipped 1 match: it crosses the edge of a span" in out, out)
    expect(spans_of(os.path.join(corpus, "x.annotations.json")) ==
           [(1, 6, "claim", "na Li"), (13, 17, "actor", "Lima")], spans_of(os.path.join(corpus, "x.annotations.json")))


@test
def exit_codes_and_messages(tmp):
    corpus = folder(tmp)
    code, out, err = run(corpus, "(lima", "--regex")
    expect(code == 2 and "(lima" in err and "char 5" in err, "%d %r" % (code, err))
    code, out, err = run(corpus, "lima", "--tag", "speaker")
    expect(code == 2 and "speaker" in err, "%d %r" % (code, err))
    code, out, err = run(corpus, "lima", "--dry-run")
    expect(code == 2, "%d %r" % (code, err))
    code, out, err = run(corpus)
    expect(code == 2, "%d %r" % (code, err))
    missing = os.path.join(tmp, "missing")
    code, out, err = run(missing, "lima")
    expect(code == 1 and missing in err, "%d %r" % (code, err))
    # A FIFO named like a JSONL corpus is refused at once.
    fifo = os.path.join(tmp, "fifo.jsonl")
    os.mkfifo(fifo)
    code, out, err = run(fifo, "lima")
    expect(code == 1 and fifo in err, "%d %r" % (code, err))


SCHEMA_20 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "schema-20", "glossa-schema.json")


@test
def tag_takes_the_corpus_schemas_labels(tmp):
    corpus = folder(tmp)
    shutil.copy(SCHEMA_20, os.path.join(corpus, "glossa-schema.json"))
    # "actor" is a built-in label, not one of this corpus's twenty.
    code, out, err = run(corpus, "lima", "--tag", "actor")
    expect(code == 2 and out == "", "%d %r %r" % (code, out, err))
    expect("“actor” is not a label of this corpus" in err, err)
    expect(os.path.join(corpus, "glossa-schema.json") in err and "PER, ORG, LOC" in err and "QUOTE" in err, err)
    expect(sorted(os.listdir(corpus)) == ["a.txt", "b.txt", "c.txt", "glossa-schema.json"], os.listdir(corpus))
    out = ok(corpus, "lima", "--word", "--tag", "PER")
    expect(out.splitlines()[0] == "Tagging 3 matches in 2 articles as PER", out)
    expect(spans_of(os.path.join(corpus, "b.annotations.json")) == [(14, 18, "PER", "LIMA")])
    result = subprocess.run([GLOSSA, "validate", corpus], capture_output=True)
    expect(result.returncode == 0, result.stdout.decode() + result.stderr.decode())

    # A JSONL corpus: the schema beside it.
    os.mkdir(os.path.join(tmp, "j"))
    corpus = jsonl(os.path.join(tmp, "j"))
    shutil.copy(SCHEMA_20, os.path.join(tmp, "j", "glossa-schema.json"))
    code, out, err = run(corpus, "lima", "--tag", "actor")
    expect(code == 2 and os.path.join(tmp, "j", "glossa-schema.json") in err, "%d %r" % (code, err))
    ok(corpus, "lima", "--word", "--tag", "LOC")
    with open(corpus[:-len(".jsonl")] + ".annotations.jsonl", encoding="utf-8") as f:
        labels = sorted({span["label"] for line in f for span in json.loads(line)["spans"]})
    expect(labels == ["LOC"], labels)


@test
def tag_refuses_a_broken_schema(tmp):
    corpus = folder(tmp)
    with open(os.path.join(corpus, "glossa-schema.json"), "w", encoding="utf-8") as f:
        f.write('{"format": "glossa-schema", "labels": [')
    code, out, err = run(corpus, "lima", "--tag", "actor")
    expect(code == 1 and os.path.join(corpus, "glossa-schema.json") in err, "%d %r" % (code, err))
    expect(not os.path.exists(os.path.join(corpus, "a.annotations.json")), "written under a broken schema")


@test
def unreadable_article_is_named(tmp):
    corpus = folder(tmp)
    with open(os.path.join(corpus, "d.txt"), "wb") as f:
        f.write(b"Lima \xff\xfe")
    code, out, err = run(corpus, "lima")
    expect(code == 1 and "d.txt" in err and "UTF-8" in err, "%d %r" % (code, err))
    expect(out.splitlines()[-1] == "4 matches in 2 articles", out)


report()
