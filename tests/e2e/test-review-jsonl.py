#!/usr/bin/env python3
# test-review-jsonl.py: reviewing three annotators' JSONL corpora into a JSONL corpus, with real keys
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-review-jsonl.py GLOSSA [OUTDIR]

Issue 10: a JSONL corpus in, a JSONL corpus out. Three annotators' JSONL
corpora (FILE.jsonl and FILE.annotations.jsonl); `glossa review A.jsonl
B.jsonl C.jsonl -o GOLD.jsonl --majority` writes GOLD.jsonl (A's articles,
without spans) and GOLD.annotations.jsonl (the results, one line per
article reviewed); Ctrl+4 keeps none of the one disagreement no majority
decides; started again, nothing changes; then validate, stats and export
take GOLD.jsonl as it is. Then links: three JSONL sides tag one quote
and both speakers alike but link the quote to other sources; the review
shows it as the one disagreement, and Ctrl+2 keeps Ben's link, which
GOLD's line then carries.
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
tap = e2e.Tap(7)
texts = {"n1": "Ana Lima said the bridge will reopen on Monday, the mayor announced.",
         "n2": "Rui Costa closed the port."}


def key(doc, phrase, label):
    start = texts[doc].index(phrase)
    return (start, start + len(phrase), label)


# n1: Ana Lima actor for all (agreed); the bridge quote for two (majority);
# the mayor only Cleo's (to decide). n2: Rui Costa for all.
sides = {
    "ada": {"n1": [key("n1", "Ana Lima", "actor"), key("n1", "the bridge will reopen", "quote")],
            "n2": [key("n2", "Rui Costa", "actor")]},
    "ben": {"n1": [key("n1", "Ana Lima", "actor"), key("n1", "the bridge will reopen", "claim")],
            "n2": [key("n2", "Rui Costa", "actor")]},
    "cleo": {"n1": [key("n1", "Ana Lima", "actor"), key("n1", "the bridge will reopen", "quote"),
                    key("n1", "the mayor", "actor")],
             "n2": [key("n2", "Rui Costa", "actor")]},
}


def lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return {line["id"]: line for line in map(json.loads, f)}
    except (OSError, ValueError):
        return {}


def keys_of(line):
    return sorted((s["start"], s["end"], s["label"]) for s in (line or {}).get("spans", []))


