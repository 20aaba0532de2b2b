#!/usr/bin/env python3
# test-search-count.py: glossa search --count against its own lines, and regular expressions on JSONL text
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-search-count.py GLOSSA. Prints TAP. --count must say what the
# keyword-in-context lines say, for every kind of query, in JSONL and folder
# corpora, with and without annotations. A regular expression is tried on a
# JSONL line's text before the line is parsed: the matches must be those of
# the same articles read from a folder.

import json
import os

import taptest
from taptest import expect, glossa, report, test


ARTICLES = {
    "a": "Ana Lima said the harbour will reopen. Lima added:\n“the port is safe.”",
    "b": "😀 Café talks: LIMA agreed, Limassol did not.\tLima\x7fthen Lima\u2028left.",
    "c": "Nothing to see here.",
    "d": "lima " * 30 + "and Lima_x, limas, LİMA, ﬁlima.",
}

QUERIES = [
    ["lima"],
    ["lima", "--word"],
    ["Lima", "--case"],
    ["LIMA", "--case", "--word"],
    [r"\bL\w+", "--regex", "--case"],
    ["lima|port", "--regex"],
    ["lima", "--regex", "--word"],
    ["nowhere"],
]


def run(*args):
    result = glossa("search", *args, text=False, env={"LANGUAGE": "C"}, timeout=120)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def ok(*args):
    code, out, err = run(*args)
    expect(code == 0, "glossa search %s: exit %d: %s" % (" ".join(args), code, err))
    return out


def folder(tmp, articles=ARTICLES, name="corpus"):
    path = os.path.join(tmp, name)
    os.mkdir(path)
    for article, text in articles.items():
        with open(os.path.join(path, article + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return path


def jsonl(tmp, articles=ARTICLES, name="corpus.jsonl", ensure_ascii=True):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        for article, text in articles.items():
            f.write(json.dumps({"id": article, "text": text}, ensure_ascii=ensure_ascii) + "\n")
    return path


def count_line(n_matches, n_articles):
    return "%d match%s in %d article%s" % (n_matches, "" if n_matches == 1 else "es",
                                           n_articles, "" if n_articles == 1 else "s")


def lines_and_count(corpus, query):
    """The count as the keyword-in-context lines and the JSON lines have it."""
    lines = ok(corpus, *query).splitlines()
    rows = [json.loads(line) for line in ok(corpus, *query, "--json").splitlines()]
    expect(len(rows) == len(lines) - 1, "%s: %d JSON rows, %d lines" % (query, len(rows), len(lines) - 1))
    expect(lines[-1] == count_line(len(rows), len({r["id"] for r in rows})),
           "%s: the lines say %r, the JSON %d rows" % (query, lines[-1], len(rows)))
    return lines[-1], len(rows), len({r["id"] for r in rows})


def check_count(corpus, query):
    last, n_matches, n_articles = lines_and_count(corpus, query)
    out = ok(corpus, *query, "--count")
    expect(out == last + "\n", "%s --count: %r, the lines' count %r" % (query, out, last))
    out = ok(corpus, *query, "--count", "--json")
    expect(out.count("\n") == 1, "%s --count --json: %r" % (query, out))
    expect(json.loads(out) == {"matches": n_matches, "articles": n_articles},
           "%s --count --json: %r, expected %d in %d" % (query, out, n_matches, n_articles))
    return n_matches


@test
def count_is_the_number_of_lines(tmp):
    for corpus in (folder(tmp), jsonl(tmp), jsonl(tmp, name="raw.jsonl", ensure_ascii=False)):
        counts = [check_count(corpus, query) for query in QUERIES]
        # The queries are not all alike: the count is not one number.
        expect(len(set(counts)) > 3 and counts[-1] == 0, "%s: %r" % (corpus, counts))


@test
def count_with_annotations(tmp):
    corpus = folder(tmp)
    ok(corpus, "Ana Lima", "--tag", "actor")
    jcorpus = jsonl(tmp)
    ok(jcorpus, "Ana Lima", "--tag", "actor")
    for path in (corpus, jcorpus):
        for query in QUERIES:
            check_count(path, query)


@test
def count_does_not_go_with_tag(tmp):
    corpus = folder(tmp)
    code, out, err = run(corpus, "lima", "--count", "--tag", "actor")
    expect(code == 2 and "--count" in err and out == "", "%d %r %r" % (code, out, err))
    expect(sorted(os.listdir(corpus)) == ["a.txt", "b.txt", "c.txt", "d.txt"], os.listdir(corpus))


@test
def count_names_an_unreadable_article(tmp):
    corpus = folder(tmp)
    with open(os.path.join(corpus, "e.txt"), "wb") as f:
        f.write(b"Lima \xff\xfe")
    code, out, err = run(corpus, "lima", "--count")
    expect(code == 1 and "e.txt" in err and "UTF-8" in err, "%d %r" % (code, err))
    code, lines, _ = run(corpus, "lima")
    expect(out.splitlines() == lines.splitlines()[-1:], "%r, the lines end %r" % (out, lines[-80:]))


# Texts whose JSON has every kind of escape, a byte-order mark, a "text"
# member in a nested object, and an id that comes twice.
ESCAPED = [
    {"id": "nl", "text": "the harbour\ntalks went on"},
    {"id": "quote", "text": "he said \"harbour talks\" / then \\ left"},
    {"id": "uni", "text": "caf\u00e9 harbour talks \u2028 end"},
    {"id": "bom", "text": "\ufeffharbour talks at the start"},
    {"id": "nested", "meta": {"text": "harbour talks"}, "text": "nothing here"},
    {"id": "tab", "text": "harbour\ttalks\r\nand \b\f controls"},
    {"id": "nested", "text": "a second harbour talks, not listed"},
    {"text": "harbour talks before its id", "id": "late"},
]

PATTERNS = [r"harbour\s+talks", r"^harbour", r"\Aharbour talks", r'"harbour', r"\\ left", r"café",
            r"talks\b", r"(?<=\s)talks", r"harbou?r talks", r"[\x{2028}]", r"\bt\w+", r"nothing|second"]


def jsonl_of(tmp, name, records, ensure_ascii):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=ensure_ascii) + "\n")
    return path


