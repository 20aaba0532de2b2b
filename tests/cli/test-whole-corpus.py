#!/usr/bin/env python3
# test-whole-corpus.py: validate, stats and export on whole corpora with bad files among good ones
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-whole-corpus.py GLOSSA. Prints TAP. Each test writes a folder
# corpus or a JSONL corpus with Python (so the files do not depend on the C
# core) in which three files (or lines) are bad in three different ways,
# runs the real binary and checks every message, the exit status, and what
# is on disk afterwards. A run must name every bad file, not only the first.

import hashlib
import json
import os
import subprocess

from taptest import expect, expect_exit, report, test, write
from taptest import glossa as run

LABELS = ["actor", "quote", "claim", "date"]
TEXT = "Alice met Bob on Monday."


def span(id, start, end, label):
    return {"id": id, "start": start, "end": end, "label": label, "text": TEXT[start:end]}


def annotations(name, spans, status="done"):
    raw = TEXT.encode("utf-8")
    return json.dumps({
        "format": "glossa-annotations", "version": 1,
        "document": {"id": os.path.basename(name), "file": os.path.basename(name) + ".txt",
                     "sha256": hashlib.sha256(raw).hexdigest(), "length": len(TEXT),
                     "date": None},
        "labels": LABELS, "status": status, "annotator": "ann", "spans": spans,
    }, indent=2) + "\n"


# The good documents of both corpora: id -> spans.
GOOD = {
    "a": [span("s1", 0, 5, "actor")],
    "b": [span("s1", 10, 13, "actor"), span("s2", 17, 23, "date")],
    "sub/c": [span("s1", 0, 5, "actor")],
}


def folder_corpus(tmp):
    """Three annotated articles, one not annotated yet, and three bad files:
    an article that is not UTF-8, an annotation file that is not JSON, one
    with an unknown label. Returns the folder (relative to @tmp) and the
    messages expected, in the order the files are listed."""
    folder = os.path.join(tmp, "corpus")
    for name, spans in GOOD.items():
        write(os.path.join(folder, name + ".txt"), TEXT)
        write(os.path.join(folder, name + ".annotations.json"), annotations(name, spans))
    write(os.path.join(folder, "todo.txt"), TEXT)
    write(os.path.join(folder, "latin.txt"), "Café met Bob.".encode("latin-1"))
    write(os.path.join(folder, "syntax.txt"), TEXT)
    write(os.path.join(folder, "syntax.annotations.json"), '{"format": "glossa-annotations",,}\n')
    write(os.path.join(folder, "sub", "label.txt"), TEXT)
    bad_label = json.loads(annotations("sub/label", [span("s1", 0, 5, "actor")]))
    bad_label["spans"][0]["label"] = "person"
    write(os.path.join(folder, "sub", "label.annotations.json"), json.dumps(bad_label))
    messages = [
        "corpus/latin.txt: the article is not valid UTF-8 at byte 3 (0xE9)",
        "corpus/sub/label.annotations.json: spans[0].label: the label “person” is not one of "
        "actor, quote, claim, date (there is no glossa-schema.json for this corpus)",
        "corpus/syntax.annotations.json:1:33: expected a key in double quotes, found “,”",
    ]
    return "corpus", messages


def corpus_line(id, spans=None, **extra):
    line = {"id": id, "text": TEXT}
    line.update(extra)
    if spans is not None:
        line["spans"] = spans
    return json.dumps(line)


def jsonl_corpus(tmp):
    """news.jsonl with four good articles and two bad lines (not JSON, a span
    beyond the text), news.annotations.jsonl with a line whose span text is
    not the article's. Returns the corpus (relative to @tmp) and the
    messages expected."""
    lines = [
        corpus_line("a", date="2024-03-01"),
        corpus_line("b", [span("p1", 0, 5, "actor")]),
        '{"id": "broken", "text": }',
        corpus_line("sub/c"),
        corpus_line("offsets", [{"id": "p1", "start": 10, "end": 50, "label": "actor", "text": "Bob"}]),
        corpus_line("d"),
        corpus_line("e"),
    ]
    write(os.path.join(tmp, "news.jsonl"), "\n".join(lines) + "\n")
    wrong = span("s1", 0, 5, "actor")
    wrong["text"] = "Alicia"
    ann = [
        {"id": "a", "status": "done", "annotator": "x", "spans": GOOD["a"]},
        {"id": "d", "status": "done", "annotator": "x", "spans": [wrong]},
        {"id": "sub/c", "status": "in-progress", "annotator": "x", "spans": GOOD["sub/c"]},
    ]
    write(os.path.join(tmp, "news.annotations.jsonl"), "".join(json.dumps(a) + "\n" for a in ann))
    messages = [
        "news.jsonl:3:26: unexpected “}”, expected a value",
        "news.jsonl:5: spans[0].end: 50 is beyond the article's 24 characters",
        "news.annotations.jsonl:2: spans[0].text: “Alicia” differs from the article's text "
        "at 0–5, “Alice”",
    ]
    return "news.jsonl", messages