work = e2e.workdir("review-jsonl")
inputs = []
for who, docs in sides.items():
    path = os.path.join(work, who + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for doc, text in texts.items():
            f.write(json.dumps({"id": doc, "text": text}) + "\n")
    with open(os.path.join(work, who + ".annotations.jsonl"), "w", encoding="utf-8") as f:
        for doc, keys in docs.items():
            spans = [{"id": "s%d" % (i + 1), "start": s, "end": e, "label": l, "text": texts[doc][s:e],
                      "annotator": who} for i, (s, e, l) in enumerate(keys)]
            f.write(json.dumps({"id": doc, "status": "done", "annotator": who, "spans": spans}) + "\n")
    inputs.append(path)
gold = os.path.join(work, "gold.jsonl")
gold_annotations = os.path.join(work, "gold.annotations.jsonl")
expected_n1 = sorted([key("n1", "Ana Lima", "actor"), key("n1", "the bridge will reopen", "quote")])

app = e2e.Review(exe, inputs + ["-o", gold, "--majority"], work)
try:
    app.wait_window()
    seeded = e2e.wait_until(lambda: keys_of(lines(gold_annotations).get("n1")) == expected_n1, timeout=30)
    tap.ok(seeded, "the agreed span and the majority's are in GOLD.annotations.jsonl", lines(gold_annotations))
    app.focus()
    app.key("F8")
    time.sleep(0.3)
    app.key("F8")
    time.sleep(0.3)
    app.key("ctrl+4")
    decided = e2e.wait_until(lambda: len(lines(gold_annotations).get("n1", {}).get("decisions", [])) == 2,
                             timeout=15.0)
    tap.ok(decided and keys_of(lines(gold_annotations)["n1"]) == expected_n1,
           "Ctrl+4 keeps none of Cleo's lone span, and the decision is saved", lines(gold_annotations))
finally:
    app.close()

before = lines(gold_annotations)
app = e2e.Review(exe, inputs + ["-o", gold], work)
try:
    app.wait_window()
    time.sleep(1.5)
finally:
    app.close()
after = lines(gold_annotations)
tap.ok(after.get("n1") is not None and keys_of(after["n1"]) == keys_of(before.get("n1"))
       and after["n1"].get("decisions") == before["n1"].get("decisions"),
       "started again, nothing is added back or decided again", after)

with open(gold, encoding="utf-8") as f:
    articles = [json.loads(line) for line in f]
tap.ok([(a["id"], a["text"], "spans" in a) for a in articles] == [(d, t, False) for d, t in texts.items()],
       "GOLD.jsonl holds A's articles without their spans", articles)
validate = e2e.run_cli(exe, "validate", gold)
stats = e2e.run_cli(exe, "stats", "--json", gold)
export = os.path.join(work, "dataset.jsonl")
exported = e2e.run_cli(exe, "export", gold, "--format", "jsonl", "-o", export)
counts = json.loads(stats.stdout) if stats.returncode == 0 else {}
tap.ok(validate.returncode == 0 and counts.get("spans") == 2 and exported.returncode == 0,
       "validate, stats and export take GOLD.jsonl", validate.stderr + stats.stdout + stats.stderr + exported.stderr)

# Links on three JSONL sides: every side has Psaki, Price and the quote;
# Ada and Cleo link it to Psaki, Ben to Price, each with ids of their own.
link_text = "Jen Psaki said no comment, Ned Price said."
link_work = e2e.workdir("review-jsonl-links")
link_inputs = []
for who, source in (("ada", "Jen Psaki"), ("ben", "Ned Price"), ("cleo", "Jen Psaki")):
    path = os.path.join(link_work, who + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "n3", "text": link_text}) + "\n")
    spans = [{"id": "%s-%d" % (who, i), "start": link_text.index(t), "end": link_text.index(t) + len(t),
              "label": label, "text": t}
             for i, (t, label) in enumerate((("Jen Psaki", "actor"), ("no comment", "quote"), ("Ned Price", "actor")))]
    ids = {s["text"]: s["id"] for s in spans}
    with open(os.path.join(link_work, who + ".annotations.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "n3", "status": "done", "annotator": who, "spans": spans,
                            "relations": [{"id": "r1", "type": "source", "from": ids["no comment"],
                                           "to": ids[source]}]}) + "\n")
    link_inputs.append(path)
link_gold = os.path.join(link_work, "gold.jsonl")
link_gold_annotations = os.path.join(link_work, "gold.annotations.jsonl")


def kept_links():
    line = lines(link_gold_annotations).get("n3") or {}
    text = {s["id"]: s["text"] for s in line.get("spans", [])}
    return sorted((r["type"], text.get(r["from"]), text.get(r["to"])) for r in line.get("relations", []))


app = e2e.Review(exe, link_inputs + ["-o", link_gold], link_work)
try:
    app.wait_window()
    seeded = e2e.wait_until(lambda: keys_of(lines(link_gold_annotations).get("n3"))
                            == [(0, 9, "actor"), (27, 36, "actor")], timeout=30)
    tap.ok(seeded and kept_links() == [], "the speakers every side tags are agreed; the quote, "
           "linked differently, is left to decide", lines(link_gold_annotations))
    app.focus()
    app.key("F8")
    time.sleep(0.3)
    app.key("ctrl+2")
    kept = e2e.wait_until(lambda: kept_links() == [("source", "no comment", "Ned Price")], timeout=15.0)
    tap.ok(kept, "Ctrl+2 keeps Ben's quote with his link to Price, in GOLD.annotations.jsonl",
           lines(link_gold_annotations))
finally:
    app.close()

sys.exit(tap.finish())
