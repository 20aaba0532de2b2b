#!/usr/bin/env python3
# check-annotations.py: checks a Glossa annotation file the way Python sees it
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-annotations.py ANNOTATIONS [ARTICLE]
#
# The core tests write annotation files with the C core and hand them to this
# script, so that the format's promises are checked by the consumer they are
# made for, not by the code that makes them:
#   - the bytes are exactly json.dumps(json.load(f), indent=2,
#     ensure_ascii=False) + "\n" (two-space indentation, UTF-8 unescaped,
#     final newline) and no key appears twice in an object;
#   - the spans are sorted by (start, end, label), labels in the order of the
#     file's "labels";
#   - with ARTICLE: text[start:end] == span["text"] for every span, where
#     text = open(ARTICLE, encoding="utf-8-sig", newline="").read(), and the
#     document's length and sha256 describe that text.
# Problems go to stderr, one a line; the exit status is 1 if there are any.

import hashlib
import json
import sys


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    if dups:
        raise ValueError("duplicate keys: " + ", ".join(dups))
    return dict(pairs)


def check(annotations_path, article_path):
    problems = []
    with open(annotations_path, "rb") as f:
        raw = f.read()
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicates)
    except ValueError as e:
        return ["%s: not strict JSON: %s" % (annotations_path, e)]

    expected = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if raw != expected.encode("utf-8"):
        got = raw.decode("utf-8", "replace").splitlines()
        want = expected.splitlines()
        for i, (a, b) in enumerate(zip(got, want)):
            if a != b:
                problems.append("%s:%d: not Python's layout: %r, Python writes %r"
                                % (annotations_path, i + 1, a, b))
                break
        else:
            problems.append("%s: not Python's layout (%d lines, Python writes %d)"
                            % (annotations_path, len(got), len(want)))

    labels = data.get("labels", [])
    spans = data.get("spans", [])
    keys = [(s["start"], s["end"], labels.index(s["label"])
             if s["label"] in labels else len(labels)) for s in spans]
    if keys != sorted(keys):
        problems.append("%s: spans are not sorted by (start, end, label)" % annotations_path)

    ids = [s["id"] for s in spans]
    if len(ids) != len(set(ids)):
        problems.append("%s: span ids are not unique" % annotations_path)

    if article_path is None:
        return problems

    text = open(article_path, encoding="utf-8-sig", newline="").read()
    with open(article_path, "rb") as f:
        article_bytes = f.read()
    if article_bytes.startswith(b"\xef\xbb\xbf"):
        article_bytes = article_bytes[3:]

    document = data.get("document", {})
    if document.get("length") != len(text):
        problems.append("%s: document.length is %r, Python counts %d"
                        % (annotations_path, document.get("length"), len(text)))
    sha = hashlib.sha256(article_bytes).hexdigest()
    if document.get("sha256") != sha:
        problems.append("%s: document.sha256 is %r, Python computes %s"
                        % (annotations_path, document.get("sha256"), sha))

    for i, span in enumerate(spans):
        actual = text[span["start"]:span["end"]]
        if actual != span["text"]:
            problems.append("%s: spans[%d] (%s): text[%d:%d] is %r, the span says %r"
                            % (annotations_path, i, span["id"], span["start"],
                               span["end"], actual, span["text"]))
    return problems


def main():
    if len(sys.argv) not in (2, 3):
        print("usage: check-annotations.py ANNOTATIONS [ARTICLE]", file=sys.stderr)
        return 2
    problems = check(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
