#!/usr/bin/env python3
# test-screenshot.py: screenshots of the window in light and dark style
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-screenshot.py GLOSSA OUTDIR

Opens the sample article with a few spans (nested and overlapping among
them) in light and in dark style and writes OUTDIR/glossa-light.png and
OUTDIR/glossa-dark.png for people to look at (README, metainfo). Checks
only what a picture can show plainly: the window title names the article,
the dark one is darker, and the spans are drawn in colour.
"""

import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

exe = sys.argv[1]
outdir = sys.argv[2] if len(sys.argv) > 2 else os.getcwd()
source = os.environ.get("GLOSSA_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
sample = os.path.join(source, "data", "samples", "000_5c30643a3adee991.txt")
tap = e2e.Tap(5)


def spans_for(text):
    found = [
        ("2021-12-31", "date", 1),
        ("Vladimir Putin", "actor", 1),
        ("Joe Biden", "actor", 1),
        ("imposing new sanctions on Moscow for the crisis in Ukraine could "
         "lead to a complete break in relations between Moscow and "
         "Washington", "claim", 1),
        ("Moscow", "actor", 1),
        ("BBC", "actor", 1),
        ("colossal mistake", "quote", 1),
        ("Biden", "actor", 2),
        ("Putin", "actor", 2),
        ("this month", "date", 1),
        ("Yuri Ushakov", "actor", 1),
        ("satisfied", "quote", 1),
        ("good backdrop", "quote", 1),
    ]
    return [e2e.span_of(text, phrase, label, n) for phrase, label, n in found]


def window_pixels(img, geometry):
    x, y, w, h = geometry
    for yy in range(y, min(y + h, img.height), 3):
        row = img.row(yy)
        for xx in range(x, min(x + w, img.width), 3):
            yield tuple(row[xx * 3:xx * 3 + 3])


def geometry_of(window):
    out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window],
                         stdout=subprocess.PIPE, text=True).stdout
    values = dict(line.split("=", 1) for line in out.split())
    return tuple(int(values[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))


def settle(timeout=30):
    """Wait until two screenshots 0.5 s apart are the same."""
    deadline = time.monotonic() + timeout
    previous = None
    while time.monotonic() < deadline:
        img = e2e.screenshot()
        if previous is not None and img.pixels == previous.pixels:
            return img
        previous = img
        time.sleep(0.5)
    return previous


def shoot(style, extra_env):
    work = e2e.workdir("shot-" + style)
    article = os.path.join(work, os.path.basename(sample))
    shutil.copyfile(sample, article)
    e2e.write_annotations(article, spans_for(e2e.read_article(article)))
    app = e2e.Glossa(exe, article, work, extra_env)
    window = app.wait_window()
    img = settle()
    path = os.path.join(outdir, f"glossa-{style}.png")
    subprocess.run(["import", "-silent", "-window", window, path], check=True)
    name = subprocess.run(["xdotool", "getwindowname", window],
                          stdout=subprocess.PIPE, text=True).stdout.strip()
    pixels = list(window_pixels(img, geometry_of(window)))
    app.close()
    tap.diag(f"wrote {path}")
    return name, pixels


def luminance(pixels):
    return sum(0.2126 * r + 0.7152 * g + 0.0722 * b
               for r, g, b in pixels) / max(len(pixels), 1)


def coloured(pixels):
    return sum(1 for p in pixels if max(p) - min(p) > 40) / max(len(pixels), 1)


try:
    light_name, light = shoot("light", {"ADW_DEBUG_COLOR_SCHEME":
                                        "prefer-light"})
    dark_name, dark = shoot("dark", {"ADW_DEBUG_COLOR_SCHEME":
                                     "prefer-dark"})
except (RuntimeError, subprocess.CalledProcessError) as error:
    tap.ok(False, "screenshots taken", error)
    sys.exit(tap.finish())

tap.ok(True, "screenshots taken in light and dark style")
tap.ok("000_5c30643a3adee991" in light_name,
       "the window title names the article", f"title: {light_name!r}")
tap.ok(luminance(dark) < luminance(light) - 60,
       "the dark style is dark",
       f"mean luminance light {luminance(light):.0f}, dark {luminance(dark):.0f}")
tap.ok(coloured(light) > 0.005,
       "spans are drawn in colour in the light style",
       f"coloured share {coloured(light):.4f}")
tap.ok(coloured(dark) > 0.005,
       "spans are drawn in colour in the dark style",
       f"coloured share {coloured(dark):.4f}")
sys.exit(tap.finish())
