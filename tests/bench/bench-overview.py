#!/usr/bin/env python3
# bench-overview.py: the corpus overview on 100,000 JSONL articles: the command, the window's stall
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench-overview.py GLOSSA BENCH_OVERVIEW [N]. Generates a JSONL
# corpus of N articles (100,000 by default), a tenth of them annotated in
# FILE.annotations.jsonl with spans created over a month, then measures:
# `glossa stats` (the counts the corpus list already has), `glossa stats
# --chart progress` (the overview's reading, every document's spans), and the
# overview window: time to the charts and the longest stall of its main loop.
# Exits 1 if the window stalls for more than 1 s (it must not freeze).

import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

GLOSSA, BENCH = sys.argv[1], sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
WORDS = ("the council said minister court river bridge harbour talks union "
         "strike market rain week city port plan vote budget").split()
NAMES = ["Ana Lima", "Rui Costa", "Eva Dias", "Tom Berg"]
# A frame of the window (its spinner turning) drawn in software on a busy
# machine can take a few hundred milliseconds; a window blocked by the
# reading would stall for the whole reading (tens of seconds here).
MAX_STALL_MS = 1000


def generate(root):
    rng = random.Random(7)
    corpus = os.path.join(root, "corpus.jsonl")
    annotations = os.path.join(root, "corpus.annotations.jsonl")
    with open(corpus, "w", encoding="utf-8") as c, open(annotations, "w", encoding="utf-8") as a:
        for i in range(N):
            text = rng.choice(NAMES) + " " + " ".join(rng.choice(WORDS) for _ in range(300)) + "."
            c.write(json.dumps({"id": "a%d" % i, "text": text}) + "\n")
            if i % 10:
                continue
            name = text[:8]
            day = 1 + i % 28
            spans = [{"id": "s1", "start": 0, "end": len(name), "label": "actor", "text": name,
                      "created": "2026-02-%02dT10:00:00Z" % day}]
            a.write(json.dumps({"id": "a%d" % i, "status": ["done", "in-progress"][i // 10 % 2],
                                "annotator": "bench", "spans": spans}) + "\n")
    return corpus


def timed(cmd, env=None):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.monotonic() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode not in (0, 1):
        sys.exit("%s failed: %s" % (cmd, result.stderr))
    return seconds, rss, result.stdout, before


def main():
    root = tempfile.mkdtemp(prefix="glossa-bench-overview-")
    try:
        corpus = generate(root)
        stats, _, _, _ = timed([GLOSSA, "stats", corpus])
        chart, rss, _, _ = timed([GLOSSA, "stats", corpus, "--chart", "progress",
                                  "-o", os.path.join(root, "progress.svg")])
        # As the other window benchmarks: Xvfb has only software GL.
        env = dict(os.environ, GSK_RENDERER="cairo")
        window = subprocess.run([BENCH, corpus], capture_output=True, text=True, env=env)
        if window.returncode != 0 or "CRITICAL" in window.stderr or "WARNING" in window.stderr:
            sys.exit("bench-overview failed: %s" % window.stderr)
        figures = json.loads(window.stdout)
        print("articles: %d" % N)
        print("glossa stats:                   %.2f s" % stats)
        print("glossa stats --chart progress:  %.2f s (max RSS of the runs so far %d MB)" % (chart, rss // 1024))
        print("overview window on screen (spinner): %.2f s; to the first charts: %.2f s"
              % (figures["shown_seconds"], figures["first_seconds"]))
        print("overview window, read again: %.2f s; longest main-loop stall meanwhile %.0f ms"
              % (figures["seconds"], figures["max_stall_ms"]))
        if figures["documents"] != N:
            sys.exit("the window counted %d documents, not %d" % (figures["documents"], N))
        if figures["max_stall_ms"] > MAX_STALL_MS:
            sys.exit("the window stalled for %.0f ms" % figures["max_stall_ms"])
    finally:
        shutil.rmtree(root)


main()
