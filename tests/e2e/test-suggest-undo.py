#!/usr/bin/env python3
# test-suggest-undo.py: suggestions rejected, tagged over and undone with real keys; a rejection kept on reopening
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-suggest-undo.py GLOSSA [OUTDIR]

Issue 13, suggestions in the window, with real key presses in the real
binary on the sample 001_harbour_strike.txt (its suggestions, in text
order: the date "2009", the actor "Marta Quell", …, the date "Monday, 18
March" last):

  1. ] then x rejects "2009": the file lists it in rejected_suggestions;
     Ctrl+Z takes the rejection back (the list goes from the file) and
     makes "2009" current again, so Return accepts it; Ctrl+Z again, then
     [ and x reject it for good ("Marta Quell" current after it).
  2. "Monday" found (Ctrl+F) and tagged as a date hides the suggestion
     "Monday, 18 March" under it; Ctrl+Z brings it back: [ from "Marta
     Quell" wraps around to it, the last, and Return accepts it, origin
     "suggested".
  3. The window closed and the article opened again: the rejection
     stays, so ] from the top makes "Marta Quell" current, not "2009".

Each step is checked on disk, where the window saves on its own.
"""

import json
import os
import shutil
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

SAMPLE = "001_harbour_strike"
YEAR = (237, 241, "date")
QUELL = (244, 255, "actor")
MONDAY = (889, 895, "date")
MONDAY_MARCH = (889, 905, "date")

exe = sys.argv[1]
source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "samples")
tap = e2e.Tap(9)


def document(article):
    try:
        with open(e2e.annotations_path(article), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def rejected(article):
    doc = document(article)
    if doc is None:
        return None
    return [(r["start"], r["end"], r["label"]) for r in doc.get("rejected_suggestions", [])]


def wait_rejected(article, expected):
    got = e2e.wait_until(lambda: rejected(article) == expected)
    return got, rejected(article)


def start(work, article):
    settings = os.path.join(work, "config", "glib-2.0", "settings")
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write("[org/glossa/Glossa]\nshow-suggestions=true\n")
    app = e2e.Glossa(exe, article, work, extra_env={"GSETTINGS_BACKEND": "keyfile"})
    app.wait_window()
    app.settle()
    app.focus()
    return app


def keys(app, *names):
    for name in names:
        app.key(name, delay=80)


work = e2e.workdir("suggest-undo")
article = os.path.join(work, SAMPLE + ".txt")
shutil.copy(os.path.join(source, SAMPLE + ".txt"), article)
text = e2e.read_article(article)

app = start(work, article)
try:
    # 1. Reject, undo the rejection, accept, undo, reject again.
    keys(app, "ctrl+Home", "bracketright", "x")
    ok, got = wait_rejected(article, [YEAR])
    tap.ok(ok, "x rejects the first suggestion, listed in the file", f"rejected: {got}")
    keys(app, "ctrl+z")
    ok, got = wait_rejected(article, [])
    tap.ok(ok and "rejected_suggestions" not in document(article),
           "Ctrl+Z takes the rejection off the file", f"rejected: {got}")
    keys(app, "Return")
    ok, spans, _ = e2e.wait_spans(article, [YEAR])
    tap.ok(ok, "the suggestion is current again: Return accepts it", e2e.describe(spans, text))
    # Return made the next one current; [ goes back to it.
    keys(app, "ctrl+z", "bracketleft", "x")
    ok, spans, _ = e2e.wait_spans(article, [])
    ok2, got = wait_rejected(article, [YEAR])
    tap.ok(ok and ok2, "undone, then rejected again", f"{e2e.describe(spans, text)}; rejected: {got}")

    # 2. Tag over a suggestion, undo: it comes back.
    keys(app, "ctrl+f")
    app.type("Monday")
    keys(app, "Return", "Escape", "4")
    ok, spans, _ = e2e.wait_spans(article, [MONDAY])
    tap.ok(ok, "Monday tagged as a date over the suggestion", e2e.describe(spans, text))
    keys(app, "ctrl+z")
    ok, spans, _ = e2e.wait_spans(article, [])
    # The current one is "Marta Quell" again: [ wraps around to the last.
    keys(app, "bracketleft", "Return")
    ok2, spans, _ = e2e.wait_spans(article, [MONDAY_MARCH])
    doc = document(article)
    tap.ok(ok and ok2 and doc["spans"][0].get("origin") == "suggested",
           "after Ctrl+Z the suggestion under it is back: [ and Return accept it",
           e2e.describe(spans, text))
finally:
    code = app.close()
tap.ok(code == 0, "the window closes cleanly", f"exit {code}; log: {app.log_text()[-2000:]}")

# 3. Opened again: the rejection stays.
app = start(work, article)
try:
    keys(app, "ctrl+Home", "bracketright", "Return")
    ok, spans, _ = e2e.wait_spans(article, [QUELL, MONDAY_MARCH])
    tap.ok(ok, "opened again, ] from the top skips the rejected suggestion", e2e.describe(spans, text))
    tap.ok(rejected(article) == [YEAR], "the rejection is still in the file", f"rejected: {rejected(article)}")
finally:
    app.close()
tap.finish()
