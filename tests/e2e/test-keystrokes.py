#!/usr/bin/env python3
# test-keystrokes.py: a sample article annotated fully by keyboard, without and with suggestions, keys counted
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-keystrokes.py GLOSSA [OUTDIR]

Issue 13, "Quality and speed": the bundled sample 001_harbour_strike.txt
is annotated until its spans are those of its gold file
(data/samples/001_harbour_strike.annotations.json), with real key presses
in the real binary, twice:

  1. without suggestions (GSettings show-suggestions off): the caret is
     put at each span's start with Find (Ctrl+F, the shortest text from
     there that occurs once in the article, Enter, Escape, Left), a
     selection made to its end by words (Shift+Ctrl+Right) and characters
     (Shift+Right), and tagged with its label's key;
  2. with suggestions: ] makes the first suggestion current; each is
     accepted (Return) when the gold file has it and rejected (x)
     otherwise, the next one becoming current; then the spans no
     suggestion gave are tagged as in 1.

The keys are planned from the article's text, the gold spans and the
suggestions `glossa suggest` finds in the same article; a keystroke is one
key or chord pressed (a typed character is one, Shift+Ctrl+Right is one).
Each run passes when the annotation file on disk has exactly the gold
spans; both counts are printed as TAP diagnostics. The accepted quotes
also bring their speakers and the source links between them, checked too.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

SAMPLE = "001_harbour_strike"
KEYS = {"actor": "1", "quote": "2", "claim": "3", "date": "4"}
# A suggested speaker after its quote (within this many characters) is
# accepted with the quote, and so is not current on its own afterwards.
SPEAKER_REACH = 60

exe = sys.argv[1]
source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "data", "samples")
tap = e2e.Tap(5)


def read_gold():
    with open(os.path.join(source, SAMPLE + ".annotations.json"),
              encoding="utf-8") as f:
        doc = json.load(f)
    return sorted((s["start"], s["end"], s["label"]) for s in doc["spans"])


def suggested(text):
    """The spans `glossa suggest` adds to the article, in text order."""
    work = tempfile.mkdtemp(prefix="glossa-e2e-keystrokes-suggest-")
    try:
        os.mkdir(os.path.join(work, "in"))
        shutil.copy(os.path.join(source, SAMPLE + ".txt"),
                    os.path.join(work, "in"))
        subprocess.run([exe, "suggest", os.path.join(work, "in"), "-o",
                        os.path.join(work, "out")], check=True,
                       stderr=subprocess.DEVNULL)
        with open(os.path.join(work, "out", SAMPLE + ".annotations.json"),
                  encoding="utf-8") as f:
            doc = json.load(f)
        return [(s["start"], s["end"], s["label"]) for s in doc["spans"]]
    finally:
        shutil.rmtree(work)


def word_ends(text):
    """Where Ctrl+Right stops: after each run of letters and digits, and
    (as Pango's word boundaries have it in GTK 4.8) after the punctuation
    marks that follow one, as in "strike," "Workers'" or "one.""."""
    ends = {m.end() for m in re.finditer(r"\w+", text)}
    ends |= {m.end() for m in re.finditer(r"(?<=\w)[^\w\s]+", text)}
    return sorted(ends)


def unique(text, needle):
    # Find ignores case: a needle is unique if it is without case.
    return text.lower().count(needle.lower()) == 1


def find_keys(text, span, first_find):
    """Keys that select SPAN from anywhere. Find selects a match with the
    caret at its start: the shortest text starting at SPAN's start that
    occurs once in the article (on one line), then Left leaves the caret
    there; or, when there is none, the shortest once-only text ending at
    SPAN's start, then Right. Shift+Ctrl+Right and Shift+Right extend the
    selection to SPAN's end, the label's key tags it."""
    start, end, label = span
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, start) + 1
    keys = [("key", "ctrl+f")] + ([] if first_find else [("key", "ctrl+a")])
    after = next((text[start:k] for k in range(start + 1, line_end + 1)
                  if unique(text, text[start:k])), None)
    if after is not None:
        keys += [("type", after), ("key", "Return"), ("key", "Escape"),
                 ("key", "Left")]
    else:
        before = next(text[k:start] for k in range(start - 1, line_start - 1, -1)
                      if unique(text, text[k:start]))
        keys += [("type", before), ("key", "Return"), ("key", "Escape"),
                 ("key", "Right")]
    reached = start
    for word_end in word_ends(text):
        if reached < word_end <= end:
            keys.append(("key", "shift+ctrl+Right"))
            reached = word_end
    keys += [("key", "shift+Right")] * (end - reached)
    keys.append(("key", KEYS[label]))
    return keys


