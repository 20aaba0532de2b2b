#!/usr/bin/env python3
# bench-window.py: the window's speed against a bare GtkSourceView window
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: bench-window.py BARE_VIEW BENCH_WINDOW SAMPLE [RUNS]

Issue 3, "Speed". Measured in one run, so that the ratios hold on a busy
machine:

  1. start to first painted frame with SAMPLE: Glossa / bare <= 1.25;
  2. a generated 5 MB article with 50,000 spans: Glossa / the bare window
     showing the same article (no spans) <= 2;
  3. tagging and deleting a span in that document: median <= 5 ms and
     99th percentile <= 16 ms, from the action to the end of the frame that
     shows it; peak resident memory <= 300 MB.

Start-up is the wall time from spawning the program to its "first-frame"
line (best of RUNS, runs interleaved). Every figure is printed; the exit
status is 1 when a budget is exceeded, 77 (skip) without a display.
"""

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

BUDGET_SAMPLE_RATIO = 1.25
BUDGET_BIG_RATIO = 2.0
BUDGET_MEDIAN_MS = 5.0
BUDGET_P99_MS = 16.0
BUDGET_RSS_MB = 300.0

ARTICLE_BYTES = 5 * 1000 * 1000
N_SPANS = 50000
LABELS = ("actor", "quote", "claim", "date")

WORDS = ("the minister said that government officials would meet union "
         "leaders in Geneva on Monday after talks collapsed over pay and "
         "pensions while analysts warned of a prolonged strike across "
         "ports railways and hospitals café naïve Zürich São Paulo "
         "“independent” — observers reported record turnout").split()


def generate(directory):
    """Write big.txt (about 5 MB) and big.annotations.json (50,000 spans,
    some nested) into DIRECTORY; return the article's path."""
    rng = random.Random(2026)
    parts = [" date 2021-12-31 "]
    offset = len(parts[0])
    nbytes = len(parts[0].encode())
    words = []  # (start, end) of every word, in code points
    in_paragraph = 0
    while nbytes < ARTICLE_BYTES:
        word = rng.choice(WORDS)
        if in_paragraph > 0:
            sep = " "
        elif offset > len(parts[0]):
            sep = "\n\n"
        else:
            sep = ""
        piece = sep + word
        words.append((offset + len(sep), offset + len(piece)))
        parts.append(piece)
        offset += len(piece)
        nbytes += len(piece.encode())
        in_paragraph = (in_paragraph + 1) % 90
    parts.append(".\n")
    text = "".join(parts)

    spans = set()
    step = len(words) // (N_SPANS * 9 // 10)
    i = 0
    while len(spans) < N_SPANS and i + 3 < len(words):
        n = rng.randint(1, 3)
        start, end = words[i][0], words[i + n - 1][1]
        spans.add((start, end, rng.choice(LABELS)))
        if rng.random() < 0.12 and len(spans) < N_SPANS:
            # A nested span: the first word of the phrase.
            spans.add((words[i][0], words[i][1], "actor"))
        i += step
    spans = sorted(spans)[:N_SPANS]

    raw = text.encode()
    article = os.path.join(directory, "big.txt")
    with open(article, "wb") as f:
        f.write(raw)
    doc = {
        "format": "glossa-annotations",
        "version": 1,
        "document": {"id": "big", "file": "big.txt",
                     "sha256": hashlib.sha256(raw).hexdigest(),
                     "length": len(text), "date": "2021-12-31"},
        "labels": list(LABELS),
        "status": "todo",
        "annotator": "",
        "spans": [{"id": f"s{k + 1}", "start": s, "end": e, "label": l,
                   "text": text[s:e]} for k, (s, e, l) in enumerate(spans)],
    }
    with open(os.path.join(directory, "big.annotations.json"), "w",
              encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return article, len(raw), len(spans)


def environment():
    env = dict(os.environ)
    # Debugging aids of the test environment would slow both sides.
    for name in ("MALLOC_CHECK_", "G_DEBUG", "GTK_A11Y"):
        env.pop(name, None)
    env.update({"GSETTINGS_BACKEND": "memory", "NO_AT_BRIDGE": "1",
                "GDK_BACKEND": "x11"})
    env.pop("WAYLAND_DISPLAY", None)
    return env


def first_frame(cmd, env, timeout=180):
    """Wall time in ms from spawn to the "first-frame" line."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if line.startswith("first-frame"):
                elapsed = (time.monotonic() - t0) * 1000.0
                proc.wait(timeout=timeout)
                return elapsed
        raise RuntimeError(f"{cmd[0]} exited without a first frame:\n"
                           + proc.stderr.read())
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def startup(name, bare_cmd, glossa_cmd, env, runs):
    bare, glossa = [], []
    for _ in range(runs):
        bare.append(first_frame(bare_cmd, env))
        glossa.append(first_frame(glossa_cmd, env))
    b, g = min(bare), min(glossa)
    print(f"# {name}: bare runs {', '.join(f'{x:.0f}' for x in bare)} ms")
    print(f"# {name}: glossa runs {', '.join(f'{x:.0f}' for x in glossa)} ms")
    return b, g, g / b


def edit(cmd, env):
    out = subprocess.run(cmd, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"edit benchmark failed ({out.returncode}):\n"
                           + out.stdout + out.stderr)
    figures = {}
    for line in out.stdout.splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] in ("tag", "delete", "call", "frame", "change"):
            figures[words[0]] = dict(zip(words[1::2], map(float, words[2::2])))
        elif words[0] == "peak-rss-kb":
            figures["rss_mb"] = int(words[1]) / 1024.0
        elif words[0] == "path":
            figures["path"] = words[1]
    return figures


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY"):
        print("SKIP: no X display (run under xvfb-run)")
        return 77
    bare_view, bench_window, sample = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    env = environment()
    failed = []

    def verdict(ok, what):
        if not ok:
            failed.append(what)
        return "ok" if ok else "OVER BUDGET"

    work = tempfile.mkdtemp(prefix="glossa-bench-window-")
    try:
        sample_copy = os.path.join(work, os.path.basename(sample))
        shutil.copyfile(sample, sample_copy)
        t0 = time.monotonic()
        big, nbytes, nspans = generate(work)
        print(f"# generated {nbytes} bytes, {nspans} spans in "
              f"{time.monotonic() - t0:.1f} s")

        b, g, r = startup("sample", [bare_view, sample_copy],
                          [bench_window, "startup", sample_copy], env, runs)
        print(f"start-up, sample article: bare {b:.0f} ms, glossa {g:.0f} ms, "
              f"ratio {r:.2f} (budget {BUDGET_SAMPLE_RATIO}) "
              + verdict(r <= BUDGET_SAMPLE_RATIO, "sample start-up"))

        b, g, r = startup("5 MB", [bare_view, big],
                          [bench_window, "startup", big], env, runs)
        print(f"start-up, 5 MB with {nspans} spans: bare {b:.0f} ms, glossa "
              f"{g:.0f} ms, ratio {r:.2f} (budget {BUDGET_BIG_RATIO}) "
              + verdict(r <= BUDGET_BIG_RATIO, "5 MB start-up"))

        f = edit(bench_window, big, env)
        print(f"# edits went through the window's "
              f"{'actions' if f.get('path') == 'actions' else 'document API'}")
        for op in ("tag", "delete"):
            m, p = f[op]["median"], f[op]["p99"]
            print(f"{op} a span in the 5 MB document: median {m:.2f} ms "
                  f"(budget {BUDGET_MEDIAN_MS}), p99 {p:.2f} ms (budget "
                  f"{BUDGET_P99_MS}), max {f[op]['max']:.2f} ms, n "
                  f"{f[op]['n']:.0f} "
                  + verdict(m <= BUDGET_MEDIAN_MS and p <= BUDGET_P99_MS,
                            op + " latency"))
        print(f"# the action calls alone: median {f['call']['median']:.2f} ms,"
              f" p99 {f['call']['p99']:.2f} ms")
        print(f"peak resident memory: {f['rss_mb']:.0f} MB (budget "
              f"{BUDGET_RSS_MB:.0f}) "
              + verdict(f["rss_mb"] <= BUDGET_RSS_MB, "memory"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if failed:
        print(f"over budget: {', '.join(failed)}")
        return 1
    print("all window figures within budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
