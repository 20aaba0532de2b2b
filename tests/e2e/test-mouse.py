#!/usr/bin/env python3
# test-mouse.py: tag spans with the mouse in the real binary
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-mouse.py GLOSSA [OUTDIR]

A double-click on a long word then C, a drag from the middle of one word to
the middle of the next then Q (snapped to whole words), a drag over a whole
line then 1; a click on a span selects it for Delete or relabelling; where
spans nest, a click selects the innermost and the next click the one
around it. Screen
positions come from the "███" markers around the lines (see glossae2e.py).
"""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

exe = sys.argv[1]
outdir = sys.argv[2] if len(sys.argv) > 2 else None
tap = e2e.Tap(13)
work = e2e.workdir("mouse")
article = e2e.place_article(work, "mouse.txt", e2e.ARTICLE)
text = e2e.ARTICLE
expected = []


def check(name, change):
    global expected
    expected = change(list(expected))
    ok, spans, _ = e2e.wait_spans(article, expected)
    return tap.ok(ok, name, f"expected: {e2e.describe(sorted(expected), text)}"
                  f"\nfile has: {e2e.describe(spans, text)}")


def middle(box):
    return (box[0] + box[1]) // 2


app = e2e.Glossa(exe, article, work)
try:
    app.wait_window()
    img, lines = app.wait_marked_lines(e2e.ARTICLE_MARKED_LINES)
except RuntimeError as error:
    tap.ok(False, "the window shows the article", error)
    tap.bail("no window to drive")
if outdir:
    e2e.screenshot(os.path.join(outdir, "e2e-mouse-start.png"))

word_line, said_line, firmly_line = lines[:3]
said_words = e2e.word_boxes(img, said_line)
firmly_words = e2e.word_boxes(img, firmly_line)
tap.ok(len(said_words) == 4 and len(firmly_words) == 3,
       "the window shows the article and its words can be found on screen",
       f"word boxes: {said_words} and {firmly_words}")


def y_of(line):
    return (line[0][1] + line[0][3]) // 2


constantinople = e2e.span_of(text, "Constantinople", "claim")
kremlin_said = e2e.span_of(text, "Kremlin said", "quote")
kremlin_date = e2e.span_of(text, "Kremlin said", "date")
washington = e2e.span_of(text, "Washington responded firmly", "actor")

word_x = (word_line[0][2] + word_line[1][0]) // 2
app.focus()
app.click(word_x, y_of(word_line), repeat=2)
app.key("c")
check("a double-click on a word then C tags the word as claim",
      lambda s: s + [constantinople])

y = y_of(said_line)
app.drag(middle(said_words[1]), y, middle(said_words[2]), y)
app.key("q")
check("a drag from mid-word to mid-word then Q tags both whole words",
      lambda s: s + [kremlin_said])

y = y_of(firmly_line)
app.drag(firmly_words[0][0] - 1, y, firmly_words[-1][1] + 1, y)
app.key("1")
check("a drag over a whole line then 1 tags the line's words as actor",
      lambda s: s + [washington])

app.click(word_x, y_of(word_line))
app.key("Delete")
check("a click on a span selects it and Delete deletes it",
      lambda s: [x for x in s if x != constantinople])

app.click(middle(said_words[1]), y_of(said_line))
app.key("d")
check("a click on a span then D relabels it as date",
      lambda s: [kremlin_date if x == kremlin_said else x for x in s])

app.key("ctrl+z")
check("Ctrl+Z undoes the relabelling",
      lambda s: [kremlin_said if x == kremlin_date else x for x in s])

app.key("ctrl+z")
check("Ctrl+Z again brings back the deleted span",
      lambda s: s + [constantinople])

responded_date = e2e.span_of(text, "responded", "date")
responded_quote = e2e.span_of(text, "responded", "quote")
washington_claim = e2e.span_of(text, "Washington responded firmly", "claim")
y = y_of(firmly_line)
# Select the outer span first: a drag must select text even when it starts
# inside the selected span.
app.click(middle(firmly_words[0]), y)
app.drag(firmly_words[1][0] + 2, y, firmly_words[1][1] - 2, y)
app.key("4")
check("a drag inside a word of the selected span, then 4, nests a date span "
      "in it",
      lambda s: s + [responded_date])

if outdir:
    e2e.screenshot(os.path.join(outdir, "e2e-mouse-end.png"))
problems = e2e.check_file(article) if e2e.load_spans(article) else ["no file"]
status = app.close()
tap.ok(not problems and status == 0,
       "the file is valid, every span's text is the article slice, and the "
       "window closes cleanly",
       "\n".join(problems) + f"\nexit status {status}\n{app.log_text()}")

# Click cycling, on a fresh window whose file already has the two nested
# spans (the layout is the same as in the first window: the words are
# where they were found before any span coloured them).
expected = [washington, responded_date]
e2e.write_annotations(article, expected)
app = e2e.Glossa(exe, article, work)
try:
    app.wait_window()
    app.wait_marked_lines(e2e.ARTICLE_MARKED_LINES)
except RuntimeError as error:
    tap.ok(False, "the window reopens", error)
    tap.bail("no window to drive")
x = middle(firmly_words[1])
app.focus()
app.click(x, y)
app.key("2")
check("a click where two spans nest selects the innermost (2 relabels it)",
      lambda s: [responded_quote if v == responded_date else v for v in s])
app.click(x, y)
app.key("3")
check("clicking there again selects the span around it (3 relabels it)",
      lambda s: [washington_claim if v == washington else v for v in s])
app.click(x, y)
app.key("4")
check("a third click there goes back to the innermost (4 relabels it)",
      lambda s: [responded_date if v == responded_quote else v for v in s])
app.close()
sys.exit(tap.finish())
