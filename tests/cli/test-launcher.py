#!/usr/bin/env python3
# test-launcher.py: glossa runs its commands without loading GTK, and hands the rest to glossa-window
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-launcher.py GLOSSA. Prints TAP. The dynamic loader says which
# libraries a run of glossa loads (LD_DEBUG=libs): a command loads no GTK,
# libadwaita, GtkSourceView or cairo; --help and a chart, which need the
# window program, load them in the same process and give what they gave
# before the binary was split.

import os
import re
import shutil
import subprocess

import taptest
from taptest import expect, glossa, report, test

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "samples")
WINDOW_ONLY = ("libgtk-4", "libadwaita-1", "libgtksourceview-5", "libcairo.so")


def loaded(*args):
    """The exit code, the output and the libraries the loader opened."""
    result = glossa(*args, env={"LANGUAGE": "C", "LD_DEBUG": "libs"}, timeout=120)
    libs = set(re.findall(r"calling init: (\S+)", result.stderr))
    return result.returncode, result.stdout, libs


def has(libs, name):
    return any(name in os.path.basename(lib) for lib in libs)


@test
def a_command_loads_no_gtk(tmp):
    article = os.path.join(SAMPLES, "001_harbour_strike.annotations.json")
    code, out, libs = loaded("validate", article)
    expect(code == 0, out)
    expect("valid, 12 spans" in out, out)
    expect(has(libs, "libglib-2.0"), "the loader's report has no GLib: %r" % sorted(libs))
    for name in WINDOW_ONLY:
        expect(not has(libs, name), "validate loaded %s" % name)
    code, out, libs = loaded("search", SAMPLES, "harbour", "--count")
    expect(code == 0 and re.match(r"\d+ matches in \d+ articles\n$", out), out)
    for name in WINDOW_ONLY:
        expect(not has(libs, name), "search loaded %s" % name)


@test
def help_is_the_window_program_s_and_lists_the_commands(tmp):
    code, out, libs = loaded("--help")
    expect(code == 0, out)
    expect(out.startswith("Usage:\n  glossa [OPTION…]"), out)
    expect("--help-gapplication" in out, out)
    for command in ("validate", "stats", "search", "suggest"):
        expect(re.search(r"^  %s " % command, out, re.M), "%s not listed: %s" % (command, out))
    expect(has(libs, "libgtk-4"), "--help did not run the window program")


@test
def a_chart_is_drawn_by_the_window_program(tmp):
    for spelling in (["--chart", "labels"], ["--chart=labels"]):
        out_path = os.path.join(tmp, "labels-%d.svg" % len(spelling))
        code, out, libs = loaded("stats", SAMPLES, *spelling, "-o", out_path, "--json")
        expect(code == 0, out)
        expect(has(libs, "libcairo.so"), "%s: no cairo loaded" % spelling)
        with open(out_path, "rb") as f:
            expect(f.read(5) == b"<?xml", out_path)
        expect('"chart": "labels"' in out, out)
    # Without --chart, stats stays in glossa.
    code, out, libs = loaded("stats", SAMPLES)
    expect(code == 0, out)
    expect(not has(libs, "libcairo.so"), "stats without a chart loaded cairo")


@test
def an_installed_glossa_starts_the_window_program_of_its_prefix(tmp):
    # A copy in PREFIX/bin runs PREFIX/libexec/glossa-window (as a tree
    # installed with DESTDIR does) in the same process, with the same
    # arguments; without it, it says which program it could not start.
    bindir = os.path.join(tmp, "bin")
    libexec = os.path.join(tmp, "libexec")
    os.makedirs(bindir)
    os.makedirs(libexec)
    copy = os.path.join(bindir, "glossa")
    shutil.copy2(taptest.GLOSSA, copy)
    args = [copy, "--new-window", "a b.txt", "", "ü"]
    # (Unless Glossa is installed here: the copy then falls back to it.)
    if not any(os.path.exists(d + "/glossa-window") for d in ("/usr/local/libexec", "/usr/libexec")):
        result = subprocess.run(args, capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="C"))
        expect(result.returncode == 1, result)
        expect("glossa: cannot start the window program " in result.stderr and
               "glossa-window: No such file or directory" in result.stderr, result.stderr)

    window = os.path.join(libexec, "glossa-window")
    with open(window, "w") as f:
        f.write('#!/bin/sh\nprintf "%s\\n" "$$" "$0" "$@"\n')
    os.chmod(window, 0o755)
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate(timeout=60)
    expect(proc.returncode == 0, out)
    expect(out.split("\n")[:-1] == [str(proc.pid), window] + args[1:], (proc.pid, out))
    # Commands stay in glossa.
    result = subprocess.run([copy, "schema", "--help"], capture_output=True, text=True)
    expect(result.returncode == 0 and "schema" in result.stdout and str(proc.pid) not in result.stdout, result)


report()
