#!/usr/bin/env python3
# bench-import.py: `glossa import --format brat` of a folder of 2,000 documents
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates N brat documents (about 2 KB of text each, 30 T lines, 10 R
# lines and 5 notes), then times `glossa import --format brat IN -o OUT`,
# best of three, and prints the wall and CPU seconds and the file count
# of the output. Checks that every span was imported.
# Usage: bench-import.py GLOSSA [N_DOCUMENTS]

import importlib
import os
import random
import re
import sys
import tempfile

# Timed and counted as bench-merge.py does (best of three, wall and CPU).
_merge = importlib.import_module("bench-merge")
timed, count_spans = _merge.timed, _merge.count_spans

LABELS = ["Person", "Quote", "Claim", "Time"]
WORDS = _merge.WORDS


def make_text(rng):
    parts, length = [], 0
    while length < 2000:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + ". "
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts).rstrip() + "\n"


def word_bounds(text):
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def make_ann(rng, text):
    bounds = word_bounds(text)
    keys = set()
    while len(keys) < 30:
        first = rng.randrange(len(bounds))
        last = min(len(bounds) - 1, first + rng.randint(0, 4))
        keys.add((bounds[first][0], bounds[last][1], rng.choice(LABELS)))
    lines = []
    for i, (s, e, label) in enumerate(sorted(keys), 1):
        lines.append("T%d\t%s %d %d\t%s" % (i, label, s, e, text[s:e]))
    for i in range(1, 11):
        lines.append("R%d\tSaid Arg1:T%d Arg2:T%d" % (i, 2 * i - 1, 2 * i))
    for i in range(1, 6):
        lines.append("#%d\tAnnotatorNotes T%d\tchecked twice" % (i, i))
    return "\n".join(lines) + "\n", len(keys)


def generate(folder, n):
    rng = random.Random(20261130)
    total = 0
    for k in range(n):
        name = os.path.join(folder, "doc-%05d" % k)
        text = make_text(rng)
        ann, n_spans = make_ann(rng, text)
        total += n_spans
        with open(name + ".txt", "w", encoding="utf-8") as f:
            f.write(text)
        with open(name + ".ann", "w", encoding="utf-8") as f:
            f.write(ann)
    return total


def main():
    glossa = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    with tempfile.TemporaryDirectory(prefix="glossa-bench-import-") as tmp:
        source = os.path.join(tmp, "brat")
        out = os.path.join(tmp, "corpus")
        os.mkdir(source)
        total = generate(source, n)
        wall, cpu = timed([glossa, "import", "--format", "brat", source, "-o", out], out)
        files = sum(len(names) for _, _, names in os.walk(out))
        spans = count_spans(glossa, out)
        print("# brat: %d documents: %.2f s wall, %.2f s CPU, %d files, %d spans written"
              % (n, wall, cpu, files, spans))
    print("1..1")
    ok = spans == total
    print("%s 1 - import of %d brat documents keeps their %d spans" % ("ok" if ok else "not ok", n, total))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
