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
    doc = e2e.load_json(path)
    for s in doc["spans"]:
        s.update(annotator=who, note=f"{who} on {s['text']}", confidence=0.5)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
result_path = os.path.join(out, "news.annotations.json")

# The review opens straight away; the agreed span is already in the result.
app = e2e.Review(exe, [folder_a, folder_b, "-o", out], work)
try:
    app.wait_window()
    seeded = e2e.wait_until(lambda: (e2e.load_json(result_path) or {}).get("spans"), timeout=30)
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
    doc = e2e.wait_until(lambda: (lambda d: d if d and sorted((s["start"], s["end"], s["label"])
                                                              for s in d["spans"]) == expected
                                  and len(d.get("decisions", [])) == 4 else None)(e2e.load_json(result_path)),
                         timeout=10.0)
    tap.ok(doc is not None, "Keep A, Keep B, Keep Both and Neither are saved with their decisions",
           e2e.load_json(result_path))
finally:
    tap.ok(app.close() == 0, "the window closes cleanly", app.log_text())

# Started again over the same folders: the decisions are still there and
# nothing is added back; Ctrl+Return marks the adjudicated article done.
app = e2e.Review(exe, [folder_a, folder_b, "-o", out], work)
try:
    app.wait_window()
    time.sleep(1.0)
    app.focus()
    app.key("ctrl+Return")
    doc = e2e.wait_until(lambda: (lambda d: d if d and d["status"] == "done" else None)(e2e.load_json(result_path)),
                         timeout=10.0)
    tap.ok(doc is not None, "the adjudicated article is marked done", e2e.load_json(result_path))
finally:
    app.close()

doc = e2e.load_json(result_path) or {"spans": [], "decisions": []}
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
validate = e2e.run_cli(exe, "validate", out)
tap.ok(copied == text and validate.returncode == 0,
       "the output holds the article and validates", validate.stdout + validate.stderr)
stats = e2e.run_cli(exe, "stats", "--json", out)
counts = json.loads(stats.stdout) if stats.returncode == 0 else None
tap.ok(counts is not None and counts["documents"] == 1 and counts["status"]["done"] == 1
       and counts["spans"] == 5, "stats counts the adjudicated corpus", stats.stdout + stats.stderr)
export = os.path.join(work, "gold.jsonl")
exported = e2e.run_cli(exe, "export", out, "--format", "jsonl", "-o", export)
lines = []
if exported.returncode == 0:
    with open(export, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
tap.ok(len(lines) == 1 and lines[0]["text"] == text and
       sorted((s["start"], s["end"], s["label"]) for s in lines[0]["spans"]) == expected,
       "export writes the gold set", exported.stderr + repr(lines))

sys.exit(tap.finish())
