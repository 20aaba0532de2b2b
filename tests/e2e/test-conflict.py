#!/usr/bin/env python3
# test-conflict.py: another program's annotation file is never written over
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-conflict.py GLOSSA [OUTDIR]

Issue 3: "If the annotation file changes on disk while it is open (another
program, a git pull), Glossa notices and offers to reload; it never
overwrites another program's changes silently" and "If the annotation file
does not load ... never writes the file."
"""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

exe = sys.argv[1]
outdir = sys.argv[2] if len(sys.argv) > 2 else None
tap = e2e.Tap(6)
text = e2e.ARTICLE

putin = e2e.span_of(text, "Putin", "actor")
biden = e2e.span_of(text, "Biden", "actor")
thursday = e2e.span_of(text, "Thursday", "date")
spoke = e2e.span_of(text, "spoke", "quote")


def word_keys(index, key):
    """Keys that tag the INDEX-th word of the first line by the caret."""
    return ["ctrl+Home"] + ["ctrl+Right"] * (index + 1) + ["Left", key]


def wait_title(app, expected):
    return app.wait_title(expected)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


work = e2e.workdir("conflict")
article = e2e.place_article(work, "conflict.txt", text)
app = e2e.Glossa(exe, article, work)
try:
    app.wait_window()
    app.wait_marked_lines(e2e.ARTICLE_MARKED_LINES)
except RuntimeError as error:
    tap.ok(False, "the window shows the article", error)
    tap.bail("no window to drive")

app.focus()
app.key(*word_keys(1, "1"))
ok, spans, _ = e2e.wait_spans(article, [putin])
tap.ok(ok, "a tag is saved", e2e.describe(spans, text))

# Another program writes the file; the annotator tags on before Glossa
# can have noticed.
e2e.write_annotations(article, [thursday])
theirs = read_bytes(e2e.annotations_path(article))
app.focus()
# The keys go in one burst: the window asks only after a quiet moment
# on the keyboard, and a key of a sequence stalled longer than that on
# a busy machine would land in the dialog.
app.key(*word_keys(5, "1"), delay=0)
# The window asks once it has found the other program's file where it was
# to save: by then it would have written over it, if it ever did.
dialog = app.wait_other_window()
kept = read_bytes(e2e.annotations_path(article)) == theirs
tap.ok(kept, "a change made after another program wrote the file does not "
       "write over it",
       "file now has: " + e2e.describe(e2e.load_spans(article), text))

tap.ok(dialog is not None, "the window offers to reload")
if outdir:
    e2e.screenshot(os.path.join(outdir, "e2e-conflict.png"))

if dialog:
    app.focus(dialog)
    app.key("Return")
    app.wait_dialog_gone(dialog)
app.focus()
app.key(*word_keys(2, "2"))
ok, spans, _ = e2e.wait_spans(article, [thursday, spoke])
tap.ok(ok, "after Reload (Enter, the default) the other program's spans are "
       "shown and a new tag is added to them",
       "file has: " + e2e.describe(spans, text))
status = app.close()
tap.ok(status == 0, "the window closes cleanly",
       f"exit status {status}\n{app.log_text()}")

# An annotation file that does not load (the article changed since).
work = e2e.workdir("broken")
article = e2e.place_article(work, "broken.txt", text)
e2e.write_annotations(article, [putin])
broken_path = e2e.annotations_path(article)
# Make the recorded sha256 wrong but well-formed: flip its first digit.
doc = read_bytes(broken_path)
i = doc.index(b'"sha256": "') + len(b'"sha256": "')
flipped = b"1" if doc[i:i + 1] != b"1" else b"2"
doc = doc[:i] + flipped + doc[i + 1:]
with open(broken_path, "wb") as f:
    f.write(doc)
app = e2e.Glossa(exe, article, work)
try:
    app.wait_window()
    # Its error state (issue 9) shows no article to find markers in: wait
    # for the title, set once the document is shown.
    wait_title(app, "broken.txt")
    app.focus()
    app.key(*word_keys(7, "4"))
    app.key("ctrl+Home", "Tab", "Delete", "ctrl+s")
    # Whatever the keys did is on screen; closing then saves what there is
    # to save, so the file is checked after the window closed.
    app.settle()
    if outdir:
        e2e.screenshot(os.path.join(outdir, "e2e-broken.png"))
    status = app.close()
    tap.ok(status == 0 and read_bytes(broken_path) == doc,
           "an annotation file that does not load is never written, "
           "whatever keys are pressed",
           f"exit status {status}; file "
           f"{'unchanged' if read_bytes(broken_path) == doc else 'CHANGED'}")
except RuntimeError as error:
    tap.ok(False, "an annotation file that does not load is never written",
           error)
sys.exit(tap.finish())
