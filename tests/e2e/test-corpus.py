#!/usr/bin/env python3
# test-corpus.py: a folder of articles, worked through by keyboard, and reopened
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: test-corpus.py GLOSSA [OUTDIR]

Issue 4: open a folder, move next and previous, mark done, quit, reopen:
back at the same article with the same statuses. The settings live in a
keyfile in the test's folder, so that the second run sees what the first
remembered, as a user's session would.
"""

import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossae2e as e2e  # noqa: E402

e2e.skip_all_unless_display()

exe = sys.argv[1]
tap = e2e.Tap(8)

work = e2e.workdir("corpus")
corpus = os.path.join(work, "corpus")
os.mkdir(corpus)
# Natural order is a1, a2, a10 (string order would put a10 second).
ARTICLES = {
    "a1": "Mayor Ana Lima opened the new bridge on Monday.\n",
    "a2": "Rui Costa said the port would close in June.\n",
    "a10": "Eva Dias warned that rain is coming this week.\n",
}
for name, text in ARTICLES.items():
    e2e.place_article(corpus, name + ".txt", text)

env = {
    "GSETTINGS_BACKEND": "keyfile",
    "XDG_CONFIG_HOME": os.path.join(work, "config"),
}


def title(app):
    out = subprocess.run(["xdotool", "getwindowname", app.window],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True).stdout
    return out.strip()


def wait_title(app, expected):
    return app.wait_title(expected)


def status_of(name):
    path = os.path.join(corpus, name + ".annotations.json")
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)["status"]
    except FileNotFoundError:
        return "todo"


def wait_status(name, expected):
    return bool(e2e.wait_until(lambda: status_of(name) == expected))


def start():
    app = e2e.Glossa(exe, corpus, work, extra_env=env)
    app.wait_window()
    return app


app = start()
tap.ok(wait_title(app, "a1.txt"), "the folder opens on its first article",
       f"title is {title(app)!r}")

app.focus()
app.key("ctrl+Next")
ok = wait_title(app, "a2.txt")
app.key("ctrl+Next")
ok = wait_title(app, "a10.txt") and ok
app.key("ctrl+Prior")
ok = wait_title(app, "a2.txt") and ok
tap.ok(ok, "Ctrl+Page Down and Ctrl+Page Up move in natural order",
       f"title is {title(app)!r}")

# Tag "Rui" on a2 by keyboard: the article is in progress from then on.
app.focus()
app.key("ctrl+Home", "ctrl+Right", "Left", "1", delay=40)
tap.ok(wait_status("a2", "in-progress"),
       "the first span makes the article in progress, on disk",
       f"status is {status_of('a2')!r}")

# Ctrl+Return: done, and on to the next article not done (a10).
app.key("ctrl+Return")
tap.ok(wait_status("a2", "done"), "Ctrl+Return marks the article done",
       f"status is {status_of('a2')!r}")
tap.ok(wait_title(app, "a10.txt"), "... and moves to the next article not done",
       f"title is {title(app)!r}")

app.close()

app = start()
tap.ok(wait_title(app, "a10.txt"), "reopening the folder returns to a10",
       f"title is {title(app)!r}")
tap.ok(status_of("a2") == "done" and status_of("a1") == "todo",
       "statuses are as they were left",
       f"a1 {status_of('a1')!r}, a2 {status_of('a2')!r}")

# Ctrl+Shift+Page Down from a10 finds nothing after it; from a1 it skips a2.
app.focus()
app.key("ctrl+Prior", "ctrl+Prior")
wait_title(app, "a1.txt")
app.key("ctrl+shift+Next")
tap.ok(wait_title(app, "a10.txt"),
       "Ctrl+Shift+Page Down passes over the article marked done",
       f"title is {title(app)!r}")
app.close()

tap.finish()
