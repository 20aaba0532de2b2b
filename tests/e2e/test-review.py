#!/usr/bin/env python3
# test-review.py: adjudication end to end with real keys, then the commands on the output
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-review.py GLOSSA [OUTDIR]

Issue 10: two annotators' folders; `glossa review A B -o OUT` opens the
window straight into review; every kind of decision is made with the keys
(Ctrl+1, Ctrl+2, Ctrl+3, Ctrl+4); the window is closed and the review
started again, and Ctrl+Return marks the adjudicated article done. Then
`glossa validate`, `stats` and `export` take OUT as it is, and the JSON
keeps where every span came from and every decision, "neither" included.
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

exe = sys.argv[1]
tap = e2e.Tap(9)
text = "Ana Lima said the bridge will reopen on Monday, the mayor announced.\n"

ana = e2e.span_of(text, "Ana Lima", "actor")
bridge_a = e2e.span_of(text, "the bridge will reopen", "claim")
bridge_b = e2e.span_of(text, "the bridge will reopen", "quote")
monday_a = e2e.span_of(text, "Monday", "date")
monday_b = e2e.span_of(text, "Monday", "claim")
mayor = e2e.span_of(text, "the mayor", "actor")
announced = e2e.span_of(text, "announced", "claim")


class Review(e2e.Glossa):
    """glossa review A B -o OUT, in the environment e2e.Glossa gives."""

    def __init__(self, args, workdir):
        self.exe = exe
        self.article = None
        self.workdir = workdir
        self.log_path = os.path.join(workdir, "glossa.log")
        env = dict(os.environ, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1", GDK_BACKEND="x11")
        env.pop("GTK_A11Y", None)
        env.pop("WAYLAND_DISPLAY", None)
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([os.path.abspath(exe), "review"] + args, env=env, cwd=workdir,
                                     stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        self.window = None


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def wait_for(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def glossa(*args):
    return subprocess.run([exe] + list(args), capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"))


work = e2e.workdir("review")
folder_a, folder_b = os.path.join(work, "ada"), os.path.join(work, "ben")
out = os.path.join(work, "adjudicated")
for folder, spans, who in ((folder_a, [ana, bridge_a, monday_a, announced], "ada"),
                           (folder_b, [bridge_b, monday_b, mayor, announced], "ben")):
    os.mkdir(folder)
    e2e.write_annotations(e2e.place_article(folder, "news.txt", text), spans, who)
    # What an annotator's own spans carry: their name, a note, a member
    # Glossa does not know.
    path = os.path.join(folder, "news.annotations.json")
    doc = load(path)
    for s in doc["spans"]:
        s.update(annotator=who, note=f"{who} on {s['text']}", confidence=0.5)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
result_path = os.path.join(out, "news.annotations.json")

# The review opens straight away; the agreed span is already in the result.
app = Review([folder_a, folder_b, "-o", out], work)
try:
    app.wait_window()
    seeded = wait_for(lambda: (load(result_path) or {}).get("spans"), timeout=30)
    tap.ok(seeded is not None and [(s["start"], s["end"], s["label"]) for s in seeded] == [announced],
           "the review starts with the agreed span", seeded)

    # F8 to the first disagreement; each decision moves on to the next.
    app.focus()
    app.key("F8")
    time.sleep(0.3)
    for keys in ("ctrl+1", "ctrl+2", "ctrl+3", "ctrl+4"):
        app.key(keys)
        time.sleep(0.3)
    expected = sorted([ana, bridge_b, monday_a, monday_b, announced])
    doc = wait_for(lambda: (lambda d: d if d and sorted((s["start"], s["end"], s["label"])
                                                        for s in d["spans"]) == expected
                            and len(d.get("decisions", [])) == 4 else None)(load(result_path)))
    tap.ok(doc is not None, "Keep A, Keep B, Keep Both and Neither are saved with their decisions",
           load(result_path))
finally:
    tap.ok(app.close() == 0, "the window closes cleanly", app.log_text())

# Started again over the same folders: the decisions are still there and
# nothing is added back; Ctrl+Return marks the adjudicated article done.
app = Review([folder_a, folder_b, "-o", out], work)
try:
    app.wait_window()
    time.sleep(1.0)
    app.focus()
    app.key("ctrl+Return")
    doc = wait_for(lambda: (lambda d: d if d and d["status"] == "done" else None)(load(result_path)))
    tap.ok(doc is not None, "the adjudicated article is marked done", load(result_path))
finally:
    app.close()

doc = load(result_path) or {"spans": [], "decisions": []}
spans = {(s["start"], s["end"], s["label"]): s for s in doc["spans"]}
decisions = [(d["start"], d["decision"], d["kept"]) for d in doc.get("decisions", [])]
tap.ok(decisions == [(ana[0], "a", ["actor"]), (bridge_a[0], "b", ["quote"]),
                     (monday_a[0], "both", ["claim", "date"]), (mayor[0], "neither", [])],
       "the four decisions, neither included, survive stopping and starting again", decisions)
provenance = {k: (s.get("annotator"), s.get("note"), s.get("confidence"), s.get("review", {}).get("decision"),
                  s.get("review", {}).get("sources")) for k, s in spans.items()}
tap.ok(provenance == {ana: ("ada", "ada on Ana Lima", 0.5, "a", ["ada"]),
                      bridge_b: ("ben", "ben on the bridge will reopen", 0.5, "b", ["ben"]),
                      monday_a: ("ada", "ada on Monday", 0.5, "both", ["ada"]),
                      monday_b: ("ben", "ben on Monday", 0.5, "both", ["ben"]),
                      announced: ("ada", "ada on announced", 0.5, "agreed", ["ada", "ben"])},
       "each span keeps its annotator and says where it came from", provenance)

with open(os.path.join(out, "news.txt"), encoding="utf-8", newline="") as f:
    copied = f.read()
validate = glossa("validate", out)
tap.ok(copied == text and validate.returncode == 0,
       "the output holds the article and validates", validate.stdout + validate.stderr)
stats = glossa("stats", "--json", out)
counts = json.loads(stats.stdout) if stats.returncode == 0 else None
tap.ok(counts is not None and counts["documents"] == 1 and counts["status"]["done"] == 1
       and counts["spans"] == 5, "stats counts the adjudicated corpus", stats.stdout + stats.stderr)
export = os.path.join(work, "gold.jsonl")
exported = glossa("export", out, "--format", "jsonl", "-o", export)
lines = []
if exported.returncode == 0:
    with open(export, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
tap.ok(len(lines) == 1 and lines[0]["text"] == text and
       sorted((s["start"], s["end"], s["label"]) for s in lines[0]["spans"]) == expected,
       "export writes the gold set", exported.stderr + repr(lines))

sys.exit(tap.finish())