def listing(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder)
                  for d, _, files in os.walk(folder) for f in files)


def problem_lines(result):
    return [l for l in result.stderr.splitlines() if not l.startswith("glossa ")]


# validate

@test
def validate_folder_names_every_problem(tmp):
    folder, messages = folder_corpus(tmp)
    before = listing(tmp)
    result = run("validate", folder, cwd=tmp)
    expect_exit(result, 1)
    expect(problem_lines(result) == messages, result.stderr)
    # Every article and annotation file is read, and counted once.
    n_files = len(listing(os.path.join(tmp, folder)))
    expect(result.stdout.splitlines()[-1] == "%d files, 3 problems" % n_files, result.stdout)
    expect("corpus/todo.txt: valid, not annotated yet" in result.stdout, result.stdout)
    expect(listing(tmp) == before, "validate changed files")


@test
def validate_folder_all_good(tmp):
    folder, _ = folder_corpus(tmp)
    for name in ("latin.txt", "syntax.annotations.json", "sub/label.annotations.json"):
        os.remove(os.path.join(tmp, folder, name))
    result = run("validate", folder, cwd=tmp)
    expect_exit(result, 0)
    expect(result.stderr == "", result.stderr)
    n_files = len(listing(os.path.join(tmp, folder)))
    expect(result.stdout.splitlines()[-1] == "%d files, 0 problems" % n_files, result.stdout)


@test
def validate_jsonl_corpus(tmp):
    corpus, messages = jsonl_corpus(tmp)
    before = listing(tmp)
    # The corpus, or its annotations file standing for it: the same checks.
    for arg in (corpus, "news.annotations.jsonl"):
        result = run("validate", arg, cwd=tmp)
        expect_exit(result, 1)
        expect(problem_lines(result) == messages, "%s: %s" % (arg, result.stderr))
        expect(result.stdout.splitlines() == ["2 files, 3 problems"], result.stdout)
    result = run("validate", "--quiet", corpus, cwd=tmp)
    expect_exit(result, 1)
    expect(result.stdout == "", result.stdout)
    expect(listing(tmp) == before, "validate changed files")


@test
def validate_jsonl_good(tmp):
    lines = [corpus_line(id, spans) for id, spans in GOOD.items()]
    write(os.path.join(tmp, "good.jsonl"), "\n".join(lines) + "\n")
    result = run("validate", "good.jsonl", cwd=tmp)
    expect_exit(result, 0)
    expect(result.stderr == "", result.stderr)
    expect(result.stdout.splitlines() == ["good.jsonl: valid, 3 documents", "1 file, 0 problems"],
           result.stdout)


@test
def validate_jsonl_bad_date(tmp):
    write(os.path.join(tmp, "dates.jsonl"),
          corpus_line("a", date="2024-02-30") + "\n" + corpus_line("b", date="2024-02-29") + "\n")
    result = run("validate", "dates.jsonl", cwd=tmp)
    expect_exit(result, 1)
    expect(problem_lines(result) == [
        "dates.jsonl:1: date: “2024-02-30” is not a date as YYYY-MM-DD; "
        "the article is listed without a date"], result.stderr)


@test
def validate_jsonl_hostile(tmp):
    # A FIFO or a link to a device named like a JSONL corpus is refused at
    # once, naming it, never read without end.
    os.mkfifo(os.path.join(tmp, "fifo.jsonl"))
    os.symlink("/dev/zero", os.path.join(tmp, "zero.jsonl"))
    for name, what in (("fifo.jsonl", "named pipe (FIFO)"), ("zero.jsonl", "a device")):
        try:
            result = run("validate", name, cwd=tmp, timeout=10)
        except subprocess.TimeoutExpired:
            raise AssertionError("%s: validate hangs" % name)
        expect_exit(result, 1)
        expect(name in result.stderr and what in result.stderr, result.stderr)
        expect(result.stdout.splitlines()[-1] == "1 file, 1 problem", result.stdout)


# stats

