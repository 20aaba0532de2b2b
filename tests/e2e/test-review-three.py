#!/usr/bin/env python3
# test-review-three.py: a review of three annotators with real keys, majority pre-accepted, stop and resume
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-review-three.py GLOSSA [OUTDIR]

Issue 10: three annotators' folders; `glossa review A B C -o OUT
--majority` opens the window with what two of the three agree on already
accepted (decision "majority"); F8 goes to a disagreement no majority
decides, Ctrl+Alt+3 keeps the third annotator's span, Ctrl+4 keeps none of
another. The window is closed and the review started again without
--majority: nothing changes, and Ctrl+Return marks the article done. Then
validate, stats and export take OUT as it is.
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
shots = sys.argv[2] if len(sys.argv) > 2 else None
tap = e2e.Tap(7)
text = "Ana Lima said the bridge will reopen on Monday, the mayor announced.\n"

ana = e2e.span_of(text, "Ana Lima", "actor")
bridge_claim = e2e.span_of(text, "the bridge will reopen", "claim")
bridge_quote = e2e.span_of(text, "the bridge will reopen", "quote")
monday_date = e2e.span_of(text, "Monday", "date")
monday_claim = e2e.span_of(text, "Monday", "claim")
monday_quote = e2e.span_of(text, "Monday", "quote")
mayor = e2e.span_of(text, "the mayor", "actor")
announced = e2e.span_of(text, "announced", "claim")

# Ana Lima: two of three (majority); the bridge: quote two to one
# (majority); Monday: three labels (to decide); the mayor: one of three
# (to decide); announced: all three (agreed).
sides = {
    "ada": [ana, bridge_claim, monday_date, announced],
    "ben": [ana, bridge_quote, monday_claim, announced],
    "cleo": [bridge_quote, monday_quote, mayor, announced],
}


def keys_of(doc):
    return sorted((s["start"], s["end"], s["label"]) for s in (doc or {}).get("spans", []))


work = e2e.workdir("review-three")
folders = []
for who, spans in sides.items():
    folder = os.path.join(work, who)
    os.mkdir(folder)
    e2e.write_annotations(e2e.place_article(folder, "news.txt", text), spans, who)
    path = os.path.join(folder, "news.annotations.json")
    doc = e2e.load_json(path)
    for s in doc["spans"]:
        s.update(annotator=who, note=f"{who} on {s['text']}")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    folders.append(folder)
out = os.path.join(work, "adjudicated")
result_path = os.path.join(out, "news.annotations.json")

app = e2e.Review(exe, folders + ["-o", out, "--majority"], work)
try:
    app.wait_window()
    seeded = e2e.wait_until(lambda: (lambda d: d if keys_of(d) == sorted([ana, bridge_quote, announced]) else None)
                            (e2e.load_json(result_path)), timeout=30)
    tap.ok(seeded is not None, "the review starts with the agreed span and the majority's two",
           e2e.load_json(result_path))

    # F8 goes through every disagreement in the text's order: Ana Lima,
    # the bridge (both decided), then Monday.
    app.focus()
    for _ in range(3):
        app.key("F8")
        time.sleep(0.3)
    if shots:
        e2e.screenshot(os.path.join(shots, "review-three.png"))
    app.key("ctrl+alt+3")
    time.sleep(0.3)
    app.key("ctrl+4")
    expected = sorted([ana, bridge_quote, monday_quote, announced])
    doc = e2e.wait_until(lambda: (lambda d: d if keys_of(d) == expected and len(d.get("decisions", [])) == 4 else None)
                         (e2e.load_json(result_path)), timeout=10.0)
    tap.ok(doc is not None, "Ctrl+Alt+3 keeps the third annotator's span, Ctrl+4 none", e2e.load_json(result_path))
finally:
    tap.ok(app.close() == 0, "the window closes cleanly", app.log_text())

before = e2e.load_json(result_path)
app = e2e.Review(exe, folders + ["-o", out], work)
try:
    app.wait_window()
    time.sleep(1.0)
    app.focus()
    app.key("ctrl+Return")
    doc = e2e.wait_until(lambda: (lambda d: d if d and d["status"] == "done" else None)(e2e.load_json(result_path)),
                         timeout=10.0)
    tap.ok(doc is not None and keys_of(doc) == keys_of(before) and doc["decisions"] == before["decisions"],
           "resumed, nothing is added back or decided again; the article is marked done", e2e.load_json(result_path))
finally:
    app.close()

doc = e2e.load_json(result_path) or {"spans": [], "decisions": []}
decisions = [(d["start"], d["decision"], d["kept"], [(o["label"], o["sources"]) for o in d["options"]])
             for d in doc.get("decisions", [])]
tap.ok(decisions == [(ana[0], "majority", ["actor"], [("actor", ["ada", "ben"])]),
                     (bridge_quote[0], "majority", ["quote"], [("quote", ["ben", "cleo"]), ("claim", ["ada"])]),
                     (monday_date[0], "kept", ["quote"],
                      [("quote", ["cleo"]), ("claim", ["ben"]), ("date", ["ada"])]),
                     (mayor[0], "neither", [], [("actor", ["cleo"])])],
       "every decision is listed with who had which label", decisions)
provenance = {(s["start"], s["end"], s["label"]): (s.get("annotator"), s.get("review", {}).get("decision"),
                                                   s.get("review", {}).get("sources"))
              for s in doc["spans"]}
tap.ok(provenance == {ana: ("ada", "majority", ["ada", "ben"]),
                      bridge_quote: ("ben", "majority", ["ben", "cleo"]),
                      monday_quote: ("cleo", "kept", ["cleo"]),
                      announced: ("ada", "agreed", ["ada", "ben", "cleo"])},
       "each span keeps its annotator and says who had it", provenance)

validate = e2e.run_cli(exe, "validate", out)
stats = e2e.run_cli(exe, "stats", "--json", out)
counts = json.loads(stats.stdout) if stats.returncode == 0 else None
tap.ok(validate.returncode == 0 and counts is not None and counts["spans"] == 4
       and counts["status"]["done"] == 1, "the output validates and counts",
       validate.stdout + validate.stderr + stats.stdout + stats.stderr)

sys.exit(tap.finish())
