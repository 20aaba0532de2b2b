#!/usr/bin/env python3
# bench-corpus-window.py: the window on 100,000 articles, as a folder and as JSONL
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: bench-corpus-window.py BARE_VIEW BENCH_CORPUS_WINDOW [N_ARTICLES]

Issue 4's budgets, measured in the same run:
  1. the window shown with the corpus list usable within 1.5 s of starting,
     printed beside a bare GtkSourceView window showing one article (the
     floor for this stack);
  2. resident memory at most 250 MB once every status is read;
  3. next-article switch to first paint: at most 50 ms median.
The corpora are generated here: N_ARTICLES (100,000) seed-sized articles,
one in ten with an annotation file, as a folder and as a JSONL file.
"""

import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

WORDS = ("the council said minister court river bridge harbour talks "
         "union strike market rain week city port plan vote budget police "
         "school report north south spokesman officials warned agreed").split()
NAMES = ["Ana Lima", "Rui Costa", "Eva Dias", "Tom Berg", "Mia Holt"]
SWITCHES = 40


def article(rng, i):
    """About 2 KB of text with a date header, a few names in it."""
    day = 1 + i % 28
    parts = [f"date 2024-03-{day:02d} Report number {i}."]
    while sum(len(p) + 1 for p in parts) < 2000:
        sentence = " ".join(rng.choice(WORDS) for _ in range(12))
        if rng.random() < 0.3:
            sentence = rng.choice(NAMES) + " " + sentence
        parts.append(sentence.capitalize() + ".")
    return " ".join(parts) + "\n"


def spans_of(text):
    spans = []
    for name in NAMES:
        at = text.find(name)
        if at >= 0:
            spans.append({"id": f"s{len(spans) + 1}", "start": at,
                          "end": at + len(name), "label": "actor",
                          "text": name})
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    return spans


def annotation_file(name, text, spans, status):
    return {
        "format": "glossa-annotations", "version": 1,
        "document": {"id": name, "file": name + ".txt",
                     "sha256": hashlib.sha256(text.encode()).hexdigest(),
                     "length": len(text), "date": text[5:15]},
        "labels": ["actor", "quote", "claim", "date"],
        "status": status, "annotator": "bench", "spans": spans,
    }


def generate(root, n):
    rng = random.Random(4)
    folder = os.path.join(root, "folder")
    os.mkdir(folder)
    jsonl = os.path.join(root, "corpus.jsonl")
    statuses = ["in-progress", "done"]
    with open(jsonl, "w", encoding="utf-8") as lines:
        for i in range(n):
            name = f"article-{i}"
            text = article(rng, i)
            with open(os.path.join(folder, name + ".txt"), "w",
                      encoding="utf-8", newline="") as f:
                f.write(text)
            if i % 10 == 0:
                data = annotation_file(name, text, spans_of(text),
                                       statuses[(i // 10) % 2])
                with open(os.path.join(folder, name + ".annotations.json"),
                          "w", encoding="utf-8") as f:
                    f.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            lines.write(json.dumps({"id": name, "text": text},
                                   ensure_ascii=False) + "\n")
    return folder, jsonl, os.path.join(folder, "article-1.txt")


def environment():
    env = dict(os.environ)
    for name in ("MALLOC_CHECK_", "G_DEBUG", "GTK_A11Y"):
        env.pop(name, None)
    # The same software renderer for both windows (see bench-window.py).
    env.update({"GSETTINGS_BACKEND": "memory", "NO_AT_BRIDGE": "1",
                "GDK_BACKEND": "x11", "GSK_RENDERER": "cairo"})
    env.pop("WAYLAND_DISPLAY", None)
    return env


def run(cmd, env, timeout=600):
    """Wall time of each output line since spawn, and the lines."""
    t0 = time.monotonic()
    out = []
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            out.append(((time.monotonic() - t0) * 1000.0, line.split()))
        proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed:\n{proc.stderr.read()}")
    return out


def bare_first_frame(bare_view, path, env):
    for wall, fields in run([bare_view, path], env):
        if fields and fields[0] == "first-frame":
            return wall
    raise RuntimeError("bare-view showed no frame")


def corpus_run(bench, corpus, env):
    figures = {"switch": []}
    for wall, fields in run([bench, corpus, str(SWITCHES)], env):
        if not fields:
            continue
        if fields[0] == "list-frame":
            figures["list"] = wall
        elif fields[0] == "statuses-ms":
            figures["statuses"] = wall
        elif fields[0] == "rss-kb":
            figures["rss"] = int(fields[1]) / 1024.0
        elif fields[0] == "switch":
            figures["switch"].append(float(fields[1]))
    return figures


def main():
    if not os.environ.get("DISPLAY"):
        print("bench-corpus-window: no display, skipped (run it under xvfb-run)")
        return 0
    bare_view, bench = sys.argv[1:3]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    env = environment()
    root = tempfile.mkdtemp(prefix="glossa-bench-corpus-")
    failed = []
    try:
        t = time.monotonic()
        folder, jsonl, one = generate(root, n)
        print(f"# generated {n:,} articles in {time.monotonic() - t:.1f} s")

        bare = min(bare_first_frame(bare_view, one, env) for _ in range(3))
        print(f"bare GtkSourceView window, one article: first frame {bare:.0f} ms")
        for kind, corpus in (("folder", folder), ("JSONL", jsonl)):
            runs = [corpus_run(bench, corpus, env) for _ in range(3)]
            best = min(runs, key=lambda r: r["list"])
            switches = [s for r in runs for s in r["switch"]]
            list_ms = best["list"]
            rss = max(r["rss"] for r in runs)
            median = statistics.median(switches)
            print(f"{kind}: window with the list usable {list_ms:.0f} ms "
                  f"({list_ms / bare:.2f}x the bare window; budget 1500 ms); "
                  f"statuses read {best['statuses']:.0f} ms; "
                  f"resident memory then {rss:.0f} MB (budget 250 MB); "
                  f"next article {median:.1f} ms median, "
                  f"{max(switches):.1f} ms at most over {len(switches)} "
                  f"(budget 50 ms median)")
            if list_ms > 1500:
                failed.append(f"{kind}: list usable after {list_ms:.0f} ms")
            if rss > 250:
                failed.append(f"{kind}: {rss:.0f} MB resident")
            if median > 50:
                failed.append(f"{kind}: next article {median:.1f} ms")
    finally:
        shutil.rmtree(root, ignore_errors=True)

    for failure in failed:
        print(f"over budget: {failure}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
