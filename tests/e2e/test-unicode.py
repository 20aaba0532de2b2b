#!/usr/bin/env python3
# test-unicode.py: offsets in code points through the real window
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-unicode.py GLOSSA [OUTDIR]

An article with a flag and a skin-tone emoji before the words (so that
bytes, UTF-16 units and code points all differ), a combining mark, CJK,
right-to-left text and CRLF line ends. Words found with Ctrl+F and tagged
by key must be saved with offsets in code points: the Python slice of the
article equals each span's text.
"""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

exe = sys.argv[1]
tap = e2e.Tap(7)
M = e2e.MARKER
text = ("\U0001F1EE\U0001F1F9 \U0001F44D\U0001F3FD Zoe\u0308 met the mayor of "
        "Zürich, 李明, on Friday.\r\n"
        "\r\n"
        "The envoy said مرحبا بكم to the crowd.\r\n"
        "\r\n"
        f"{M} end {M}\r\n")
work = e2e.workdir("unicode")
article = e2e.place_article(work, "unicode.txt", text)
expected = []


def find_and_tag(name, query, key, span, then=()):
    app.focus()
    app.key("ctrl+f", "ctrl+a")
    app.type(query)
    app.key("Return", "Escape", *then, key)
    expected.append(span)
    ok, spans, _ = e2e.wait_spans(article, expected)
    tap.ok(ok, name, f"expected: {e2e.describe(sorted(expected), text)}\n"
           f"file has: {e2e.describe(spans, text)}")


app = e2e.Glossa(exe, article, work)
try:
    app.wait_window()
    app.wait_marked_lines(1)
except RuntimeError as error:
    tap.ok(False, "the window shows the article", error)
    tap.bail("no window to drive")
tap.ok(True, "the window shows the article")

find_and_tag("a word with a combining mark, after emoji, snaps whole (1)",
             "Zo", "1", e2e.span_of(text, "Zoe\u0308", "actor"))
find_and_tag("a word with a precomposed letter (2)", "rich", "2",
             e2e.span_of(text, "Zürich", "quote"))
# xdotool types CJK and Arabic unreliably (it remaps a keycode for each
# character): find the ASCII before them and select from the end of that
# match.
find_and_tag("CJK, selected with Shift+Right (3)", "h, ", "3",
             e2e.span_of(text, "李明", "claim"),
             then=("Right", "shift+Right", "shift+Right"))
find_and_tag("the last word of a CRLF-terminated line (4)",
             "Frid", "4", e2e.span_of(text, "Friday", "date"))
find_and_tag("right-to-left text, two lines and two CRLFs down, selected "
             "with Ctrl+Shift+Right (A)", "envoy said", "a",
             e2e.span_of(text, "مرحبا", "actor"),
             then=("Right", "shift+ctrl+Right"))

problems = e2e.check_file(article) if e2e.load_spans(article) else ["no file"]
status = app.close()
with open(article, "rb") as f:
    if f.read() != text.encode():
        problems.append("the article file was changed")
tap.ok(not problems and status == 0,
       "the file is valid, every span's text is the article slice, the "
       "article is untouched, and the window closes cleanly",
       "\n".join(problems) + f"\nexit status {status}\n{app.log_text()}")
sys.exit(tap.finish())