def count(keys):
    return sum(len(what) if kind == "type" else 1 for kind, what in keys)


def plan_without(text, gold):
    keys = []
    for i, span in enumerate(gold):
        keys += find_keys(text, span, i == 0)
    return keys


def plan_with(text, gold, suggestions):
    """] to the first suggestion, Return or x for each in turn, then Find
    for what is left."""
    keys = [("key", "ctrl+Home"), ("key", "bracketright")]
    done = set()
    skipped = set()
    for s in suggestions:
        if s in skipped:
            continue
        if s in gold:
            keys.append(("key", "Return"))
            done.add(s)
            if s[2] == "quote":
                for t in suggestions:
                    if (t[2] == "actor" and t in gold
                            and s[1] <= t[0] <= s[1] + SPEAKER_REACH):
                        skipped.add(t)
                        done.add(t)
        else:
            keys.append(("key", "x"))
    left = [span for span in gold if span not in done]
    for i, span in enumerate(left):
        keys += find_keys(text, span, i == 0)
    return keys


def run(name, keys, suggestions_on):
    """Sends KEYS to a fresh copy of the article; returns the file's
    spans and document."""
    work = e2e.workdir("keystrokes-" + name)
    article = os.path.join(work, SAMPLE + ".txt")
    shutil.copy(os.path.join(source, SAMPLE + ".txt"), article)
    settings = os.path.join(work, "config", "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write("[org/glossa/Glossa]\nshow-suggestions=%s\n"
                % ("true" if suggestions_on else "false"))
    app = e2e.Glossa(exe, article, work,
                     extra_env={"GSETTINGS_BACKEND": "keyfile"})
    try:
        app.wait_window()
        app.settle()
        app.focus()
        for kind, what in keys:
            if kind == "type":
                app.type(what)
            else:
                app.key(what, delay=80)
        ok, spans, _ = e2e.wait_spans(article, read_gold())
    finally:
        app.close()
    with open(e2e.annotations_path(article), encoding="utf-8") as f:
        doc = json.load(f)
    return spans, doc


text = e2e.read_article(os.path.join(source, SAMPLE + ".txt"))
gold = read_gold()
suggestions = suggested(text)
tap.ok(len(suggestions) > 0 and any(s in gold for s in suggestions),
       "glossa suggest finds spans of the gold file in the sample",
       f"suggestions: {e2e.describe(suggestions, text)}")

without = plan_without(text, gold)
spans, _ = run("without", without, False)
tap.ok(spans == gold, "without suggestions, the keys give the gold spans",
       f"gold: {e2e.describe(gold, text)}\nfile: {e2e.describe(spans, text)}")
tap.diag(f"without suggestions: {count(without)} keystrokes for "
         f"{len(gold)} spans")

with_keys = plan_with(text, gold, suggestions)
spans, doc = run("with", with_keys, True)
tap.ok(spans == gold, "with suggestions, the keys give the gold spans",
       f"gold: {e2e.describe(gold, text)}\nfile: {e2e.describe(spans, text)}")
tap.diag(f"with suggestions: {count(with_keys)} keystrokes for "
         f"{len(gold)} spans ({sum(1 for s in suggestions if s in gold)} "
         f"suggestions accepted, "
         f"{sum(1 for s in suggestions if s not in gold)} rejected)")

by_id = {s["id"]: (s["start"], s["end"], s["label"]) for s in doc["spans"]}
links = sorted((by_id[r["from"]], by_id[r["to"]])
               for r in doc.get("relations", []) if r["type"] == "source")
accepted_quotes = [s for s in suggestions if s in gold and s[2] == "quote"]
tap.ok(len(links) == len(accepted_quotes)
       and all(q in [f for f, _ in links] for q in accepted_quotes),
       "each accepted quote has a source link to its speaker",
       f"links: {links}")
origins = {(s["start"], s["end"], s["label"]): s.get("origin")
           for s in doc["spans"]}
tap.ok(all(origins[s] == "suggested" for s in suggestions if s in gold)
       and all(origins[s] == "manual" for s in gold if s not in suggestions),
       "accepted spans have origin suggested, the others manual",
       f"origins: {origins}")
tap.finish()
