#!/usr/bin/env python3
# make-gold.py: the articles and their gold dates from the marked sources
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each NAME.marked is an article with every date expression written as
# [expression|value]. This writes NAME.txt (the article as Glossa opens it)
# and NAME.gold.tsv (start, end, text, value; code-point offsets, end
# exclusive). The extent follows TimeML: a preposition before the
# expression is not part of it (the marks may include one; it is removed
# here), a determiner is ("the third quarter", "la settimana scorsa"),
# except the Italian article of a day's date ("il 28 dicembre" is "on 28
# December"). Italian articulated prepositions ("nel 2021", "all'inizio")
# are left out like prepositions.

import pathlib
import re
import sys

PREPOSITIONS = {
    'en': ['on ', 'in ', 'by ', 'since ', 'until ', 'before ', 'during '],
    'it': ['fino a ', 'entro ', 'in ', 'a ', 'al ', "all'", 'allo ', 'nel ', 'nella ', 'negli ', 'dal '],
}
MARK = re.compile(r'\[([^\]|]+)\|([^\]]+)\]')


def convert(marked):
    lang = marked.name[:2]
    source = marked.read_text(encoding='utf-8')
    text, gold, pos = [], [], 0
    for m in MARK.finditer(source):
        text.append(source[pos:m.start()])
        expression, value = m.group(1), m.group(2)
        for p in PREPOSITIONS[lang]:
            if expression.lower().startswith(p):
                text.append(expression[:len(p)])
                expression = expression[len(p):]
                break
        # "il 28 dicembre" is "on 28 December": the article of a day's date
        # is left out like a preposition ("il mese prossimo" keeps it).
        if lang == 'it' and re.match(r'il \d', expression):
            text.append(expression[:3])
            expression = expression[3:]
        start = sum(len(t) for t in text)
        text.append(expression)
        gold.append((start, start + len(expression), expression, value))
        pos = m.end()
    text.append(source[pos:])
    text = ''.join(text)
    if '[' in text or ']' in text:
        sys.exit(f'{marked}: a mark is not closed')
    for start, end, expression, _ in gold:
        assert text[start:end] == expression
    marked.with_suffix('.txt').write_text(text, encoding='utf-8')
    with open(marked.with_suffix('.gold.tsv'), 'w', encoding='utf-8') as out:
        out.write('# start\tend\ttext\tvalue\n')
        for start, end, expression, value in gold:
            out.write(f'{start}\t{end}\t{expression}\t{value}\n')


for path in sorted(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').glob('*.marked')):
    convert(path)
