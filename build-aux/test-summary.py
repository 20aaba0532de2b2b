#!/usr/bin/env python3
# test-summary.py: count the results of every test run and print "N passed, N failed".
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-summary.py [--log [LABEL:]TESTLOG.json]… [--step NAME=pass|fail|skip]…
#
# Each TAP result of a meson test counts once ("ok", "not ok", "# SKIP" as
# skipped, "# TODO" as skipped too); a test that is not TAP, or printed no
# result at all, counts as one. A test that failed or timed out without any
# "not ok" still counts one failure, so a crash after the last "ok" is never
# hidden. A --step is one more result of something run outside meson (the
# fuzzer, a build that did not finish). The last line printed is the summary;
# the exit status is 1 when anything failed or nothing ran at all.

import argparse
import json
import os
import re
import sys

TAP_RESULT = re.compile(r"^(not ok|ok)\b[^#]*(#\s*(\S+))?", re.IGNORECASE)
BAD_RESULTS = {"FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS", "INTERRUPT"}


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []

    def add(self, outcome, name):
        if outcome == "pass":
            self.passed += 1
        elif outcome == "skip":
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append(name)


def tap_results(stdout):
    """Yields (outcome, description) for each top-level TAP result line.

    Indented lines are subtests of a TAP 14 producer whose parent line is
    counted already. "Bail out!" is not a result: it is yielded as "bail" so
    that a test that bailed out without any "not ok" is named by it."""
    for line in stdout.splitlines():
        if line.startswith("Bail out!"):
            yield "bail", line
            continue
        m = TAP_RESULT.match(line)
        if not m:
            continue
        directive = (m.group(3) or "").upper()
        if directive in ("SKIP", "TODO"):
            yield "skip", line
        elif m.group(1).lower() == "ok":
            yield "pass", line
        else:
            yield "fail", line


def test_protocols(log_path):
    """Maps each test's name to its protocol, from the build's introspection data."""
    builddir = os.path.dirname(os.path.dirname(os.path.abspath(log_path)))
    try:
        with open(os.path.join(builddir, "meson-info", "intro-tests.json"), encoding="utf-8") as f:
            return {t["name"]: t.get("protocol", "exitcode") for t in json.load(f)}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def count_test(tally, test, label, protocols):
    name = test.get("name", "?")
    result = str(test.get("result", "")).split(".")[-1].upper()
    stdout = test.get("stdout") or ""
    # Without introspection data, read every test's output as TAP.
    is_tap = protocols.get(name.split(" / ")[-1], "tap") == "tap"
    if label:
        name = f"{label}: {name}"

    results = list(tap_results(stdout)) if is_tap else []
    bail = next((line for o, line in results if o == "bail"), None)
    results = [(o, line) for o, line in results if o != "bail"]
    if results or bail:
        for outcome, line in results:
            tally.add(outcome, f"{name}: {line.strip()}")
        if result in BAD_RESULTS and not any(o == "fail" for o, _ in results):
            why = bail.strip() if bail else f"{result.lower()} after its last TAP result"
            tally.add("fail", f"{name}: {why}")
        return

    if result in BAD_RESULTS:
        tally.add("fail", f"{name}: {result.lower()}")
    elif result == "SKIP":
        tally.add("skip", name)
    else:
        tally.add("pass", name)


def read_log(tally, spec):
    label, _, path = spec.rpartition(":")
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
    except OSError as e:
        tally.add("fail", f"{spec}: no test log ({e.strerror})")
        return
    if not lines:
        tally.add("fail", f"{spec}: no test ran")
    protocols = test_protocols(path)
    for line in lines:
        line = line.strip()
        if not line:
            continue
        try:
            test = json.loads(line)
        except ValueError:
            tally.add("fail", f"{path}: unreadable line in the test log")
            continue
        count_test(tally, test, label, protocols)


def main():
    parser = argparse.ArgumentParser(description="Count test results.")
    parser.add_argument("--log", action="append", default=[],
                        help="a meson testlog.json, optionally LABEL:PATH")
    parser.add_argument("--step", action="append", default=[],
                        help="NAME=pass|fail|skip for something run outside meson")
    args = parser.parse_args()

    tally = Tally()
    for spec in args.log:
        read_log(tally, spec)
    for step in args.step:
        name, _, outcome = step.partition("=")
        tally.add(outcome if outcome in ("pass", "skip") else "fail", name)

    if tally.passed + tally.failed == 0:
        tally.add("fail", "no test ran")
    if tally.failures:
        print("\nFailed:")
        for name in tally.failures:
            print(f"  {name}")

    line = f"{tally.passed} passed, {tally.failed} failed"
    if tally.skipped:
        line += f", {tally.skipped} skipped"
    sys.stdout.flush()
    print(line)
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
