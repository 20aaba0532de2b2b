#!/usr/bin/env python3
# make-gold.py: turns the hand-written gold of each test article into offsets
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each NAME.gold.tsv was written by hand before the suggester saw its
# article: articles/ before any tuning (the rules were then tuned on it),
# heldout/ after that tuning, its first figures being the honest ones. One
# line per quotation, in text order, with three tab-separated
# fields: "direct" (a whole quotation) or "partial" (a fragment inside a
# sentence of the reporter's), the text between the quotation marks
# ("FIRST WORDS [...] LAST WORDS" for one that runs over paragraphs), and
# the speaker's mentions separated by " | ", the nearest one first (a
# pronoun, then the name it stands for). This script finds them in
# NAME.txt and writes NAME.gold.json with code-point offsets, the unit
# Glossa uses. It checks that every quotation sits between quotation marks.

import json
import pathlib
import re
import sys

OPENERS = "“„«‹\"‘「『"
CLOSERS = "”“»›\"’」』"
DASHES = ("— ", " —", "– ", " –")


def find_quote(text, quote, after):
    if " [...] " in quote:
        head, tail = quote.split(" [...] ")
        start = text.index(head, after)
        end = text.index(tail, start) + len(tail)
    else:
        start = text.index(quote, after)
        end = start + len(quote)
    # An Italian quotation broken by a dashed insert («A — ha aggiunto X —
    # B») is two quotations, like one broken by its attribution.
    opened = text[start - 1] in OPENERS or text[start - 2:start] in DASHES
    closed = text[end] in CLOSERS or text[end:end + 2] in DASHES
    if not opened or not closed:
        sys.exit(f"{quote!r}: not between quotation marks")
    return start, end


def find_mention(text, mention, start, end):
    best = None
    for m in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text):
        if m.start() < end and m.end() > start:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, m.start(), m.end())
    if best is None:
        sys.exit(f"{mention!r}: not in the article")
    return {"start": best[1], "end": best[2], "text": mention}


def convert(tsv):
    article = tsv.with_name(tsv.name.replace(".gold.tsv", ".txt"))
    text = article.read_text(encoding="utf-8")
    quotes = []
    after = 0
    for line in tsv.read_text(encoding="utf-8").splitlines():
        kind, quote, speakers = line.split("\t")
        start, end = find_quote(text, quote, after)
        after = start + 1
        quotes.append({
            "kind": kind,
            "start": start,
            "end": end,
            "text": text[start:end],
            "speakers": [find_mention(text, s, start, end) for s in speakers.split(" | ")],
        })
    out = tsv.with_name(tsv.name.replace(".gold.tsv", ".gold.json"))
    out.write_text(json.dumps({"quotes": quotes}, ensure_ascii=False, indent=2) + "\n",
                   encoding="utf-8")


for tsv in sorted(pathlib.Path(__file__).parent.glob("*/*.gold.tsv")):
    convert(tsv)
