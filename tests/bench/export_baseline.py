#!/usr/bin/env python3
# export_baseline.py: the Python standard-library floor for `glossa export --format jsonl`
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Does what the export does in the plainest way: for each annotation file,
# json.load it, read the article beside it, json.dumps one line. No checks,
# no threads: the comparison the issue asks for.

import json
import os
import sys


def span(s):
    out = {"id": s["id"], "start": s["start"], "end": s["end"], "label": s["label"],
           "text": s["text"], "attributes": s.get("attributes", {})}
    if s.get("note"):
        out["note"] = s["note"]
    if "value_source" in s:
        out["value_source"] = s["value_source"]
    return out


def main():
    folder, output = sys.argv[1], sys.argv[2]
    names = sorted(n for n in os.listdir(folder) if n.endswith(".annotations.json"))
    with open(output, "w", encoding="utf-8") as out:
        for name in names:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                annotations = json.load(f)
            article = os.path.join(folder, annotations["document"]["file"])
            with open(article, encoding="utf-8-sig", newline="") as f:
                text = f.read()
            line = {
                "id": annotations["document"]["id"],
                "text": text,
                "date": annotations["document"]["date"],
                "status": annotations["status"],
                "annotator": annotations["annotator"],
                "spans": [span(s) for s in annotations["spans"]],
                "relations": [{"id": r["id"], "type": r["type"], "from": r["from"], "to": r["to"]}
                              for r in annotations.get("relations", [])],
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
