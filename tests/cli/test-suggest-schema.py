#!/usr/bin/env python3
# test-suggest-schema.py: `glossa suggest` runs only the suggesters the corpus's schema leaves on
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-suggest-schema.py GLOSSA. Prints TAP. A suggester the
# schema's "suggesters" member turns off does not run, and the report says
# so and why; --suggesters naming it runs it all the same.

import json
import os

from taptest import expect, expect_exit, glossa, report, test, write


TAGGED = "Giorgia Meloni met the press in Rome. Meloni left early."
QUOTED = ("date 2026-03-12 Summit\n\n"
          "“We are ready to talk,” said Giorgia Meloni on Tuesday. "
          "Giorgia Meloni then flew to Brussels on 4 March 2026.\n")
SCHEMA = {"format": "glossa-schema", "version": 1,
          "labels": [{"name": "actor"}, {"name": "quote"}, {"name": "claim"},
                     {"name": "date", "attributes": [{"name": "value", "type": "timex"}]}],
          "relations": [{"name": "source", "key": "s", "from": ["quote", "claim"], "to": ["actor"]}]}


def run(*args, command="suggest", cwd=None):
    return glossa(command, *args, timeout=60, cwd=cwd)


def corpus(tmp, off):
    """news.jsonl, "a" tagging Giorgia Meloni, beside a schema turning @off off."""
    path = os.path.join(tmp, "news.jsonl")
    lines = [{"id": "a", "text": TAGGED,
              "spans": [{"id": "p1", "start": 0, "end": 14, "label": "actor", "text": "Giorgia Meloni",
                         "origin": "manual"}]},
             {"id": "b", "text": QUOTED}]
    write(path, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    schema = dict(SCHEMA, suggesters={name: False for name in off})
    write(os.path.join(tmp, "glossa-schema.json"), json.dumps(schema) + "\n")
    return path


def suggested(folder, name, text):
    with open(os.path.join(folder, name + ".annotations.json"), encoding="utf-8") as f:
        doc = json.load(f)
    return sorted((s["label"], text[s["start"]:s["end"]], s["start"]) for s in doc["spans"]
                  if s.get("origin") == "suggested")


QUOTES = [("actor", "Giorgia Meloni", 53), ("quote", "We are ready to talk,", 25)]
DATES = [("date", "4 March 2026", 120), ("date", "Tuesday", 71)]
NAME = [("actor", "Giorgia Meloni", 80)]


@test
def names_off(tmp):
    out = os.path.join(tmp, "out")
    result = run(corpus(tmp, ["names"]), "-o", out, cwd=tmp)
    expect_exit(result, 0)
    got = suggested(out, "b", QUOTED)
    expect(got == sorted(QUOTES + DATES), got)
    expect("suggester names" not in result.stderr, result.stderr)
    expect("the names suggester was off: glossa-schema.json turns it off (--suggesters names runs it)"
           in result.stderr, result.stderr)
    expect("the quotes suggester was off" not in result.stderr and
           "the dates suggester was off" not in result.stderr, result.stderr)


@test
def named_runs_anyway(tmp):
    # Asked for by name, a suggester the schema turns off runs: the user's
    # command is more particular than the corpus's default.
    out = os.path.join(tmp, "out")
    result = run(corpus(tmp, ["names", "dates"]), "-o", out, "--suggesters", "names,quotes")
    expect_exit(result, 0)
    got = suggested(out, "b", QUOTED)
    expect(got == sorted(QUOTES + NAME), got)
    expect("suggester names: 1" in result.stderr, result.stderr)
    expect("the dates suggester was off: --suggesters does not name it" in result.stderr, result.stderr)
    expect("turns it off" not in result.stderr, result.stderr)


@test
def only_and_schema(tmp):
    # --only date: quotes are not asked for; dates are off in the schema,
    # so only the known names may give a date, and none does.
    out = os.path.join(tmp, "out")
    schema_path = os.path.join(tmp, "glossa-schema.json")
    result = run(corpus(tmp, ["dates"]), "-o", out, "--only", "date")
    expect_exit(result, 0)
    expect(suggested(out, "b", QUOTED) == [], suggested(out, "b", QUOTED))
    expect("the quotes suggester was off: --only asks for no label it gives" in result.stderr, result.stderr)
    expect("the dates suggester was off: %s turns it off" % schema_path in result.stderr, result.stderr)
    expect("0 suggested spans written" in result.stderr, result.stderr)


@test
def all_off(tmp):
    # Nothing runs: the corpus is written as it was, and each is named.
    out = os.path.join(tmp, "out")
    result = run(corpus(tmp, ["quotes", "dates", "names"]), "-o", out, cwd=tmp)
    expect_exit(result, 0)
    expect(suggested(out, "b", QUOTED) == [] and suggested(out, "a", TAGGED) == [])
    for name in ("quotes", "dates", "names"):
        expect("the %s suggester was off: glossa-schema.json turns it off (--suggesters %s runs it)"
               % (name, name) in result.stderr, result.stderr)
    expect_exit(run(out, command="validate"), 0)


@test
def schema_on(tmp):
    # {"names": true} is the default: all three run, nothing is said.
    out = os.path.join(tmp, "out")
    path = corpus(tmp, [])
    schema = dict(SCHEMA, suggesters={"names": True})
    write(os.path.join(tmp, "glossa-schema.json"), json.dumps(schema) + "\n")
    result = run(path, "-o", out)
    expect_exit(result, 0)
    got = suggested(out, "b", QUOTED)
    expect(got == sorted(QUOTES + DATES + NAME), got)
    expect("was off" not in result.stderr, result.stderr)


@test
def folder_corpus(tmp):
    # A folder's schema, found at its root, is honoured the same way.
    folder = os.path.join(tmp, "news")
    os.mkdir(folder)
    write(os.path.join(folder, "b.txt"), QUOTED)
    write(os.path.join(folder, "glossa-schema.json"), json.dumps(dict(SCHEMA, suggesters={"quotes": False})))
    out = os.path.join(tmp, "out")
    result = run("news", "-o", out, cwd=tmp)
    expect_exit(result, 0)
    got = suggested(out, "b", QUOTED)
    expect(got == sorted(DATES), got)
    expect("the quotes suggester was off: news/glossa-schema.json turns it off" in result.stderr, result.stderr)


report()
