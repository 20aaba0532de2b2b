#!/usr/bin/env python3
# test-kill.py: SIGKILL after tagging loses nothing older than a second
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-kill.py GLOSSA [OUTDIR]

Issue 3: "If the program is killed (SIGKILL) at any moment, reopening the
article shows every change made more than one second before."

Round 1 tags three spans and kills the process 1.5 s after the last tag.
Round 2 reopens the article, relabels, deletes and adds, and kills again
1.5 s after the last change. Round 3 tags a word every 0.3 s on a fresh
article and kills the process 0.1 s after the last: every tag made more
than a second before the kill must be on disk, so saving may not wait for
the annotator to pause.
"""

import os
import signal
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

exe = sys.argv[1]
tap = e2e.Tap(6)
text = e2e.ARTICLE
WORDS = ["Vladimir", "Putin", "spoke", "with", "Joe", "Biden", "on",
         "Thursday"]
LABEL_KEYS = {"actor": "1", "quote": "2", "claim": "3", "date": "4"}


def tag_word_keys(index, label):
    """Keys that tag the INDEX-th word of the first line by the caret."""
    return (["ctrl+Home"] + ["ctrl+Right"] * (index + 1)
            + ["Left", LABEL_KEYS[label]])


def start(article, work):
    app = e2e.Glossa(exe, article, work)
    app.wait_window()
    app.wait_marked_lines(e2e.ARTICLE_MARKED_LINES)
    return app


def shown(app, *keys):
    """Press KEYS and wait until the window shows their effect; return the
    time it did (a change is timed from when it was shown, not from when
    the keys were sent, which on a busy machine can be much earlier)."""
    before = e2e.screenshot()
    app.key(*keys, delay=30)
    app.wait_change(before)
    return time.monotonic()


def kill_at(app, when):
    delay = when - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    killed = time.monotonic()
    app.kill(signal.SIGKILL)
    return killed


def check_after_kill(name, article, must_have, must_not_have=()):
    spans = e2e.load_spans(article)
    if spans is None:
        return tap.ok(False, name, "no complete annotation file after SIGKILL")
    missing = [s for s in must_have if s not in spans]
    stale = [s for s in must_not_have if s in spans]
    problems = e2e.check_file(article)
    return tap.ok(not missing and not stale and not problems, name,
                  f"missing: {e2e.describe(missing, text)}\n"
                  f"should be gone: {e2e.describe(stale, text)}\n"
                  + "\n".join(problems)
                  + f"\nfile has: {e2e.describe(spans, text)}")


work = e2e.workdir("kill")
article = e2e.place_article(work, "kill.txt", text)
putin = e2e.span_of(text, "Putin", "actor")
thursday = e2e.span_of(text, "Thursday", "date")
spoke = e2e.span_of(text, "spoke", "quote")

# Round 1
try:
    app = start(article, work)
except RuntimeError as error:
    tap.ok(False, "round 1: the window shows the article", error)
    tap.bail("no window to drive")
tap.ok(True, "round 1: the window shows the article")
for span, index in ((putin, 1), (thursday, 7), (spoke, 2)):
    app.focus()
    last = shown(app, *tag_word_keys(index, span[2]))
kill_at(app, last + 1.5)
check_after_kill("round 1: killed 1.5 s after the last of three tags, all "
                 "three are in the file", article, [putin, thursday, spoke])

# Round 2: relabel Putin (via Tab), delete Thursday (Shift+Tab from the
# end), add Biden.
putin_claim = (putin[0], putin[1], "claim")
biden = e2e.span_of(text, "Biden", "actor")
try:
    app = start(article, work)
    ok = True
except RuntimeError as error:
    ok = tap.ok(False, "round 2: the article reopens after SIGKILL", error)
if ok:
    tap.ok(True, "round 2: the article reopens after SIGKILL")
    app.focus()
    shown(app, "ctrl+Home", "Tab", "3")
    shown(app, "ctrl+End", "shift+Tab", "Delete")
    last = shown(app, *tag_word_keys(5, "actor"))
    kill_at(app, last + 1.5)
    check_after_kill("round 2: relabel, delete and add, killed 1.5 s later: "
                     "all three changes are in the file", article,
                     [putin_claim, spoke, biden], [putin, thursday])
else:
    tap.ok(False, "round 2: not reached")

# Round 3: a change as soon as the last one is shown, killed 0.1 s after the
# last one.
work3 = e2e.workdir("kill3")
article3 = e2e.place_article(work3, "kill3.txt", text)
try:
    app = start(article3, work3)
    ok = True
except RuntimeError as error:
    ok = tap.ok(False, "round 3: the window shows the article", error)
if ok:
    tap.ok(True, "round 3: the window shows the article")
    made = []
    labels = ["actor", "quote", "claim", "date"]
    for i, word in enumerate(WORDS):
        label = labels[i % 4]
        app.focus()
        made.append((shown(app, *tag_word_keys(i, label)),
                     e2e.span_of(text, word, label)))
    killed = kill_at(app, made[-1][0] + 0.1)
    old = [span for t, span in made if killed - t > 1.0]
    tap.diag(f"{len(old)} of {len(made)} tags were made more than 1 s "
             "before the kill")
    check_after_kill("round 3: tagging one word after another, killed 0.1 s "
                     "after the last tag was shown: every tag older than 1 s is in the file",
                     article3, old)
else:
    tap.ok(False, "round 3: not reached")
sys.exit(tap.finish())
