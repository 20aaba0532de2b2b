#!/usr/bin/env python3
# bench-memory.py: peak memory of export and agree against the size of their input
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates one large article (100 MB by default, paragraphs of sentences,
# a span every 400 characters or so) as a folder corpus, a second
# annotator's copy of it, and two JSONL exports of 1,000 articles over the
# same texts; then runs `glossa export --format conll`, `--format jsonl` and
# `glossa agree` on them and prints each peak resident set size divided by
# the size of the input read. The budget is 4x the input plus a constant
# (here 64 MB, about what the program takes on an empty corpus).
# Usage: bench-memory.py GLOSSA [ARTICLE_MEGABYTES]
#
# The inputs are generated in a process of their own: a child's peak RSS
# counts the pages it shared with its parent when forked, so a parent that
# had held the generated text would inflate every figure.

import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time

LABELS = ["actor", "quote", "claim", "date"]
WORDS = ("the minister said that talks would resume after the summit while officials in the "
         "capital warned of new sanctions against several companies accused of breaking "
         "agreements signed last year by both governments and observers from the union "
         "reported that negotiations had stalled over energy prices transport routes and "
         "the release of prisoners held since the spring").split()
BUDGET_RATIO = 4.0
BUDGET_CONSTANT = 64 << 20


def make_document(rng, size, span_every):
    """Text of about @size characters and word-aligned spans, sorted."""
    parts, spans, length = [], [], 0
    next_span = rng.randint(1, span_every)
    while length < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
        words[0] = words[0].capitalize()
        position = length
        for k, word in enumerate(words):
            if position >= next_span and k + 2 < len(words):
                n = rng.randint(1, 3)
                end = position + len(" ".join(words[k:k + n]))
                spans.append((position, end, rng.choice(LABELS)))
                next_span = end + rng.randint(span_every // 2, span_every * 3 // 2)
            position += len(word) + 1
        sentence = " ".join(words) + ". "
        if rng.random() < 0.2:
            sentence += "\n\n"
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts), spans


def span_objects(text, spans):
    return [{"id": "s%d" % (i + 1), "start": s, "end": e, "label": l, "text": text[s:e]}
            for i, (s, e, l) in enumerate(spans)]


def write_folder(folder, name, text, spans):
    os.makedirs(folder, exist_ok=True)
    data = text.encode("utf-8")
    with open(os.path.join(folder, name + ".txt"), "wb") as f:
        f.write(data)
    annotations = {
        "format": "glossa-annotations", "version": 1,
        "document": {"id": name, "file": name + ".txt",
                     "sha256": hashlib.sha256(data).hexdigest(), "length": len(text)},
        "labels": LABELS, "status": "done", "annotator": "bench",
        "spans": span_objects(text, spans),
    }
    with open(os.path.join(folder, name + ".annotations.json"), "w", encoding="utf-8") as f:
        json.dump(annotations, f, indent=2)
        f.write("\n")


def second_annotator(rng, spans):
    """Another annotator: most spans the same, some moved or relabelled."""
    other = []
    for start, end, label in spans:
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.2:
            label = rng.choice(LABELS)
        other.append((start, end, label))
    return other


def write_export(path, documents):
    with open(path, "w", encoding="utf-8") as f:
        for name, text, spans in documents:
            record = {"id": name, "text": text, "date": None, "status": "done",
                      "annotator": "bench", "spans": span_objects(text, spans)}
            f.write(json.dumps(record) + "\n")


def generate(tmp, megabytes):
    rng = random.Random(20261129)
    text, spans = make_document(rng, megabytes << 20, 400)
    write_folder(os.path.join(tmp, "big-a"), "big", text, spans)
    write_folder(os.path.join(tmp, "big-b"), "big", text, second_annotator(rng, spans))
    del text, spans

    side_a, side_b = [], []
    for k in range(1000):
        text, spans = make_document(rng, (megabytes << 20) // 1000, 400)
        side_a.append(("doc-%04d" % k, text, spans))
        side_b.append(("doc-%04d" % k, text, second_annotator(rng, spans)))
    write_export(os.path.join(tmp, "a.jsonl"), side_a)
    write_export(os.path.join(tmp, "b.jsonl"), side_b)


def size_of(*paths):
    total = 0
    for path in paths:
        if os.path.isdir(path):
            total += sum(os.path.getsize(os.path.join(path, n)) for n in os.listdir(path))
        else:
            total += os.path.getsize(path)
    return total


# As a user runs it: without the test suite's debugging settings.
ENV = {k: v for k, v in os.environ.items() if k not in ("G_DEBUG", "MALLOC_CHECK_", "G_SLICE")}


def peak_rss(command):
    """Peak resident set size in bytes, wall seconds, and the exit status."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss * 1024, time.perf_counter() - start, process.returncode


def main():
    if sys.argv[1] == "--generate":
        generate(sys.argv[2], int(sys.argv[3]))
        return 0

    glossa = sys.argv[1]
    megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    with tempfile.TemporaryDirectory(prefix="glossa-bench-memory-") as tmp:
        subprocess.run([sys.executable, os.path.abspath(__file__), "--generate", tmp, str(megabytes)],
                       check=True)
        big_a, big_b = os.path.join(tmp, "big-a"), os.path.join(tmp, "big-b")
        jsonl_a, jsonl_b = os.path.join(tmp, "a.jsonl"), os.path.join(tmp, "b.jsonl")
        out = os.path.join(tmp, "out")
        cases = [
            ("export --format conll, one %d MB article" % megabytes,
             [glossa, "export", big_a, "--format", "conll", "-o", out], [big_a]),
            ("export --format jsonl, one %d MB article" % megabytes,
             [glossa, "export", big_a, "--format", "jsonl", "-o", out], [big_a]),
            ("agree, two folders with the %d MB article" % megabytes,
             [glossa, "agree", big_a, big_b], [big_a, big_b]),
            ("agree, two JSONL exports of 1,000 articles",
             [glossa, "agree", jsonl_a, jsonl_b], [jsonl_a, jsonl_b]),
        ]

        print("1..%d" % len(cases))
        print("# budget: peak RSS at most %.0fx the input + %d MB" % (BUDGET_RATIO, BUDGET_CONSTANT >> 20))
        failed = 0
        for number, (name, command, inputs) in enumerate(cases, 1):
            size = size_of(*inputs)
            rss, wall, code = peak_rss(command)
            if os.path.exists(out):
                os.unlink(out)
            ok = code == 0 and rss <= BUDGET_RATIO * size + BUDGET_CONSTANT
            failed += not ok
            print("# %s: input %.1f MB, peak RSS %.1f MB, ratio %.2f, %.1f s, exit %d"
                  % (name, size / 1e6, rss / 1e6, rss / size, wall, code))
            print("%s %d - %s within the budget" % ("ok" if ok else "not ok", number, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
