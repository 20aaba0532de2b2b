#!/usr/bin/env python3
# validate-samples.py: check annotation files against the JSON Schema and the format's rules.
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: validate-samples.py SCHEMA FOLDER
#
# Prints TAP. For every NAME.annotations.json in FOLDER: valid against SCHEMA,
# and true to the rules a schema cannot express, checked here independently of
# the C code: the sha256 and length of NAME.txt (BOM removed), Python's
# text[start:end] == span["text"], spans sorted by (start, end, label) and
# unique, ids unique, and the deterministic layout Glossa writes. Then a few
# broken copies must each be rejected by the schema, so that it cannot
# silently accept everything. Exits 77 (skipped) without python3-jsonschema.

import copy
import glob
import hashlib
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("1..0 # SKIP python3-jsonschema is not installed")
    sys.exit(77)

LABELS = ["actor", "quote", "claim", "date"]


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, description, detail=""):
        self.n += 1
        if not ok:
            self.failed += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} {description}")
        if not ok and detail:
            for line in str(detail).splitlines():
                print(f"# {line}")


def format_errors(path, doc):
    """Yields what is wrong with doc beyond the schema."""
    folder = os.path.dirname(path)
    article = os.path.join(folder, doc["document"]["file"])
    with open(article, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode("utf-8")

    if hashlib.sha256(raw).hexdigest() != doc["document"]["sha256"]:
        yield "document.sha256 differs from the article's"
    if len(text) != doc["document"]["length"]:
        yield f"document.length is {doc['document']['length']}, the article has {len(text)}"
    if os.path.basename(path) != doc["document"]["id"] + ".annotations.json":
        yield "document.id does not match the file name"

    keys = []
    ids = set()
    for i, span in enumerate(doc["spans"]):
        if not 0 <= span["start"] < span["end"] <= len(text):
            yield f"spans[{i}]: {span['start']}..{span['end']} is outside the article"
        elif text[span["start"]:span["end"]] != span["text"]:
            yield f"spans[{i}].text {span['text']!r} != {text[span['start']:span['end']]!r}"
        if span["id"] in ids:
            yield f"spans[{i}].id {span['id']!r} is used twice"
        ids.add(span["id"])
        keys.append((span["start"], span["end"], LABELS.index(span["label"])))
    if keys != sorted(keys):
        yield "spans are not sorted by (start, end, label)"
    if len(set(keys)) != len(keys):
        yield "two spans share start, end and label"

    with open(path, encoding="utf-8", newline="") as f:
        written = f.read()
    if written != json.dumps(doc, indent=2, ensure_ascii=False) + "\n":
        yield "the layout is not Glossa's (two-space indent, UTF-8 unescaped, final newline)"


def broken_copies(doc):
    """Yields (description, document) pairs the schema must reject."""
    def edit(description, change):
        bad = copy.deepcopy(doc)
        change(bad)
        return description, bad

    # Any label name is a label (the corpus's schema says which); one that
    # brat, CoNLL or IOB could not hold is not.
    yield edit("a label with a space", lambda d: d["spans"][0].update(label="news person"))
    yield edit("a label starting with '-'", lambda d: d["spans"][0].update(label="-x"))
    yield edit("an unknown status", lambda d: d.update(status="finished"))
    yield edit("version 3", lambda d: d.update(version=3))
    yield edit("an upper-case sha256", lambda d: d["document"].update(sha256=d["document"]["sha256"].upper()))
    yield edit("a date that is not YYYY-MM-DD", lambda d: d["document"].update(date="14/03/2024"))
    yield edit("a negative start", lambda d: d["spans"][0].update(start=-1))
    yield edit("a missing span text", lambda d: d["spans"][0].pop("text"))
    yield edit("a missing status", lambda d: d.pop("status"))
    yield edit("an unknown origin", lambda d: d["spans"][0].update(origin="guessed"))
    yield edit("a created time without a zone", lambda d: d["spans"][0].update(created="2026-11-24T10:15:00"))


def main():
    if len(sys.argv) != 3:
        print("usage: validate-samples.py SCHEMA FOLDER", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    paths = sorted(glob.glob(os.path.join(sys.argv[2], "*.annotations.json")))

    tap = Tap()
    cls = jsonschema.Draft202012Validator
    try:
        cls.check_schema(schema)
        tap.check(True, "/data/schema/is-a-2020-12-schema")
    except jsonschema.SchemaError as e:
        tap.check(False, "/data/schema/is-a-2020-12-schema", e.message)
        print(f"1..{tap.n}")
        return 1
    validator = cls(schema)
    tap.check(len(paths) > 0, "/data/samples/some-annotation-files", "none found")

    for path in paths:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(doc)]
        tap.check(not errors, f"/data/samples/{name}/schema", "\n".join(errors))
        problems = list(format_errors(path, doc)) if not errors else ["not checked: invalid"]
        tap.check(not problems, f"/data/samples/{name}/format", "\n".join(problems))

    if paths:
        with open(paths[0], encoding="utf-8") as f:
            doc = json.load(f)
        for description, bad in broken_copies(doc):
            tap.check(not validator.is_valid(bad), f"/data/schema/rejects {description}")
        unknown = copy.deepcopy(doc)
        unknown["x_extra"] = {"kept": True}
        unknown["spans"][0]["x_extra"] = [1, 2]
        tap.check(validator.is_valid(unknown), "/data/schema/accepts unknown fields")

    print(f"1..{tap.n}")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
