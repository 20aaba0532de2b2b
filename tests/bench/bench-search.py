#!/usr/bin/env python3
# bench-search.py: glossa search over 100,000 JSONL articles against grep -c -F
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: bench-search.py GLOSSA [BENCH_SEARCH_WINDOW] [N_ARTICLES]

Issue 13's budgets: `glossa search` over the 100,000-article JSONL corpus
within 3x `grep -c -F` of the same query on the same file, and (with
BENCH_SEARCH_WINDOW) the first results in the search window within 200 ms.
The corpus is the one bench-corpus-window.py generates. Each figure is the
median of RUNS runs, the file in the page cache; wall time and CPU time
(user + system) are both printed, since the machine may be shared.

Every query kind (plain, ignoring case, whole word, regular expression, a
common word) is run twice: printing its keyword-in-context lines, and with
--count, which prints only the numbers as `grep -c` does. A regular
expression is measured against `grep -c -P`, which reads the same PCRE
dialect with the same JIT-compiled engine that GRegex uses, and against
`grep -c -E` as well. `grep -c` stops reading a line at its first match and
prints one number, where a search prints a line per match: for the common
word (a million matches) the lines are also measured against `grep -o -w`,
which prints each match.
"""

import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 5
HERE = os.path.dirname(os.path.abspath(__file__))


def generator():
    spec = importlib.util.spec_from_file_location("bench_corpus_window",
                                                  os.path.join(HERE, "bench-corpus-window.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(path, n):
    import random
    module = generator()
    rng = random.Random(4)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"article-{i}", "text": module.article(rng, i)},
                               ensure_ascii=False) + "\n")


def timed(cmd):
    """Wall and CPU seconds of one run. The output goes to a pipe, not to
    /dev/null: GNU grep notices /dev/null and stops at the first match. The
    pipe is read a megabyte at a time and dropped: keeping a search's 130 MB
    of lines in Python took longer than printing them."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
        while proc.stdout.read(1 << 20):
            pass
        returncode = proc.wait()
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if returncode not in (0, 1):
        raise RuntimeError(f"{cmd}: exit {returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_of(cmd):
    runs = [timed(cmd) for _ in range(RUNS)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def compare(name, glossa_cmd, grep_cmd, grep_name):
    g_wall, g_cpu = median_of(glossa_cmd)
    r_wall, r_cpu = median_of(grep_cmd)
    print(f"{name}: glossa search {g_wall:.3f} s wall, {g_cpu:.3f} s CPU; "
          f"{grep_name} {r_wall:.3f} s wall, {r_cpu:.3f} s CPU; "
          f"ratio {g_wall / r_wall:.2f} wall, {g_cpu / r_cpu:.2f} CPU (budget 3)")
    return g_wall / r_wall


def same_articles(name, glossa_args, grep_args, glossa, corpus):
    """Each line of the corpus is an article: --count's articles are grep -c's lines."""
    out = subprocess.run([glossa, "search", corpus, "--count", "--json"] + glossa_args,
                         capture_output=True, text=True, check=True)
    articles = json.loads(out.stdout)["articles"]
    lines = int(subprocess.run(grep_args + [corpus], capture_output=True, text=True).stdout)
    if articles != lines:
        raise RuntimeError(f"{name}: glossa search found {articles} articles, grep {lines} lines")


def compare_kind(name, glossa_args, grep_args, grep_name, glossa, corpus):
    """The lines and --count, each against the same grep; returns the ratios."""
    same_articles(name, glossa_args, grep_args, glossa, corpus)
    return (compare(f"{name}, lines", [glossa, "search", corpus] + glossa_args, grep_args + [corpus], grep_name),
            compare(f"{name}, --count", [glossa, "search", corpus, "--count"] + glossa_args,
                    grep_args + [corpus], grep_name))


def first_results(bench_window, corpus, query):
    env = dict(os.environ)
    for name in ("MALLOC_CHECK_", "G_DEBUG"):
        env.pop(name, None)
    env.update({"GSETTINGS_BACKEND": "memory", "NO_AT_BRIDGE": "1", "GSK_RENDERER": "cairo"})
    times = []
    for _ in range(RUNS):
        out = subprocess.run([bench_window, corpus, query], env=env, capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        fields = dict(line.split(None, 1) for line in out.stdout.splitlines() if " " in line)
        times.append((float(fields["cold-first-results-ms"]), float(fields["first-results-ms"]),
                      float(fields["first-frame-ms"]), float(fields["all-results-ms"]),
                      float(fields["cold-first-frame-ms"]), float(fields["bare-first-frame-ms"])))
    cold, first, frame, done, cold_frame, bare = (statistics.median(t[i] for t in times) for i in range(6))
    print(f"search window, {query!r}: first results after {first:.1f} ms, painted after {frame:.1f} ms, "
          f"all after {done:.0f} ms (the process's first search: {cold:.1f} ms, painted after "
          f"{cold_frame:.1f} ms; medians of {RUNS}; budget 200 ms)")
    print(f"  floor: a bare five-column GtkColumnView given its first 24 rows, painted after {bare:.1f} ms; "
          f"the search window's first painted rows take {frame / bare:.2f}x that")


def main():
    glossa = os.path.abspath(sys.argv[1])
    bench_window = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].isdigit() else None
    n = int(sys.argv[-1]) if sys.argv[-1].isdigit() else 100_000
    tmp = tempfile.mkdtemp(prefix="glossa-bench-search-")
    try:
        corpus = os.path.join(tmp, "corpus.jsonl")
        generate(corpus, n)
        print(f"{n} articles, {os.path.getsize(corpus) / 1e6:.0f} MB")
        # Warm the page cache, and check both find the same articles.
        subprocess.run(["cat", corpus], stdout=subprocess.DEVNULL, check=True)
        # A phrase in about a quarter of the articles, and a word in most.
        phrase = "harbour talks"
        kinds = [
            ("plain, “harbour talks”", [phrase, "--case"], ["grep", "-c", "-F", phrase], "grep -c -F"),
            ("ignoring case, “harbour talks”", [phrase], ["grep", "-c", "-i", "-F", phrase], "grep -c -i -F"),
            ("whole word, “harbour talks”", [phrase, "--case", "--word"],
             ["grep", "-c", "-w", "-F", phrase], "grep -c -w -F"),
            ("regular expression, “harbou?r talks”", ["harbou?r talks", "--regex", "--case"],
             ["grep", "-c", "-P", "harbou?r talks"], "grep -c -P"),
            ("common whole word, “spokesman”", ["spokesman", "--case", "--word"],
             ["grep", "-c", "-w", "-F", "spokesman"], "grep -c -w -F"),
        ]
        lines, counts = [], []
        for name, args, grep_args, grep_name in kinds:
            line_ratio, count_ratio = compare_kind(name, args, grep_args, grep_name, glossa, corpus)
            lines.append(line_ratio)
            counts.append(count_ratio)
        # The same regular expression in POSIX ERE, grep's usual dialect.
        compare("regular expression, “harbou?r talks”, lines", [glossa, "search", corpus, "harbou?r talks",
                                                              "--regex", "--case"],
                ["grep", "-c", "-E", "harbou?r talks", corpus], "grep -c -E")
        # A million lines against a grep that prints a million matches.
        compare("common whole word, “spokesman”, lines", [glossa, "search", corpus, "spokesman", "--case", "--word"],
                ["grep", "-o", "-w", "-F", "spokesman", corpus], "grep -o -w -F")
        if bench_window:
            first_results(bench_window, corpus, "harbour talks")
        print(f"worst ratio against grep -c: {max(counts):.2f} with --count, {max(lines):.2f} printing the lines")
    finally:
        shutil.rmtree(tmp)


main()