# stats reads annotation files quickly (status and labels), and says the
# same of a label its corpus does not have.
STATS_LABEL = ("corpus/sub/label.annotations.json: spans[0].label: the label “person” is not one of "
               "actor, quote, claim, date (there is no glossa-schema.json for this corpus)")


@test
def stats_folder_unreadable_apart(tmp):
    folder, messages = folder_corpus(tmp)
    result = run("stats", "--json", folder, cwd=tmp)
    expect_exit(result, 1)
    # Only annotation files are read: the article that is not UTF-8 and has
    # none is an article nobody has opened, todo.
    expect(result.stderr.splitlines() == [STATS_LABEL, messages[2]], result.stderr)
    got = json.loads(result.stdout)
    n_spans = sum(len(s) for s in GOOD.values())
    expect(got["unreadable"] == 2, got)
    expect(got["status"] == {"todo": 2, "in-progress": 0, "done": len(GOOD)}, got)
    expect(got["documents"] == len(GOOD) + 2, got)
    expect(got["spans"] == n_spans, got)

    result = run("stats", folder, cwd=tmp)
    expect_exit(result, 1)
    rows = dict(line.rsplit(None, 1) for line in result.stdout.splitlines())
    expect(int(rows["Unreadable"]) == 2, result.stdout)
    expect(int(rows["  todo"]) == 2, result.stdout)


@test
def stats_files_unreadable_apart(tmp):
    folder, messages = folder_corpus(tmp)
    result = run("stats", "--json", "corpus/a.txt", "corpus/syntax.annotations.json",
                 "corpus/sub/label.txt", cwd=tmp)
    expect_exit(result, 1)
    expect(result.stderr.splitlines() == [messages[2], STATS_LABEL], result.stderr)
    got = json.loads(result.stdout)
    expect(got["unreadable"] == 2 and got["documents"] == 1, got)
    expect(got["status"]["todo"] == 0, got)


@test
def stats_jsonl_unreadable_line(tmp):
    corpus, _ = jsonl_corpus(tmp)
    with open(os.path.join(tmp, "news.annotations.jsonl"), "a", encoding="utf-8") as f:
        f.write('{"id": "e", "status": "done",\n')
    result = run("stats", "--json", corpus, cwd=tmp)
    expect_exit(result, 1)
    expect("news.annotations.jsonl:4:30: unexpected end of input, expected a key"
           in result.stderr.splitlines(), result.stderr)
    got = json.loads(result.stdout)
    expect(got["unreadable"] == 1, got)


# export

@test
def export_folder_names_every_bad_file(tmp):
    folder, messages = folder_corpus(tmp)
    before = listing(tmp)
    for fmt, out in (("jsonl", "out.jsonl"), ("conll", "out.conll"), ("brat", "brat")):
        result = run("export", folder, "--format", fmt, "-o", out, cwd=tmp)
        expect_exit(result, 1)
        expect(problem_lines(result) == messages, "%s: %s" % (fmt, result.stderr))
        expect(result.stderr.splitlines()[-1] ==
               "glossa export: 3 documents or lines could not be read, so nothing was written "
               "(--skip-invalid exports the others)", result.stderr)
        expect(listing(tmp) == before, "%s: %s" % (fmt, listing(tmp)))


@test
def export_jsonl_corpus_names_every_bad_line(tmp):
    corpus, messages = jsonl_corpus(tmp)
    before = listing(tmp)
    result = run("export", corpus, "-o", "out.jsonl", cwd=tmp)
    expect_exit(result, 1)
    expect(problem_lines(result) == messages, result.stderr)
    expect(listing(tmp) == before, listing(tmp))


def read_with_pandas(path):
    try:
        import pandas
    except ImportError:
        return None
    frame = pandas.read_json(path, lines=True, dtype=False)
    return [{"id": row["id"], "text": row["text"],
             "spans": [(s["start"], s["end"], s["label"], s["text"]) for s in row["spans"]]}
            for _, row in frame.iterrows()]


def expected_rows(ids_spans):
    return [{"id": id, "text": TEXT,
             "spans": [(s["start"], s["end"], s["label"], s["text"]) for s in spans]}
            for id, spans in ids_spans]


def check_good_output(path, ids_spans):
    """The output is exactly the good documents; read with json, and with
    pandas as a data scientist would. Returns a skip reason or None."""
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    got = [{"id": l["id"], "text": l["text"],
            "spans": [(s["start"], s["end"], s["label"], s["text"]) for s in l["spans"]]}
           for l in lines]
    expect(got == expected_rows(ids_spans), got)
    frame = read_with_pandas(path)
    if frame is None:
        return "SKIP pandas cannot be imported (Debian: python3-pandas); checked with json only"
    expect(frame == expected_rows(ids_spans), frame)
    return None


