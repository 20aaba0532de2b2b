#!/usr/bin/env python3
# test-error-state.py: an article that cannot be read, a fixed annotation file, a changed article
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-error-state.py GLOSSA [OUTDIR]

Issue 9, case 1: in a folder, moving from a good article to one that cannot
be read (Latin-1 bytes) shows the bad one's error state; the keys tag
nothing, the good article's file stays byte for byte, and none is made for
the bad one. Case 8: an annotation file that did not load, fixed on disk, is
read again without a dialog or a side copy. And an article that changes on
disk while open stops editing; reloading offers to re-anchor its spans,
which then sit on the new text, with the new hash, the old file kept aside.
"""

import glob
import hashlib
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

exe = sys.argv[1]
outdir = sys.argv[2] if len(sys.argv) > 2 else None
tap = e2e.Tap(16)


def title(app):
    return app.title()


def wait_for(condition):
    return bool(e2e.wait_until(condition))


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def shoot(name):
    if outdir:
        e2e.screenshot(os.path.join(outdir, name))


def other_copies(folder):
    return sorted(glob.glob(os.path.join(folder, "*.other-*.json")))


def first_word_keys(key):
    return ["ctrl+Home", "ctrl+Right", "Left", key]


# Case 1: a folder with a good article and one in Latin-1.

work = e2e.workdir("error-state")
corpus = os.path.join(work, "corpus")
os.mkdir(corpus)
good = e2e.place_article(corpus, "a-good.txt", "Ana Lima opened the bridge.\n")
bad = os.path.join(corpus, "b-bad.txt")
with open(bad, "wb") as f:
    f.write("Le café de Rui Costa.\n".encode("latin-1"))

app = e2e.Glossa(exe, corpus, work)
app.wait_window()
tap.ok(wait_for(lambda: title(app) == "a-good.txt"), "the folder opens on the good article",
       f"title is {title(app)!r}")

app.focus()
app.key(*first_word_keys("1"))
ok, spans, _ = e2e.wait_spans(good, [(0, 3, "actor")])
tap.ok(ok, "a tag on the good article is saved", e2e.describe(spans, e2e.read_article(good)))
good_before = read_bytes(e2e.annotations_path(good))

app.key("ctrl+Next")
tap.ok(wait_for(lambda: title(app) == "b-bad.txt"), "Ctrl+Page Down moves to the bad article",
       f"title is {title(app)!r}")
app.settle()
shoot("error-state-unreadable.png")

# What tagged the previous article's file before: label keys, Ctrl+Return.
# Then Shift+F9, which folds the article list away: once the window shows
# that, it has handled the keys before it; the list comes back after the
# checks.
app.focus()
app.key(*first_word_keys("1"))
app.key("2", "ctrl+Return")
before = e2e.screenshot()
app.key("shift+F9")
app.wait_change(before)
tap.ok(read_bytes(e2e.annotations_path(good)) == good_before,
       "the good article's annotation file is unchanged, byte for byte")
tap.ok(not os.path.exists(e2e.annotations_path(bad)),
       "no annotation file is made for the article that cannot be read")
tap.ok(title(app) == "b-bad.txt", "Ctrl+Return does not mark it done and move on",
       f"title is {title(app)!r}")
before = e2e.screenshot()
app.key("shift+F9")
app.wait_change(before)

app.key("ctrl+Prior")
tap.ok(wait_for(lambda: title(app) == "a-good.txt"), "Ctrl+Page Up still moves back",
       f"title is {title(app)!r}")
app.close()

# The same article opened on its own: its error state, then Try Again.

app = e2e.Glossa(exe, bad, work)
app.wait_window()
tap.ok(wait_for(lambda: title(app) == "b-bad.txt"),
       "an article that cannot be read, opened on its own, is named in the title",
       f"title is {title(app)!r}")
app.focus()
app.key(*first_word_keys("1"))
before = app.settle()
with open(bad, "w", encoding="utf-8") as f:
    f.write("Le café de Rui Costa.\n")
app.key("alt+t")
# The error page gives way to the article.
app.wait_change(before)
app.focus()
app.key(*first_word_keys("1"))
ok, spans, _ = e2e.wait_spans(bad, [(0, 2, "actor")])
tap.ok(ok, "once converted, Try Again (Alt+T) reads it and it can be tagged",
       e2e.describe(spans, e2e.read_article(bad)))
app.close()

# Case 8: an annotation file that does not load, then fixed on disk.

work8 = e2e.workdir("fixed")
article8 = e2e.place_article(work8, "fixed.txt", "Ana Lima opened the bridge.\n")
with open(e2e.annotations_path(article8), "w", encoding="utf-8") as f:
    f.write("{ \"format\": \"glossa-annotations\", oops\n")
app = e2e.Glossa(exe, article8, work8)
app.wait_window()
# The window shows the file's error, then, once the file is fixed, the
# article: any dialog would come with that.
before = app.settle()
e2e.write_annotations(article8, [(0, 3, "actor")])
app.wait_change(before)
dialog = app.wait_other_window(timeout=1.5)
tap.ok(dialog is None, "the fixed file raises no dialog")
tap.ok(other_copies(work8) == [], "no copy of the other version is made",
       f"copies: {other_copies(work8)}")
app.focus()
app.key("ctrl+Home", *["ctrl+Right"] * 5, "Left", "3")
ok, spans, _ = e2e.wait_spans(article8, [(0, 3, "actor"), (20, 26, "claim")])
tap.ok(ok, "the fixed file is read again and can be tagged",
       e2e.describe(spans, e2e.read_article(article8)))
app.close()

# An article that changes on disk while open, then re-anchored.

workc = e2e.workdir("changed")
old_text = "Ana Lima opened the bridge.\nRui Costa said no.\n"
prefix = "Updated: "
articlec = e2e.place_article(workc, "changed.txt", old_text)
app = e2e.Glossa(exe, articlec, workc)
app.wait_window()
app.focus()
app.key(*first_word_keys("1"))
ok, spans, _ = e2e.wait_spans(articlec, [(0, 3, "actor")])
app.key("ctrl+Home", "Down", "Home", "Right", "1")
ok, spans, _ = e2e.wait_spans(articlec, [(0, 3, "actor"), (28, 31, "actor")])
before = read_bytes(e2e.annotations_path(articlec))

shown = app.settle()
e2e.place_article(workc, "changed.txt", prefix + old_text)
# The bar saying that the article changed slides in.
app.wait_change(shown)
shoot("error-state-article-changed-bar.png")
app.focus()
app.key(*first_word_keys("2"))

# Alt+R: Reload (the bar), then Re-anchor 2 Spans (the error page). Leaving
# the article for its error page saves what there is to save: a span the
# label key made would be in the file by then.
shown = e2e.screenshot()
app.key("alt+r")
app.wait_change(shown)
tap.ok(ok and read_bytes(e2e.annotations_path(articlec)) == before,
       "after the article changed, a label key writes nothing",
       e2e.describe(e2e.load_spans(articlec), old_text))
shoot("error-state-article-changed.png")
app.focus()
app.key("alt+r")
moved = [(len(prefix), len(prefix) + 3, "actor"), (len(prefix) + 28, len(prefix) + 31, "actor")]
ok, spans, _ = e2e.wait_spans(articlec, moved)
tap.ok(ok, "re-anchoring moves the spans to where their text went",
       e2e.describe(spans, prefix + old_text))
with open(e2e.annotations_path(articlec), encoding="utf-8") as f:
    doc = json.load(f)
new_sha = hashlib.sha256((prefix + old_text).encode("utf-8")).hexdigest()
tap.ok(doc["document"]["sha256"] == new_sha and doc["document"]["length"] == len(prefix + old_text)
       and e2e.check_file(articlec) == [],
       "the annotation file records the new article and its spans' text",
       f"{doc['document']} {e2e.check_file(articlec)}")
copies = other_copies(workc)
tap.ok(len(copies) == 1 and read_bytes(copies[0]) == before,
       "the annotation file as it was is kept beside it, byte for byte",
       f"copies: {copies}")
app.close()

sys.exit(tap.finish())
