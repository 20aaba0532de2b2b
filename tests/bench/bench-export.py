#!/usr/bin/env python3
# bench-export.py: `glossa export --format jsonl` against a Python baseline
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates 10,000 seed-sized articles (about 2 KB each, with a "date
# YYYY-MM-DD" header) with 30 spans each, then times in the same run
# `glossa export DIR --format jsonl -o OUT` and export_baseline.py doing the
# same with the standard library. Glossa must be at least twice as fast.
# Usage: bench-export.py GLOSSA [N_DOCUMENTS]

import hashlib
import json
import os
import random
import resource
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
NAMES = ["Anna Keller", "Marco Rossi", "Lena Novak", "Omar Haddad", "Yuki Tanaka",
         "Sofia García", "Pierre Dubois", "Ingrid Holm", "Kwame Mensah", "Élodie Martin"]


def make_text(rng):
    year, month, day = rng.randint(2000, 2025), rng.randint(1, 12), rng.randint(1, 28)
    parts = [" date %04d-%02d-%02d " % (year, month, day)]
    length = len(parts[0])
    while length < 2000:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
        if rng.random() < 0.5:
            words.insert(rng.randint(0, len(words)), rng.choice(NAMES))
        sentence = " ".join(words).capitalize() + ". "
        if rng.random() < 0.15:
            sentence += "\n\n"
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts).rstrip() + "\n"


def make_spans(rng, text, n):
    # Word-aligned spans of one to six words; (start, end, label) unique.
    bounds, i = [], 0
    for word in text.split(" "):
        if word.strip():
            start = text.index(word, i)
            bounds.append((start, start + len(word)))
            i = start + len(word)
        else:
            i += 1
    keys = set()
    while len(keys) < n:
        first = rng.randrange(len(bounds))
        last = min(len(bounds) - 1, first + rng.randint(0, 5))
        start, end = bounds[first][0], bounds[last][1]
        keys.add((start, end, rng.choice(LABELS)))
    spans = sorted(keys, key=lambda k: (k[0], k[1], LABELS.index(k[2])))
    return [{"id": "s%d" % (i + 1), "start": s, "end": e, "label": l, "text": text[s:e]}
            for i, (s, e, l) in enumerate(spans)]


def generate(folder, n):
    rng = random.Random(20260101)
    for k in range(n):
        name = "article-%05d" % k
        text = make_text(rng)
        data = text.encode("utf-8")
        with open(os.path.join(folder, name + ".txt"), "wb") as f:
            f.write(data)
        annotations = {
            "format": "glossa-annotations",
            "version": 1,
            "document": {"id": name, "file": name + ".txt",
                         "sha256": hashlib.sha256(data).hexdigest(),
                         "length": len(text), "date": text[6:16]},
            "labels": LABELS,
            "status": rng.choice(["todo", "in-progress", "done"]),
            "annotator": "bench",
            "spans": make_spans(rng, text, 30),
        }
        with open(os.path.join(folder, name + ".annotations.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(annotations, indent=2, ensure_ascii=False) + "\n")


# Both sides run as a user would run them: without the test suite's
# debugging settings (G_DEBUG=gc-friendly clears freed memory).
ENV = {k: v for k, v in os.environ.items() if k not in ("G_DEBUG", "MALLOC_CHECK_", "G_SLICE")}


def timed(command):
    """Wall-clock seconds, and CPU seconds (user + system, every thread)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    glossa = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    baseline = os.path.join(os.path.dirname(os.path.abspath(__file__)), "export_baseline.py")
    with tempfile.TemporaryDirectory(prefix="glossa-bench-export-") as tmp:
        corpus = os.path.join(tmp, "corpus")
        os.mkdir(corpus)
        generate(corpus, n)
        out_glossa = os.path.join(tmp, "glossa.jsonl")
        out_python = os.path.join(tmp, "python.jsonl")

        # One untimed run of each warms the page cache alike for both.
        subprocess.run([glossa, "export", corpus, "--format", "jsonl", "-o", out_glossa],
                       check=True, stderr=subprocess.DEVNULL, env=ENV)
        subprocess.run([sys.executable, baseline, corpus, out_python], check=True, env=ENV)

        # Interleaved, so that a burst of other work on the machine
        # falls on both alike; the best of five of each is kept.
        t_glossa, t_python = [], []
        for _ in range(5):
            t_glossa.append(timed([glossa, "export", corpus, "--format", "jsonl", "-o", out_glossa]))
            t_python.append(timed([sys.executable, baseline, corpus, out_python]))
        (t_glossa, cpu_glossa), (t_python, cpu_python) = min(t_glossa), min(t_python)

        # Same documents, same spans: the two outputs must say the same.
        with open(out_glossa, encoding="utf-8") as a, open(out_python, encoding="utf-8") as b:
            same = [json.loads(l) for l in a] == [json.loads(l) for l in b]

    ratio = t_python / t_glossa
    print("1..2")
    print("# export of %d articles x 30 spans to JSONL" % n)
    print("# processors: %d" % os.cpu_count())
    print("# glossa export:        %.3f s (%.3f s of CPU)" % (t_glossa, cpu_glossa))
    print("# Python json baseline: %.3f s (%.3f s of CPU)" % (t_python, cpu_python))
    print("# load average at the end: %.2f" % os.getloadavg()[0])
    print("# ratio: glossa is %.2fx faster (at least 2x required)" % ratio)
    print("%s 1 - outputs agree" % ("ok" if same else "not ok"))
    print("%s 2 - glossa export at least 2x faster than the Python baseline (%.2fx)"
          % ("ok" if ratio >= 2 else "not ok", ratio))
    return 0 if same and ratio >= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
