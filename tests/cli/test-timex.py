#!/usr/bin/env python3
# test-timex.py: `glossa timex` end to end: output, offsets, options, hostile files
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-timex.py GLOSSA. Prints TAP. Writes small articles in a
# temporary folder, runs the real binary and checks its output, its
# messages on standard error and its exit status.

import json
import os

from taptest import expect, expect_exit, glossa, report, test, write


def run(*args):
    return glossa("timex", *args, timeout=30)


@test
def tsv_with_header_date(tmp):
    # "è" and "“" count one code point each; the header is not a date.
    path = write(os.path.join(tmp, "a.txt"),
                 "date 2021-12-30\nÈ “finita” ieri, il 28 dicembre 2021.\n")
    result = run(path)
    expect_exit(result, 0)
    expect(result.stdout == "%s\t27\t31\t2021-12-29\tieri\n%s\t36\t52\t2021-12-28\t28 dicembre 2021\n"
           % (path, path), result.stdout)


@test
def dct_option_wins(tmp):
    path = write(os.path.join(tmp, "a.txt"), "date 2021-12-30\nThe port reopened yesterday.\n")
    result = run("--dct", "2020-03-01", path)
    expect_exit(result, 0)
    expect(result.stdout.split("\t")[3] == "2020-02-29", result.stdout)


@test
def json_output(tmp):
    a = write(os.path.join(tmp, "a.txt"), "date 2024-10-21\nLe scuole resteranno chiuse martedì.\n")
    b = write(os.path.join(tmp, "b.txt"), "Talks resumed in 2019.\n")
    result = run("--json", a, b)
    expect_exit(result, 0)
    data = json.loads(result.stdout)
    expect(data[0] == {"file": a, "lang": "it", "dct": "2024-10-21",
                       "dates": [{"start": 44, "end": 51, "text": "martedì", "value": "2024-10-22"}]},
           data[0])
    expect(data[1]["dct"] is None and data[1]["lang"] == "en", data[1])
    expect(data[1]["dates"] == [{"start": 17, "end": 21, "text": "2019", "value": "2019"}], data[1])


@test
def no_date_no_value(tmp):
    path = write(os.path.join(tmp, "a.txt"), "It ended on Tuesday, 28 December 2021.\n")
    result = run(path)
    expect_exit(result, 0)
    expect(result.stdout == "%s\t12\t37\t2021-12-28\tTuesday, 28 December 2021\n" % path, result.stdout)
    path = write(os.path.join(tmp, "b.txt"), "It ended yesterday.\n")
    result = run(path)
    expect_exit(result, 0)
    expect(result.stdout == "%s\t9\t18\t\tyesterday\n" % path, result.stdout)
    expect(path in result.stderr and "--dct" in result.stderr, result.stderr)


@test
def lang_option(tmp):
    path = write(os.path.join(tmp, "a.txt"), "date 2021-12-30\nIl ministro si è dimesso martedì.\n")
    expect(run("--lang", "it", path).stdout.count("\n") == 1)
    expect(run("--lang", "en", path).stdout == "")


@test
def usage_errors(tmp):
    path = write(os.path.join(tmp, "a.txt"), "today\n")
    for args, word in ((["--lang", "fr", path], "fr"), (["--dct", "2021-02-30", path], "2021-02-30"),
                       (["--dct", "2021-12", path], "2021-12"), ([], "no FILE")):
        result = run(*args)
        expect_exit(result, 2)
        expect(word in result.stderr, result.stderr)
        expect(result.stdout == "", result.stdout)


@test
def hostile_files(tmp):
    fifo = os.path.join(tmp, "fifo.txt")
    os.mkfifo(fifo)
    folder = os.path.join(tmp, "folder.txt")
    os.mkdir(folder)
    loop = os.path.join(tmp, "loop.txt")
    os.symlink(loop, loop)
    bad = write(os.path.join(tmp, "bad.txt"), b"date 2021-12-30\nyesterday \xff\xfe\n")
    good = write(os.path.join(tmp, "good.txt"), "date 2021-12-30\nyesterday\n")
    missing = os.path.join(tmp, "missing.txt")
    for path in (fifo, folder, loop, bad, missing):
        # A FIFO nobody writes to must not block; each failure names its file
        # and the files after it are still read.
        result = run(path, good)
        expect_exit(result, 1)
        expect(path in result.stderr, result.stderr)
        expect(result.stdout == "%s\t16\t25\t2021-12-29\tyesterday\n" % good, result.stdout)


@test
def long_article(tmp):
    # Each date's text is sliced out of the article: that must not walk the
    # article from its start for every date (it took minutes once).
    line = "Talks ended on Tuesday, 28 December 2021, and resume next week. È così.\n"
    path = write(os.path.join(tmp, "long.txt"), "date 2021-12-30\n" + line * 40000)
    result = run(path)
    expect_exit(result, 0)
    lines = result.stdout.splitlines()
    expect(len(lines) == 80000, len(lines))
    expect(lines[-1].split("\t")[1:] == ["2879997", "2880006", "2022-W01", "next week"], lines[-1])


report()