def hits(corpus, pattern):
    return [(r["id"], r["start"], r["end"], r["match"])
            for r in map(json.loads, ok(corpus, pattern, "--regex", "--case", "--json").splitlines())]


@test
def regex_on_jsonl_text_finds_what_a_folder_finds(tmp):
    # The folder holds the articles the JSONL lists: the first "nested".
    texts = {}
    for record in ESCAPED:
        texts.setdefault(record["id"], record["text"])
    reference = folder(tmp, {k: v.lstrip("\ufeff") for k, v in texts.items()}, name="reference")
    for ensure_ascii in (True, False):
        corpus = jsonl_of(tmp, "escaped-%d.jsonl" % ensure_ascii, ESCAPED, ensure_ascii)
        total = 0
        for pattern in PATTERNS:
            want = hits(reference, pattern)
            got = hits(corpus, pattern)
            expect(sorted(got) == sorted(want), "%s, ascii %s: %r, a folder has %r" % (pattern, ensure_ascii, got, want))
            total += len(got)
        expect(total > 10, "only %d matches" % total)
    # Not the nested member's text, nor the second line of an id.
    corpus = jsonl_of(tmp, "nested.jsonl", ESCAPED, False)
    expect(hits(corpus, r"^harbour talks$") == [], hits(corpus, r"^harbour talks$"))
    expect([h[0] for h in hits(corpus, "second")] == [], hits(corpus, "second"))



@test
def an_escaped_id_is_the_id_it_decodes_to(tmp):
    # "a\/b" is "a/b": the second line repeats the first one's id and is not
    # an article, though only it has the query (found by reading the id of
    # a line without the query from its raw bytes).
    corpus = os.path.join(tmp, "dup.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        f.write('{"id": "a\\/b", "text": "nothing"}\n{"id": "a/b", "text": "lima"}\n')
    expect(ok(corpus, "lima").splitlines() == ["0 matches in 0 articles"], ok(corpus, "lima"))
    expect(ok(corpus, "li.a", "--regex", "--count") == "0 matches in 0 articles\n")


report()
