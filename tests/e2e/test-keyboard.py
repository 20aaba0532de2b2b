#!/usr/bin/env python3
# test-keyboard.py: annotate an article with the keyboard alone, in the real binary
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-keyboard.py GLOSSA [OUTDIR]

Tags by selection and by caret, snapping, Alt for exact characters,
relabelling, Tab/Shift+Tab with Delete/BackSpace, undo/redo, growing and
shrinking a span (Alt+Right/Left, Alt+Shift+Left/Right, as in the
shortcuts window), a note (N), find-then-tag and Ctrl+S, each checked in the annotation file on disk; then closes the
window and reopens the article to check that the spans load and are kept.
"""

import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

exe = sys.argv[1]
tap = e2e.Tap(25)
work = e2e.workdir("keyboard")
article = e2e.place_article(work, "keyboard.txt", e2e.ARTICLE)
text = e2e.ARTICLE
expected = []


def step(name, keys, change):
    """Press KEYS, apply CHANGE to the expected spans, check the file."""
    global expected
    app.focus()
    app.key(*keys)
    expected = change(list(expected))
    ok, spans, waited = e2e.wait_spans(article, expected)
    tap.ok(ok, name, f"expected: {e2e.describe(sorted(expected), text)}\n"
           f"file has: {e2e.describe(spans, text)}")
    if ok and waited > 1.0:
        tap.diag(f"written {waited:.2f} s after the keys were sent")
    return ok


def add(*span):
    return lambda spans: spans + [span]


def remove(*span):
    return lambda spans: [s for s in spans if s != span]


def replace(old, new):
    return lambda spans: [new if s == old else s for s in spans]


putin = e2e.span_of(text, "Vladimir Putin", "actor")
biden = e2e.span_of(text, "Joe Biden", "actor")
thursday = e2e.span_of(text, "Thursday", "date")
vladimir = e2e.span_of(text, "Vladimir", "quote")
biden_claim = e2e.span_of(text, "Joe Biden", "claim")
mistake = e2e.span_of(text, "colossal mistake", "claim")
ashing = e2e.span_of(text, "ashing", "quote")
spoke = e2e.span_of(text, "spoke", "quote")

app = e2e.Glossa(exe, article, work)
try:
    app.wait_window()
    app.wait_marked_lines(e2e.ARTICLE_MARKED_LINES)
    tap.ok(True, "the window shows the article")
except RuntimeError as error:
    tap.ok(False, "the window shows the article", error)
    tap.bail("no window to drive")

step("Ctrl+Shift+Right twice then 1 tags the two words as actor",
     ["ctrl+Home", "shift+ctrl+Right", "shift+ctrl+Right", "1"], add(*putin))

step("a selection with leading white space is trimmed (A tags actor)",
     ["ctrl+Home"] + ["ctrl+Right"] * 4 + ["shift+ctrl+Right"] * 2 + ["a"],
     add(*biden))

step("with no selection 4 tags the word at the caret as date",
     ["ctrl+Home"] + ["ctrl+Right"] * 7 + ["Right", "Right", "4"],
     add(*thursday))

step("a selection inside a word snaps outward to the word (Q: quote)",
     ["ctrl+Home", "Right", "shift+Right", "shift+Right", "shift+Right", "q"],
     add(*vladimir))

step("Ctrl+Z undoes the last tag", ["ctrl+z"], remove(*vladimir))
step("Ctrl+Shift+Z redoes it", ["ctrl+shift+z"], add(*vladimir))
step("Ctrl+Z undoes it again", ["ctrl+z"], remove(*vladimir))

step("Tab selects the next span after the caret and Delete deletes it",
     ["ctrl+Home", "Right", "Tab", "Delete"], remove(*biden))
step("Ctrl+Z brings the deleted span back", ["ctrl+z"], add(*biden))

step("Tab twice moves on to the span after that; BackSpace deletes it",
     ["ctrl+Home", "Right", "Tab", "Tab", "BackSpace"], remove(*thursday))
step("Ctrl+Z brings it back", ["ctrl+z"], add(*thursday))

step("a label key relabels the selected span (3: claim)",
     ["ctrl+Home", "Right", "Tab", "3"], replace(biden, biden_claim))

grown_end = (biden[0], biden[1] + 3, "claim")
grown_both = (biden[0] - 5, biden[1] + 3, "claim")
grown_start = (biden[0] - 5, biden[1], "claim")
step("Alt+Right grows the selected span by a word at its end",
     ["ctrl+Home", "Right", "Tab", "alt+Right"],
     replace(biden_claim, grown_end))
step("Alt+Shift+Left grows it by a word at its start",
     ["alt+shift+Left"], replace(grown_end, grown_both))
step("Alt+Left shrinks it by a word at its end",
     ["alt+Left"], replace(grown_both, grown_start))
step("Alt+Shift+Right shrinks it by a word at its start",
     ["alt+shift+Right"], replace(grown_start, biden_claim))


def note_of(span):
    try:
        with open(e2e.annotations_path(article), encoding="utf-8") as f:
            spans = json.load(f)["spans"]
    except (OSError, ValueError):
        return None
    for s in spans:
        if (s["start"], s["end"], s["label"]) == span:
            return s.get("note")
    return None


app.focus()
app.key("n")
dialog = app.wait_other_window()
if dialog:
    app.focus(dialog)
    app.type("checked by hand")
    app.key("Return")
note = e2e.wait_until(lambda: note_of(biden_claim) == "checked by hand"
                      and note_of(biden_claim))
tap.ok(note == "checked by hand",
       "N opens the note dialog of the selected span; the note is saved",
       f"dialog window: {dialog}; note in the file: {note_of(biden_claim)!r}")

step("Shift+Tab from the end selects the last span; Delete deletes it",
     ["ctrl+End", "shift+Tab", "Delete"], remove(*thursday))

step("find then tag: Ctrl+F, a phrase, Enter, Escape, C tags the match",
     ["ctrl+f", "c", "o", "l", "o", "s", "s", "a", "l", "space", "m", "i",
      "s", "t", "a", "k", "e", "Return", "Escape", "c"], add(*mistake))

step("Alt held while tagging keeps the exact characters (Alt+2: quote)",
     ["ctrl+f", "ctrl+a", "a", "s", "h", "i", "n", "g", "Return", "Escape",
      "alt+2"], add(*ashing))

app.focus()
app.key("ctrl+s")
problems = e2e.check_file(article) if e2e.load_spans(article) else ["no file"]
tap.ok(not problems, "after Ctrl+S the file is valid and every span's text "
       "is the article slice", "\n".join(problems))

status = app.close()
tap.ok(status == 0 and e2e.load_spans(article) == sorted(expected),
       "closing the window exits cleanly and keeps the spans",
       f"exit status {status}\n{app.log_text()}")

app = e2e.Glossa(exe, article, work)
try:
    app.wait_window()
    app.wait_marked_lines(e2e.ARTICLE_MARKED_LINES)
    step("reopened, the spans load and a new tag is added to them (2: quote)",
         ["ctrl+Home"] + ["ctrl+Right"] * 3 + ["Left", "2"], add(*spoke))
except RuntimeError as error:
    tap.ok(False, "reopened, the spans load and a new tag is added to them",
           error)
status = app.close()
tap.ok(status == 0, "closing again exits cleanly", f"exit status {status}")

log = app.log_text()
if "CRITICAL" in log or "WARNING" in log:
    tap.diag("glossa printed:\n" + log)
sys.exit(tap.finish())
