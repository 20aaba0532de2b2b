#!/usr/bin/env python3
# make-fixtures.py: writes the dataset tests' corpus and foreign-format inputs
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The files it writes are committed; run it again only to change them.
# Spans are given by the text they cover (and which occurrence), so that
# every offset below is computed, never typed.

import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ["actor", "quote", "claim", "date"]

MIXED = ("date 2023-05-04 Emoji 👍🏽 and flags 🇮🇹🇺🇦 and a family 👨‍👩‍👧 met.\r\n"
         "Cafe\u0301 owners in 東京都 said “we stay”.\r\n"
         "שלום עולם, said Dana Levi; مرحبا replied Omar.\n"
         "Olaf Scholz told reporters that the talks\nwould resume on 12 May.")
CRLF = ("date 2022-03-01 The minister, Anna Keller, said:\r\n\r\n"
        "“Prices will fall\r\nby autumn.” Nobody believed her.\r\n")
PLAIN = "No header here. Marco Rossi spoke first. Then Lena Novak spoke."


def at(text, sub, occurrence=0):
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def span(text, sub, label, occurrence=0, note=None, end_sub=None):
    start, end = at(text, sub, occurrence)
    if end_sub is not None:
        end = at(text, end_sub)[1]
    result = {"start": start, "end": end, "label": label, "text": text[start:end]}
    if note:
        result["note"] = note
    return result


DOCS = {
    "mixed": (MIXED, "done", [
        span(MIXED, "2023-05-04", "date"),
        span(MIXED, "👍🏽", "actor"),
        span(MIXED, "🇺🇦", "actor"),
        span(MIXED, "👨‍👩‍👧", "actor", note="a ZWJ sequence"),
        span(MIXED, "Cafe\u0301 owners", "actor"),
        span(MIXED, "東京都", "actor"),
        span(MIXED, "Cafe\u0301 owners", "claim", end_sub="“we stay”"),
        span(MIXED, "“we stay”", "quote"),
        span(MIXED, "שלום עולם", "quote"),
        span(MIXED, "Dana Levi", "actor"),
        span(MIXED, "مرحبا", "quote"),
        span(MIXED, "Omar", "actor"),
        span(MIXED, "Olaf Scholz", "actor"),
        span(MIXED, "Scholz told", "claim"),          # crosses the actor above
        span(MIXED, "the talks", "claim", end_sub="12 May"),  # crosses a line break
        span(MIXED, "12 May", "date"),                # nested in the claim
    ]),
    "crlf": (CRLF, "done", [
        span(CRLF, "2022-03-01", "date"),
        span(CRLF, "Anna Keller", "actor", note="the minister\nherself"),
        span(CRLF, "“Prices", "quote", end_sub="autumn.”"),  # crosses CRLF
        span(CRLF, "autumn", "date"),
    ]),
    "plain": (PLAIN, "todo", [
        span(PLAIN, "Marco Rossi", "actor"),
        span(PLAIN, "Lena Novak", "actor"),
    ]),
}


def sort_key(s):
    return (s["start"], s["end"], LABELS.index(s["label"]))


def write_corpus(folder):
    os.makedirs(folder, exist_ok=True)
    for name, (text, status, spans) in DOCS.items():
        data = text.encode("utf-8")
        with open(os.path.join(folder, name + ".txt"), "wb") as f:
            f.write(data)
        ordered = sorted(spans, key=sort_key)
        out = []
        for i, s in enumerate(ordered):
            item = {"id": "s%d" % (i + 1), "start": s["start"], "end": s["end"],
                    "label": s["label"], "text": s["text"]}
            if "note" in s:
                item["note"] = s["note"]
            out.append(item)
        header = text[:40]
        date = header[5:15] if header.startswith("date ") else None
        annotations = {
            "format": "glossa-annotations",
            "version": 1,
            "document": {"id": name, "file": name + ".txt",
                         "sha256": hashlib.sha256(data).hexdigest(),
                         "length": len(text), "date": date},
            "labels": LABELS,
            "status": status,
            "annotator": "ana",
            "spans": out,
        }
        with open(os.path.join(folder, name + ".annotations.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(annotations, indent=2, ensure_ascii=False) + "\n")


def utf16(text, offset):
    return len(text[:offset].encode("utf-16-le")) // 2


def write_foreign():
    # doccano, both forms, offsets in UTF-16 code units.
    text = MIXED
    with open(os.path.join(HERE, "doccano-label.jsonl"), "w", encoding="utf-8") as f:
        labels = [[utf16(text, s), utf16(text, e), l] for s, e, l in
                  [at(text, "👍🏽") + ("PER",), at(text, "東京都") + ("LOC",),
                   at(text, "Dana Levi") + ("PER",), at(text, "“we stay”") + ("QUOTE",)]]
        f.write(json.dumps({"id": 7, "text": text, "label": labels}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"text": PLAIN, "label": [[at(PLAIN, "Marco Rossi")[0],
                                                      at(PLAIN, "Marco Rossi")[1], "PER"]]},
                           ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "doccano-entities.jsonl"), "w", encoding="utf-8") as f:
        s, e = at(text, "Omar")
        f.write(json.dumps({"id": 1, "text": text, "entities": [
            {"id": 10, "label": "PER", "start_offset": utf16(text, s), "end_offset": utf16(text, e)}],
            "relations": []}, ensure_ascii=False) + "\n")

    # Label Studio's JSON export (offsets in code points).
    s1, e1 = at(CRLF, "Anna Keller")
    s2, e2 = at(CRLF, "autumn")
    tasks = [{
        "id": 42,
        "data": {"text": CRLF},
        "annotations": [
            {"id": 1, "was_cancelled": True, "result": []},
            {"id": 2, "result": [
                {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": s1, "end": e1, "text": CRLF[s1:e1], "labels": ["Person"]}},
                {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": s2, "end": e2, "text": CRLF[s2:e2], "labels": ["Date"]}},
                {"id": "c", "from_name": "sentiment", "to_name": "text", "type": "choices",
                 "value": {"choices": ["Neutral"]}}]}],
        "predictions": []}]
    with open(os.path.join(HERE, "label-studio.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(tasks, indent=2, ensure_ascii=False) + "\n")

    # brat: a fragmented span, a note, and lines format v1 has no place for.
    folder = os.path.join(HERE, "brat")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "crlf.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(CRLF)
    a1 = at(CRLF, "“Prices will fall")
    a2 = at(CRLF, "by autumn.”")
    k = at(CRLF, "Anna Keller")
    d = at(CRLF, "autumn")
    lines = [
        "T1\tPerson %d %d\t%s" % (k[0], k[1], CRLF[k[0]:k[1]]),
        "T2\tQuote %d %d;%d %d\t%s %s" % (a1 + a2 + (CRLF[a1[0]:a1[1]], CRLF[a2[0]:a2[1]])),
        "T3\tDate %d %d\t%s" % (d[0], d[1], CRLF[d[0]:d[1]]),
        "A1\tNegated T2",
        "R1\tSpeaker Arg1:T1 Arg2:T2",
        "N1\tReference T1 Wikidata:Q1\tAnna Keller",
        "#1\tAnnotatorNotes T1\tthe minister",
    ]
    with open(os.path.join(folder, "crlf.ann"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    write_corpus(os.path.join(HERE, "corpus"))
    write_foreign()
