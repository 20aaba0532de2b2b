#!/usr/bin/env python3
# test-links.py: link spans and edit a date's value in the real binary, by keyboard and mouse
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-links.py GLOSSA [OUTDIR]

Issue 12 with real X input: a click on a quote then S and Enter links it
to the nearest actor; S then Escape changes nothing; S, typing part of a
name and Enter links to that actor; Ctrl+Z takes a link back; a Ctrl+drag
from a claim to an actor links them; the context menu's Source submenu
links too; Ctrl+J goes from the quote to its source, where Delete removes
the actor and its link and one Ctrl+Z brings both back; a date tagged with
4 gets its value from the article's date, and F2 changes it, saved as the
annotator's. What is checked is the annotation file on disk.
"""

import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

M = e2e.MARKER
TEXT = (
    "date 2021-12-30\n"
    "\n"
    f"{M} Putin said it was a colossal mistake on Tuesday {M}\n"
    "\n"
    f"{M} Psaki replied calmly {M}\n"
)

exe = sys.argv[1]
outdir = sys.argv[2] if len(sys.argv) > 2 else None
tap = e2e.Tap(12)
work = e2e.workdir("links")
article = e2e.place_article(work, "links.txt", TEXT)

putin = e2e.span_of(TEXT, "Putin", "actor")
mistake = e2e.span_of(TEXT, "a colossal mistake", "quote")
psaki = e2e.span_of(TEXT, "Psaki", "actor")
calmly = e2e.span_of(TEXT, "replied calmly", "claim")
tuesday = e2e.span_of(TEXT, "Tuesday", "date")
# Span ids follow the file's order: s1 Putin, s2 the quote, s3 Psaki,
# s4 the claim; the date tagged later is s5.


def document():
    try:
        with open(e2e.annotations_path(article), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def links():
    doc = document()
    if doc is None:
        return None
    return sorted((r["from"], r["to"], r["type"]) for r in doc.get("relations", []))


def check_links(name, expected, timeout=e2e.TIMEOUT):
    expected = sorted((f, t, "source") for f, t in expected)
    ok = e2e.wait_until(lambda: links() == expected, timeout)
    return tap.ok(ok, name, f"expected {expected}\nfile has {links()}")


def middle(box):
    return (box[0] + box[1]) // 2


def y_of(line):
    return (line[0][1] + line[0][3]) // 2


# The window opens on the file with the four spans. A span's tint counts
# as ink, so the words of one span make one box: the second line shows
# [Psaki] [replied calmly], and the first line ends with [Tuesday].
e2e.write_annotations(article, [putin, mistake, psaki, calmly])
app = e2e.Glossa(exe, article, work)
try:
    app.wait_window()
    img, lines = app.wait_marked_lines(2)
except RuntimeError as error:
    tap.ok(False, "the window shows the article", error)
    tap.bail("no window to drive")
said_line, replied_line = lines[:2]
said_words = e2e.word_boxes(img, said_line)
replied_words = e2e.word_boxes(img, replied_line)
tap.ok(len(said_words) >= 6 and len(replied_words) == 2,
       "the article's words can be found on screen",
       f"word boxes: {said_words} and {replied_words}")
app.focus()
said_y, replied_y = y_of(said_line), y_of(replied_line)
psaki_x = middle(replied_words[0])
calmly_x = replied_words[1][1] - 10
replied_x = replied_words[1][0] + 10


def select_quote():
    """A click on Psaki, then Shift+Tab: the span before, the quote."""
    app.click(psaki_x, replied_y)
    app.key("shift+Tab")


select_quote()
if outdir:
    e2e.screenshot(os.path.join(outdir, "e2e-links-selected.png"))
app.key("s")
time.sleep(0.3)
if outdir:
    e2e.screenshot(os.path.join(outdir, "e2e-links-mode.png"))
app.key("Return")
check_links("with the quote selected, S and Enter link it to the nearest actor",
            [("s2", "s1")])

app.click(calmly_x, replied_y)
app.key("s", "Escape")
time.sleep(1.0)
check_links("S then Escape links nothing", [("s2", "s1")], timeout=1)

app.key("s")
app.type("put")
app.key("Return")
check_links("S, typing \"put\" and Enter link the claim to Putin, not the "
            "nearer Psaki", [("s2", "s1"), ("s4", "s1")])

app.key("ctrl+z")
check_links("Ctrl+Z takes the link back", [("s2", "s1")])

# Ctrl+drag from the claim ("replied") to the actor ("Psaki").
subprocess.run(["xdotool", "keydown", "ctrl"], check=True)
try:
    app.drag(replied_x, replied_y, psaki_x, replied_y)
finally:
    subprocess.run(["xdotool", "keyup", "ctrl"], check=True)
check_links("a Ctrl+drag from the claim to Psaki links them",
            [("s2", "s1"), ("s4", "s3")])

app.key("ctrl+z")
check_links("Ctrl+Z takes it back", [("s2", "s1")])

# The context menu: its last item is the Source submenu, whose first
# candidate is the nearest actor.
subprocess.run(["xdotool", "mousemove", str(calmly_x), str(replied_y)], check=True)
time.sleep(0.1)
subprocess.run(["xdotool", "click", "3"], check=True)
time.sleep(1.0)
app.key("Up")
time.sleep(0.3)
app.key("Right")
time.sleep(0.6)
if outdir:
    e2e.screenshot(os.path.join(outdir, "e2e-links-menu.png"))
app.key("Down", "Return")
check_links("the context menu's Source submenu links the claim to Psaki",
            [("s2", "s1"), ("s4", "s3")])

# Ctrl+J from the quote to Putin; Delete takes Putin and his link; one
# Ctrl+Z brings both back.
app.focus()
select_quote()
app.key("ctrl+j", "Delete")
ok = e2e.wait_until(lambda: links() == [("s4", "s3", "source")] and
                    putin[:2] not in [(s["start"], s["end"]) for s in document()["spans"]])
tap.ok(ok, "Ctrl+J goes to the quote's source: Delete removes Putin and his link",
       f"file has {links()}")
app.key("ctrl+z")
check_links("one Ctrl+Z brings back Putin and the link", [("s2", "s1"), ("s4", "s3")])


def date_value():
    doc = document()
    for s in (doc or {}).get("spans", []):
        if (s["start"], s["end"], s["label"]) == tuesday:
            return s.get("attributes", {}).get("value"), s.get("value_source")
    return None


app.click(middle(said_words[-1]), said_y, repeat=2)
app.key("4")
e2e.wait_until(lambda: date_value() is not None)
first = date_value()
app.key("F2")
dialog = app.wait_other_window()
app.focus(dialog)
app.key("ctrl+a")
app.type("2021-12-21")
app.key("Return")
ok = e2e.wait_until(lambda: date_value() == ("2021-12-21", "annotator"))
tap.ok(first == ("2021-12-28", "auto") and ok,
       "a date tagged with 4 gets its value from the article's date; F2 sets "
       "another, saved as the annotator's",
       f"first {first}, then {date_value()}")

if outdir:
    e2e.screenshot(os.path.join(outdir, "e2e-links-end.png"))
status = app.close()
tap.ok(status == 0, "the window closes cleanly", f"exit status {status}\n{app.log_text()}")
sys.exit(tap.finish())
