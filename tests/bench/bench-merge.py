#!/usr/bin/env python3
# bench-merge.py: `glossa merge` of three annotators' corpora, folders and JSONL
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates N articles (about 2 KB each) annotated by three annotators with
# 30 spans each, two thirds of them shared by all three and the rest each
# annotator's own, as folders and as JSONL corpora; then times
# `glossa merge A B C -o OUT --min-agree 2` for both, best of three, and
# prints the wall and CPU seconds and the output's file count. Checks that
# every shared span and no annotator's own span is in the output.
# Usage: bench-merge.py GLOSSA [N_DOCUMENTS]

import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

LABELS = ["actor", "quote", "claim", "date"]
WORDS = ("the minister said that talks would resume after the summit while officials in the "
         "capital warned of new sanctions against several companies accused of breaking "
         "agreements signed last year by both governments and observers").split()
WHO = ["ada", "ben", "cleo"]


def make_text(rng):
    parts, length = ["date 2024-%02d-%02d " % (rng.randint(1, 12), rng.randint(1, 28))], 16
    while length < 2000:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + ". "
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts).rstrip() + "\n"


def word_bounds(text):
    bounds, i = [], 0
    for word in text.split(" "):
        if word.strip():
            start = text.index(word, i)
            bounds.append((start, start + len(word)))
            i = start + len(word)
        else:
            i += 1
    return bounds


def make_keys(rng, bounds, n, taken):
    keys = set()
    while len(keys) < n:
        first = rng.randrange(len(bounds))
        last = min(len(bounds) - 1, first + rng.randint(0, 4))
        key = (bounds[first][0], bounds[last][1], rng.choice(LABELS))
        if key not in taken:
            keys.add(key)
    return keys


def spans_of(text, keys):
    ordered = sorted(keys, key=lambda k: (k[0], k[1], LABELS.index(k[2])))
    return [{"id": "s%d" % (i + 1), "start": s, "end": e, "label": l, "text": text[s:e]}
            for i, (s, e, l) in enumerate(ordered)]


def generate(tmp, n):
    rng = random.Random(20260110)
    folders = {w: os.path.join(tmp, w) for w in WHO}
    for folder in folders.values():
        os.mkdir(folder)
    lines = {w: ([], []) for w in WHO}
    shared_total = 0
    for k in range(n):
        name = "article-%05d" % k
        text = make_text(rng)
        data = text.encode("utf-8")
        bounds = word_bounds(text)
        shared = make_keys(rng, bounds, 20, set())
        shared_total += len(shared)
        taken = set(shared)
        for w in WHO:
            # Each annotator's own spans are no one else's.
            own = make_keys(rng, bounds, 10, taken)
            taken |= own
            spans = spans_of(text, shared | own)
            with open(os.path.join(folders[w], name + ".txt"), "wb") as f:
                f.write(data)
            doc = {"format": "glossa-annotations", "version": 1,
                   "document": {"id": name, "file": name + ".txt",
                                "sha256": hashlib.sha256(data).hexdigest(), "length": len(text)},
                   "labels": LABELS, "status": "done", "annotator": w, "spans": spans}
            with open(os.path.join(folders[w], name + ".annotations.json"), "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False)
            lines[w][0].append(json.dumps({"id": name, "text": text}, ensure_ascii=False))
            lines[w][1].append(json.dumps({"id": name, "status": "done", "annotator": w, "spans": spans},
                                          ensure_ascii=False))
    jsonl = {}
    for w in WHO:
        path = os.path.join(tmp, w + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines[w][0]) + "\n")
        with open(os.path.join(tmp, w + ".annotations.jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines[w][1]) + "\n")
        jsonl[w] = path
    return [folders[w] for w in WHO], [jsonl[w] for w in WHO], shared_total


ENV = {k: v for k, v in os.environ.items() if k not in ("G_DEBUG", "MALLOC_CHECK_", "G_SLICE")}


def timed(command, out):
    best = None
    for _ in range(3):
        if os.path.isdir(out):
            shutil.rmtree(out)
        elif os.path.exists(out):
            os.unlink(out)
            for extra in (out[:-len(".jsonl")] + ".annotations.jsonl",):
                if os.path.exists(extra):
                    os.unlink(extra)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best or (wall, cpu), (wall, cpu))
    return best


def count_spans(glossa, corpus):
    result = subprocess.run([glossa, "stats", "--json", corpus], capture_output=True, text=True, env=ENV)
    return json.loads(result.stdout)["spans"] if result.returncode == 0 else -1


def main():
    glossa = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    tests = []
    with tempfile.TemporaryDirectory(prefix="glossa-bench-merge-") as tmp:
        folders, jsonl, shared = generate(tmp, n)
        for kind, inputs, out in (("folders", folders, os.path.join(tmp, "merged")),
                                  ("JSONL", jsonl, os.path.join(tmp, "merged.jsonl"))):
            wall, cpu = timed([glossa, "merge"] + inputs + ["-o", out, "--min-agree", "2"], out)
            spans = count_spans(glossa, out)
            print("# %s: %d articles x 3 annotators: %.2f s wall, %.2f s CPU, %d spans written"
                  % (kind, n, wall, cpu, spans))
            tests.append((spans == shared, "merge of %s keeps the %d shared spans, no one's own" % (kind, shared)))
    print("1..%d" % len(tests))
    for i, (ok, name) in enumerate(tests, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    return 0 if all(ok for ok, _ in tests) else 1


if __name__ == "__main__":
    sys.exit(main())
