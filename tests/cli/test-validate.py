#!/usr/bin/env python3
# test-validate.py: `glossa validate` end to end: exit codes, one line per problem
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-validate.py GLOSSA. Prints TAP. Each test writes an article
# and its annotation file in a temporary folder, the way Python would write
# them (so the files do not depend on the C core), spoils one thing, runs the
# real binary and checks the exit status, the message on standard error and
# that the file was left exactly as it was.

import hashlib
import json
import os
import re

from taptest import expect, expect_exit, glossa, report, test

LABELS = ["actor", "quote", "claim", "date"]
ARTICLE = "".join("abcde"[i % 6] if i % 6 != 5 else " " for i in range(1984))


def run(*args, cwd=None, env=None):
    return glossa("validate", *args, text=False, cwd=cwd, env=env)


def stderr_lines(result):
    return result.stderr.decode("utf-8").splitlines()


def write_article(folder, name, text, bom=False):
    raw = text.encode("utf-8")
    with open(os.path.join(folder, name + ".txt"), "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + raw)
    return raw


def annotations(name, text, raw, spans):
    return {
        "format": "glossa-annotations",
        "version": 1,
        "document": {"id": name, "file": name + ".txt",
                     "sha256": hashlib.sha256(raw).hexdigest(),
                     "length": len(text), "date": None},
        "labels": LABELS,
        "status": "in-progress",
        "annotator": "",
        "spans": spans,
    }


def span(id, start, end, label, text):
    return {"id": id, "start": start, "end": end, "label": label, "text": text[start:end]}


def dumps(data):
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_annotations(folder, name, data_or_text):
    path = os.path.join(folder, name + ".annotations.json")
    text = data_or_text if isinstance(data_or_text, str) else dumps(data_or_text)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def news(folder, text=ARTICLE):
    """The article news.txt of 1984 characters and four valid spans."""
    raw = write_article(folder, "news", text)
    spans = [span("s1", 0, 5, "actor", text), span("s2", 6, 11, "quote", text),
             span("s3", 12, 17, "claim", text), span("s4", 18, 23, "date", text)]
    return annotations("news", text, raw, spans)


def snapshot(path):
    st = os.stat(path)
    with open(path, "rb") as f:
        return f.read(), st.st_mtime_ns, st.st_ino


def expect_invalid(folder, contents, pattern, exact=False):
    """Writes news.annotations.json, validates it by its relative path and
    checks: exit 1, one line on stderr matching @pattern, file untouched."""
    path = write_annotations(folder, "news", contents)
    before = snapshot(path)
    result = run("news.annotations.json", cwd=folder)
    expect_exit(result, 1)
    lines = stderr_lines(result)
    expect(len(lines) == 1, "expected one line on stderr, got %r" % lines)
    if exact:
        expect(lines[0] == pattern, "got %r, expected %r" % (lines[0], pattern))
    else:
        expect(re.search(pattern, lines[0]), "%r does not match %r" % (lines[0], pattern))
    expect(snapshot(path) == before, "validate changed the file")
    return lines[0]


def mutate(folder, change):
    data = news(folder)
    change(data)
    return data


# Valid files

@test
def valid_file(tmp):
    path = write_annotations(tmp, "news", news(tmp))
    before = snapshot(path)
    result = run(path)
    expect_exit(result, 0)
    expect(result.stderr == b"", "stderr: %r" % result.stderr)
    expect(snapshot(path) == before, "validate changed the file")


@test
def valid_article_argument(tmp):
    write_annotations(tmp, "news", news(tmp))
    result = run(os.path.join(tmp, "news.txt"))
    expect_exit(result, 0)
    expect(result.stderr == b"", "stderr: %r" % result.stderr)


@test
def article_without_annotations(tmp):
    write_article(tmp, "fresh", "Nothing annotated yet.")
    expect_exit(run(os.path.join(tmp, "fresh.txt")), 0)


@test
def article_argument_checks_its_annotations(tmp):
    data = news(tmp)
    data["spans"][0]["label"] = "person"
    write_annotations(tmp, "news", data)
    result = run("news.txt", cwd=tmp)
    expect_exit(result, 1)
    lines = stderr_lines(result)
    expect(len(lines) == 1 and re.match(r"(\./)?news\.annotations\.json: spans\[0\]\.label", lines[0]),
           "stderr: %r" % lines)


@test
def valid_unicode_bom_crlf(tmp):
    text = ("date 2021-12-31 Vladimir Putin 👍🏽 🇮🇹 cafe\u0301\r\n"
            "東京 مرحبا שלום\r\nend\n")
    raw = write_article(tmp, "uni", text, bom=True)
    spans = []
    for i, word in enumerate(["Putin", "👍🏽", "🇮🇹", "cafe\u0301", "東京", "مرحبا", "שלום", "\r\n東"]):
        start = text.index(word)
        spans.append(span("s%d" % (i + 1), start, start + len(word), LABELS[i % 4], text))
    spans.sort(key=lambda s: (s["start"], s["end"], LABELS.index(s["label"])))
    path = write_annotations(tmp, "uni", annotations("uni", text, raw, spans))
    result = run(path)
    expect_exit(result, 0)
    expect(result.stderr == b"", "stderr: %r" % result.stderr)


@test
def unknown_members_valid(tmp):
    data = news(tmp)
    data["review"] = {"by": "bo", "scores": [0.5, 1e-07]}
    data["document"]["source"] = "wire"
    data["spans"][1]["confidence"] = 0.9
    expect_exit(run(write_annotations(tmp, "news", data)), 0)


# Syntax errors: FILE:LINE:COLUMN, the column in characters

@test
def syntax_column_in_characters(tmp):
    news(tmp)
    expect_invalid(tmp, '{\n  "título": nope\n}\n', r"^news\.annotations\.json:2:13: ")


@test
def syntax_after_emoji(tmp):
    news(tmp)
    expect_invalid(tmp, '{"👍🏽🇮🇹": 1,, }', r"^news\.annotations\.json:1:12: ")


@test
def syntax_comment(tmp):
    expect_invalid(tmp, "// notes\n" + dumps(news(tmp)), r"^news\.annotations\.json:1:1: ")


@test
def syntax_duplicate_key(tmp):
    text = dumps(news(tmp)).replace('"status": "in-progress",',
                                    '"status": "in-progress",\n  "status": "done",')
    expect_invalid(tmp, text, r"^news\.annotations\.json:\d+:\d+: .*status")


@test
def syntax_empty(tmp):
    news(tmp)
    expect_invalid(tmp, "", r"^news\.annotations\.json:1:1: ")


@test
def syntax_truncated(tmp):
    text = dumps(news(tmp))
    expect_invalid(tmp, text[: len(text) // 2], r"^news\.annotations\.json:\d+:\d+: ")


@test
def huge_integer(tmp):
    text = dumps(news(tmp)).replace('"start": 0,', '"start": 123456789012345678901234567890,')
    expect_invalid(tmp, text, r"^news\.annotations\.json:")


# Semantic errors: FILE: FIELD: message

@test
def end_beyond_article(tmp):
    data = mutate(tmp, lambda d: d["spans"][3].update(end=2200))
    expect_invalid(tmp, data, "news.annotations.json: spans[3].end: 2200 is beyond the "
                   "article's 1984 characters", exact=True)


@test
def start_after_end(tmp):
    data = mutate(tmp, lambda d: d["spans"][1].update(start=11, end=6))
    expect_invalid(tmp, data, r"^news\.annotations\.json: spans\[1\]\.")


@test
def non_integer_offsets(tmp):
    for bad in (1.0, "1", None, True):
        data = mutate(tmp, lambda d: d["spans"][2].update(start=bad))
        expect_invalid(tmp, data, r"^news\.annotations\.json: spans\[2\]\.start")


@test
def unknown_label(tmp):
    data = mutate(tmp, lambda d: d["spans"][1].update(label="person"))
    expect_invalid(tmp, data, r"^news\.annotations\.json: spans\[1\]\.label: .*person")


@test
def text_differs(tmp):
    data = mutate(tmp, lambda d: d["spans"][3].update(text="abcdf"))
    expect_invalid(tmp, data, r"^news\.annotations\.json: spans\[3\]\.text: .*abcdf")


@test
def duplicate_id(tmp):
    data = mutate(tmp, lambda d: d["spans"][2].update(id="s1"))
    expect_invalid(tmp, data, r"^news\.annotations\.json: spans\[2\]\.id: .*s1")


@test
def duplicate_start_end_label(tmp):
    data = mutate(tmp, lambda d: d["spans"][1].update(start=0, end=5, label="actor", text="abcde"))
    expect_invalid(tmp, data, r"^news\.annotations\.json: spans.*s1.*s2|^news\.annotations\.json: spans.*s2.*s1")


@test
def bad_status(tmp):
    data = mutate(tmp, lambda d: d.update(status="finished"))
    expect_invalid(tmp, data, r"^news\.annotations\.json: status: .*finished")


@test
def unsupported_version(tmp):
    data = mutate(tmp, lambda d: d.update(version=3))
    expect_invalid(tmp, data, r"^news\.annotations\.json: version: .*3")


@test
def wrong_format(tmp):
    data = mutate(tmp, lambda d: d.update(format="brat"))
    expect_invalid(tmp, data, r"^news\.annotations\.json: format")


@test
def article_changed(tmp):
    data = news(tmp)
    write_article(tmp, "news", "Breaking: " + ARTICLE)
    line = expect_invalid(tmp, data, r"^news\.annotations\.json: document\.sha256: ")
    expect("changed since it was annotated" in line, line)


@test
def article_invalid_utf8(tmp):
    path = write_annotations(tmp, "news", news(tmp))
    with open(os.path.join(tmp, "news.txt"), "wb") as f:
        f.write(b"abc\xff" + ARTICLE[4:].encode())
    result = run(path)
    expect_exit(result, 1)
    err = result.stderr.decode("utf-8", "replace")
    expect("byte 3" in err, "stderr: %r" % err)


@test
def article_missing(tmp):
    path = write_annotations(tmp, "news", news(tmp))
    os.unlink(os.path.join(tmp, "news.txt"))
    result = run(path)
    expect_exit(result, 1)
    expect("news.txt" in result.stderr.decode(), "stderr: %r" % result.stderr)


# Several files, usage

@test
def several_files_one_line_each(tmp):
    good = write_annotations(tmp, "news", news(tmp))
    for name, change in (("a", lambda d: d.update(status="nope")),
                         ("b", lambda d: d["spans"][0].update(label="who"))):
        sub = os.path.join(tmp, name)
        os.mkdir(sub)
        data = news(sub)
        change(data)
        write_annotations(sub, "news", data)
    result = run(good, "a/news.annotations.json", "b/news.annotations.json", cwd=tmp)
    expect_exit(result, 1)
    lines = stderr_lines(result)
    expect(len(lines) == 2, "stderr: %r" % lines)
    expect(lines[0].startswith("a/news.annotations.json: status"), lines[0])
    expect(lines[1].startswith("b/news.annotations.json: spans[0].label"), lines[1])


@test
def all_valid_exit_zero(tmp):
    paths = []
    for name in ("x", "y"):
        sub = os.path.join(tmp, name)
        os.mkdir(sub)
        paths.append(write_annotations(sub, "news", news(sub)))
    expect_exit(run(*paths), 0)


@test
def missing_file(tmp):
    result = run(os.path.join(tmp, "nothing.annotations.json"))
    expect(result.returncode == 1, "exit %d" % result.returncode)
    expect("nothing.annotations.json" in result.stderr.decode(), "stderr: %r" % result.stderr)


@test
def usage_no_file(tmp):
    expect_exit(run(), 2)


@test
def usage_unknown_option(tmp):
    expect_exit(run("--no-such-option"), 2)


@test
def help(tmp):
    result = run("--help")
    expect_exit(result, 0)
    expect(b"validate" in result.stdout, "stdout: %r" % result.stdout)


@test
def messages_translated_from_the_build_folder(tmp):
    # The binary under test was never installed: it must find the Italian
    # catalogue built beside it.
    result = run("--help", env={"LANGUAGE": "it"})
    expect_exit(result, 0)
    expect("Uso:" in result.stdout.decode(), "stdout: %r" % result.stdout)


report()