@test
def export_folder_skip_invalid(tmp):
    folder, messages = folder_corpus(tmp)
    result = run("export", folder, "--skip-invalid", "-o", "out.jsonl", cwd=tmp)
    expect_exit(result, 3)
    expect(problem_lines(result) == messages, result.stderr)
    expect("glossa export: exported 4 documents, skipped 3 that could not be read"
           in result.stderr.splitlines(), result.stderr)
    # The good ones in the corpus's order (natural order of their paths).
    good = [("a", GOOD["a"]), ("b", GOOD["b"]), ("sub/c", GOOD["sub/c"]), ("todo", [])]
    skip = check_good_output(os.path.join(tmp, "out.jsonl"), good)

    # Skipping never makes a refused output acceptable: not an annotation file.
    target = os.path.join(folder, "a.annotations.json")
    with open(os.path.join(tmp, target), "rb") as f:
        kept = f.read()
    result = run("export", folder, "--skip-invalid", "-o", target, cwd=tmp)
    expect_exit(result, 2)
    with open(os.path.join(tmp, target), "rb") as f:
        expect(f.read() == kept, "the annotation file changed")

    # CoNLL and splits leave out the same documents.
    result = run("export", folder, "--skip-invalid", "--format", "conll", "-o", "out.conll", cwd=tmp)
    expect_exit(result, 3)
    with open(os.path.join(tmp, "out.conll"), encoding="utf-8") as f:
        expect(f.read().count("-DOCSTART-") == len(good), "conll documents")
    result = run("export", folder, "--skip-invalid", "--split", "train=0.5,test=0.5", "-o", "split",
                 cwd=tmp)
    expect_exit(result, 3)
    ids = []
    for name in ("train.jsonl", "test.jsonl"):
        with open(os.path.join(tmp, "split", name), encoding="utf-8") as f:
            ids += [json.loads(line)["id"] for line in f]
    expect(sorted(ids) == [id for id, _ in good], ids)
    return skip


@test
def export_jsonl_skip_invalid(tmp):
    corpus, messages = jsonl_corpus(tmp)
    result = run("export", corpus, "--skip-invalid", "-o", "out.jsonl", cwd=tmp)
    expect_exit(result, 3)
    expect(problem_lines(result) == messages, result.stderr)
    expect("glossa export: exported 4 documents, skipped 3 that could not be read"
           in result.stderr.splitlines(), result.stderr)
    # "d", whose annotations are wrong, is left out, not exported as todo.
    good = [("a", GOOD["a"]), ("b", [span("p1", 0, 5, "actor")]), ("sub/c", GOOD["sub/c"]), ("e", [])]
    return check_good_output(os.path.join(tmp, "out.jsonl"), good)


@test
def export_skip_invalid_stray_annotation_line(tmp):
    # A line of the annotations that does not parse may be any article's:
    # exporting "e" as its corpus line has it could be wrong, so nothing is.
    corpus, messages = jsonl_corpus(tmp)
    with open(os.path.join(tmp, "news.annotations.jsonl"), "a", encoding="utf-8") as f:
        f.write('{"id": "e", "status": "done",\n')
    before = listing(tmp)
    result = run("export", corpus, "--skip-invalid", "-o", "out.jsonl", cwd=tmp)
    expect_exit(result, 1)
    expect("news.annotations.jsonl:4:30: unexpected end of input, expected a key"
           in problem_lines(result), result.stderr)
    expect(result.stderr.splitlines()[-1].startswith(
        "glossa export: a line of the annotations that cannot be read may hold any article's spans"),
        result.stderr)
    expect(listing(tmp) == before, listing(tmp))


@test
def export_skip_invalid_all_good(tmp):
    folder, _ = folder_corpus(tmp)
    for name in ("latin.txt", "syntax.annotations.json", "sub/label.annotations.json"):
        os.remove(os.path.join(tmp, folder, name))
    result = run("export", folder, "--skip-invalid", "-o", "out.jsonl", cwd=tmp)
    expect_exit(result, 0)
    expect("skipped" not in result.stderr, result.stderr)


@test
def help_documents_it(tmp):
    result = run("export", "--help")
    expect("--skip-invalid" in result.stdout and "3 when --skip-invalid" in result.stdout,
           result.stdout)
    result = run("validate", "--help")
    expect("JSONL corpus" in result.stdout, result.stdout)
    result = run("stats", "--help")
    expect("unreadable" in result.stdout, result.stdout)


report()
