# glossae2e.py: drive the real glossa binary under X with xdotool, for TAP tests
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Shared helpers for the end-to-end tests.

Each test script starts the real `glossa` binary on a copy of an article in
a temporary folder, drives it with real X input (xdotool: XTest key and
pointer events, the same path as a person's keyboard and mouse), and reads
the annotation file back. Every wait polls a condition on what the window
shows (its title, its windows, the screen settling or changing) or on what
is on disk, with a timeout generous enough for a machine under load and a
message naming what did not happen; fixed sleeps are used only where X input
needs pacing (between the steps of a drag, between separate clicks).

The window runs with GTK settings that take timing out of its input and
drawing (see gtk_settings()): the caret does not blink, so that the screen
settles, and a double click may take up to a second, so that a double click
sent by xdotool under load still is one.

Screen positions come from the article itself: lines that tests point at
are framed by "███" markers, solid blocks that are easy to find in a
screenshot, so no font metrics are assumed.
"""

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

LABELS = ("actor", "quote", "claim", "date")
MARKER = "\u2588\u2588\u2588"


# The default timeout of the waits, in seconds: long, since a wait that
# succeeds returns as soon as its condition holds.
TIMEOUT = 30.0
# GTK's double-click time in the window (see gtk_settings()), in seconds;
# separate clicks at one place are sent further apart than this.
DOUBLE_CLICK_TIME = 1.0


class Skip(Exception):
    pass


def wait_until(condition, timeout=TIMEOUT, interval=0.1):
    """Poll CONDITION until it returns a true value and return that value;
    after TIMEOUT seconds, return its last (false) value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def gtk_settings(config_home):
    """Write GTK's settings for the window under CONFIG_HOME (its
    XDG_CONFIG_HOME): no caret blinking, and a long double-click time."""
    folder = os.path.join(config_home, "gtk-4.0")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "settings.ini"), "w") as f:
        f.write("[Settings]\n"
                "gtk-cursor-blink = false\n"
                f"gtk-double-click-time = {int(DOUBLE_CLICK_TIME * 1000)}\n")


class Tap:
    """A minimal TAP producer: plan first, then one line per check."""

    def __init__(self, plan):
        self.plan = plan
        self.n = 0
        self.failed = 0
        print(f"1..{plan}", flush=True)

    def ok(self, cond, name, detail=None):
        self.n += 1
        if not cond:
            self.failed += 1
        print(f"{'ok' if cond else 'not ok'} {self.n} - {name}", flush=True)
        if not cond and detail:
            self.diag(detail)
        return cond

    def skip(self, name, reason):
        self.n += 1
        print(f"ok {self.n} - {name} # SKIP {reason}", flush=True)

    def diag(self, text):
        for line in str(text).splitlines():
            print(f"# {line}", flush=True)

    def bail(self, reason):
        print(f"Bail out! {reason}", flush=True)
        sys.exit(1)

    def finish(self):
        while self.n < self.plan:
            self.n += 1
            self.failed += 1
            print(f"not ok {self.n} - not reached", flush=True)
        if self.failed:
            self.diag("work folders kept: " + " ".join(_workdirs))
        else:
            for path in _workdirs:
                shutil.rmtree(path, ignore_errors=True)
        return 1 if self.failed else 0


def skip_all_unless_display():
    """Print a TAP skip plan and exit when there is no X display."""
    missing = [t for t in ("xdotool", "import") if shutil.which(t) is None]
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no X display (run under xvfb-run)", flush=True)
        sys.exit(0)
    if missing:
        print(f"1..0 # SKIP missing {', '.join(missing)}", flush=True)
        sys.exit(0)


def read_article(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


def annotations_path(article_path):
    base = article_path[:-4] if article_path.endswith(".txt") else article_path
    return base + ".annotations.json"


def write_annotations(article_path, spans, annotator=""):
    """Write a valid format-v1 annotation file for ARTICLE_PATH.

    SPANS is a list of (start, end, label) in code points.
    """
    with open(article_path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode("utf-8")
    name = os.path.basename(article_path)
    date = re.search(r"date (\d{4}-\d{2}-\d{2})", text[:200])
    doc = {
        "format": "glossa-annotations",
        "version": 1,
        "document": {
            "id": name[:-4] if name.endswith(".txt") else name,
            "file": name,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "length": len(text),
            "date": date.group(1) if date else None,
        },
        "labels": list(LABELS),
        "status": "todo",
        "annotator": annotator,
        "spans": [
            {"id": f"s{i + 1}", "start": s, "end": e, "label": l,
             "text": text[s:e]}
            for i, (s, e, l) in enumerate(sorted(spans))
        ],
    }
    with open(annotations_path(article_path), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


class Image:
    """A screenshot as 8-bit RGB rows, read from a binary PPM."""

    def __init__(self, data):
        m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        if not m or m.group(3) != b"255":
            raise ValueError("not an 8-bit binary PPM")
        self.width = int(m.group(1))
        self.height = int(m.group(2))
        self.pixels = data[m.end():]

    def row(self, y):
        w3 = self.width * 3
        return self.pixels[y * w3:(y + 1) * w3]

    def pixel(self, x, y):
        i = (y * self.width + x) * 3
        return tuple(self.pixels[i:i + 3])


def screenshot(path=None):
    """Grab the whole screen; also save it as PATH (a .png) when given."""
    data = subprocess.run(["import", "-silent", "-window", "root", "-depth",
                           "8", "ppm:-"], check=True,
                          stdout=subprocess.PIPE).stdout
    if path:
        subprocess.run(["import", "-silent", "-window", "root", path],
                       check=True)
    return Image(data)


_DARK_RUN = re.compile(rb"(?:[\x00-\x60][\x00-\x60][\x00-\x60]){18,}")


def find_markers(img):
    """Return solid dark rectangles (x0, y0, x1, y1), x1/y1 exclusive.

    A "███" marker in the article renders as a solid block at least 18
    pixels wide and 8 tall; ordinary glyphs never do.
    """
    open_rects = {}
    done = []
    for y in range(img.height):
        runs = set()
        for m in _DARK_RUN.finditer(img.row(y)):
            x0 = (m.start() + 2) // 3
            x1 = m.end() // 3
            if x1 - x0 >= 18:
                runs.add((x0, x1))
        still = {}
        for key, rect in open_rects.items():
            match = next((r for r in runs
                          if abs(r[0] - key[0]) <= 2 and abs(r[1] - key[1]) <= 2),
                         None)
            if match:
                runs.discard(match)
                rect[3] = y + 1
                still[key] = rect
            else:
                done.append(rect)
        for r in runs:
            still[r] = [r[0], y, r[1], y + 1]
        open_rects = still
    done.extend(open_rects.values())
    return sorted((tuple(r) for r in done
                   if 8 <= r[3] - r[1] <= 80 and r[2] - r[0] <= 400),
                  key=lambda r: (r[1], r[0]))


def marked_lines(img):
    """Pair markers on the same row: [(left_rect, right_rect)] top to bottom."""
    rects = find_markers(img)
    lines = []
    used = set()
    for i, a in enumerate(rects):
        if i in used:
            continue
        for j in range(i + 1, len(rects)):
            b = rects[j]
            if j not in used and abs(a[1] - b[1]) <= 2 and b[0] > a[2]:
                used.update((i, j))
                lines.append((a, b))
                break
    return lines


def ink_columns(img, x0, x1, y0, y1, background):
    """Columns in [x0, x1) holding any pixel far from BACKGROUND."""
    cols = []
    for x in range(x0, x1):
        inked = False
        for y in range(y0, y1):
            p = img.pixel(x, y)
            if sum(abs(p[k] - background[k]) for k in range(3)) > 120:
                inked = True
                break
        cols.append(inked)
    return cols


def word_boxes(img, line):
    """The horizontal extents of the words between a line's two markers.

    Words are runs of inked columns separated by gaps wider than 2 pixels
    (a space); gaps inside a word are narrower.
    """
    left, right = line
    y0, y1 = left[1], left[3]
    x0, x1 = left[2] + 1, right[0] - 1
    background = img.pixel(x0 + 1, y0 - 2 if y0 >= 2 else y1)
    cols = ink_columns(img, x0, x1, y0, y1, background)
    words = []
    start = None
    gap = 0
    for i, inked in enumerate(cols + [False] * 4):
        if inked:
            if start is None:
                start = i
            gap = 0
            end = i + 1
        elif start is not None:
            gap += 1
            if gap > 2:
                words.append((x0 + start, x0 + end))
                start = None
    return words


class Glossa:
    """One running glossa process and its window."""

    def __init__(self, exe, article, workdir, extra_env=None):
        self.exe = exe
        self.article = article
        self.workdir = workdir
        self.log_path = os.path.join(workdir, "glossa.log")
        env = dict(os.environ)
        env.update({
            "GSETTINGS_BACKEND": "memory",
            "NO_AT_BRIDGE": "1",
            "GDK_BACKEND": "x11",
        })
        # The real binary runs with its default accessibility backend;
        # GTK_A11Y=test is for the in-process GTK tests.
        env.pop("GTK_A11Y", None)
        env.pop("WAYLAND_DISPLAY", None)
        env["XDG_CONFIG_HOME"] = os.path.join(workdir, "config")
        if extra_env:
            env.update(extra_env)
        gtk_settings(env["XDG_CONFIG_HOME"])
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([os.path.abspath(exe), article], env=env,
                                     cwd=workdir,
                                     stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log)
        self.window = None

    def alive(self):
        return self.proc.poll() is None

    def log_text(self):
        self.log.flush()
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def wait_window(self, timeout=TIMEOUT):
        """Wait for the mapped toplevel of our process; focus it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"glossa exited with {self.proc.returncode}"
                                   f" before showing a window:\n"
                                   f"{self.log_text()}")
            out = subprocess.run(["xdotool", "search", "--onlyvisible",
                                  "--pid", str(self.proc.pid)],
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True).stdout
            wins = [w for w in out.split() if w.strip()]
            if wins:
                self.window = max(wins, key=self._area)
                self.focus()
                return self.window
            time.sleep(0.1)
        raise RuntimeError("no glossa window within %d s" % timeout)

    @staticmethod
    def _area(win):
        out = subprocess.run(["xdotool", "getwindowgeometry", win],
                             stdout=subprocess.PIPE, text=True).stdout
        m = re.search(r"Geometry: (\d+)x(\d+)", out)
        return int(m.group(1)) * int(m.group(2)) if m else 0

    def focus(self, window=None):
        # There is no window manager under Xvfb: set the input focus directly.
        subprocess.run(["xdotool", "windowfocus", window or self.window],
                       stderr=subprocess.DEVNULL)

    def other_windows(self):
        """Our mapped windows other than the main one (dialogs)."""
        out = subprocess.run(["xdotool", "search", "--onlyvisible",
                              "--pid", str(self.proc.pid)],
                             stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True).stdout
        return [w for w in out.split() if w != self.window]

    def wait_other_window(self, timeout=TIMEOUT):
        """Wait for a second mapped window of ours (a dialog) and for the
        screen to settle, so that it is drawn and takes keys; return it, or
        None after TIMEOUT seconds (a short TIMEOUT checks that none
        comes)."""
        others = wait_until(self.other_windows, timeout)
        if not others:
            return None
        self.settle()
        return others[-1]

    def wait_dialog_gone(self, dialog, timeout=TIMEOUT):
        """Wait until DIALOG is no longer mapped; False after TIMEOUT."""
        return wait_until(lambda: dialog not in self.other_windows(), timeout)

    def title(self):
        """The main window's title, as the window manager would show it."""
        out = subprocess.run(["xdotool", "getwindowname", self.window],
                             stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True).stdout
        return out.strip()

    def wait_title(self, expected, timeout=TIMEOUT):
        """Wait until the title is EXPECTED; False after TIMEOUT."""
        return wait_until(lambda: self.title() == expected, timeout)

    def settle(self, timeout=TIMEOUT):
        """Wait until the window has drawn what it had to: two screenshots
        in a row are the same. Return the last screenshot; raise
        RuntimeError if the screen still changes after TIMEOUT seconds."""
        previous = screenshot()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.2)
            img = screenshot()
            if img.pixels == previous.pixels:
                return img
            previous = img
        raise RuntimeError(f"the screen still changed after {timeout} s")

    def wait_change(self, before, timeout=TIMEOUT):
        """Wait until the screen differs from the screenshot BEFORE (the
        window showed the effect of the input since), then until it
        settles; return the screenshot, or raise RuntimeError naming
        WHAT did not happen after TIMEOUT seconds."""
        changed = wait_until(lambda: screenshot().pixels != before.pixels,
                             timeout, interval=0.2)
        if not changed:
            raise RuntimeError(f"the window showed no change within "
                               f"{timeout} s")
        return self.settle(timeout)

    def wait_marked_lines(self, count, timeout=TIMEOUT):
        """Wait until COUNT marker-framed lines are on screen; return them
        with the screenshot they were found in."""
        deadline = time.monotonic() + timeout
        lines = []
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"glossa exited with {self.proc.returncode}"
                                   f":\n{self.log_text()}")
            img = screenshot()
            lines = marked_lines(img)
            if len(lines) >= count:
                return img, lines
            time.sleep(0.2)
        raise RuntimeError(f"found {len(lines)} of {count} marked lines on "
                           f"screen within {timeout} s")

    def key(self, *keys, delay=60):
        subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay",
                        str(delay)] + list(keys), check=True)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--clearmodifiers", "--delay", "40",
                        text], check=True)

    def click(self, x, y, repeat=1):
        # Separate clicks at one place must not make a double click: they
        # are sent further apart than the window's double-click time.
        last = getattr(self, "_last_click", None)
        if last and abs(last[0] - x) <= 5 and abs(last[1] - y) <= 5:
            wait = last[2] + DOUBLE_CLICK_TIME + 0.2 - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        subprocess.run(["xdotool", "mousemove", str(x), str(y)],
                       check=True)
        time.sleep(0.05)
        subprocess.run(["xdotool", "click", "--repeat", str(repeat),
                        "--delay", "90", "1"], check=True)
        self._last_click = (x, y, time.monotonic())

    def drag(self, x0, y0, x1, y1, steps=8):
        subprocess.run(["xdotool", "mousemove", str(x0), str(y0)],
                       check=True)
        time.sleep(0.05)
        subprocess.run(["xdotool", "mousedown", "1"], check=True)
        for i in range(1, steps + 1):
            x = x0 + (x1 - x0) * i // steps
            y = y0 + (y1 - y0) * i // steps
            time.sleep(0.04)
            subprocess.run(["xdotool", "mousemove", str(x), str(y)],
                           check=True)
        time.sleep(0.08)
        subprocess.run(["xdotool", "mouseup", "1"], check=True)

    def kill(self, sig=signal.SIGKILL):
        if self.alive():
            self.proc.send_signal(sig)
        self.proc.wait(timeout=30)
        self.log.close()

    def close(self, timeout=20):
        """Ask the window to close (Ctrl+W, then Ctrl+Q); kill on timeout."""
        if not self.alive():
            self.log.close()
            return self.proc.returncode
        for keys in (("ctrl+w",), ("ctrl+q",)):
            try:
                self.focus()
                self.key(*keys)
                return self.proc.wait(timeout=timeout / 2)
            except subprocess.TimeoutExpired:
                continue
        self.proc.terminate()
        try:
            return self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()
        finally:
            self.log.close()


def load_spans(article_path):
    """The annotation file's spans as a sorted list of (start, end, label),
    or None when it does not exist or is not complete JSON."""
    try:
        with open(annotations_path(article_path), encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError):
        return None
    return sorted((s["start"], s["end"], s["label"]) for s in doc["spans"])


def check_file(article_path):
    """Return a list of problems with the annotation file (empty if fine):
    every span's text must equal the Python slice of the article."""
    text = read_article(article_path)
    with open(annotations_path(article_path), encoding="utf-8") as f:
        doc = json.load(f)
    problems = []
    if doc.get("format") != "glossa-annotations" or doc.get("version") != 1:
        problems.append("not a glossa-annotations v1 file")
    if doc["document"].get("length") != len(text):
        problems.append(f"length {doc['document'].get('length')} != {len(text)}")
    keys = []
    for i, s in enumerate(doc["spans"]):
        if text[s["start"]:s["end"]] != s["text"]:
            problems.append(f"spans[{i}] text {s['text']!r} != article slice "
                            f"{text[s['start']:s['end']]!r}")
        if s["label"] not in LABELS:
            problems.append(f"spans[{i}] unknown label {s['label']!r}")
        keys.append((s["start"], s["end"], s["label"]))
    order = {label: i for i, label in enumerate(doc.get("labels", LABELS))}
    if keys != sorted(keys, key=lambda k: (k[0], k[1], order.get(k[2], 99))):
        problems.append("spans not sorted by (start, end, label in the "
                        "order of \"labels\")")
    ids = [s["id"] for s in doc["spans"]]
    if len(set(ids)) != len(ids):
        problems.append("duplicate span ids")
    return problems


def describe(spans, text):
    if spans is None:
        return "no (complete) annotation file"
    return ", ".join(f"{l}[{s},{e})={text[s:e]!r}" for s, e, l in spans) or "no spans"


def wait_spans(article_path, expected, timeout=TIMEOUT):
    """Poll the annotation file until its spans equal EXPECTED (a list of
    (start, end, label)); return (ok, spans, seconds waited)."""
    expected = sorted(expected)
    t0 = time.monotonic()
    spans = None
    while True:
        spans = load_spans(article_path)
        if spans == expected:
            return True, spans, time.monotonic() - t0
        if time.monotonic() - t0 > timeout:
            return False, spans, time.monotonic() - t0
        time.sleep(0.05)


_workdirs = []


def workdir(prefix):
    """A temporary folder, removed at the end unless a check failed."""
    path = tempfile.mkdtemp(prefix=f"glossa-e2e-{prefix}-")
    _workdirs.append(path)
    return path


def place_article(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


# The article the interactive tests annotate. Lines the mouse points at are
# framed by markers; the first line is reached by keyboard alone.
ARTICLE = (
    "Vladimir Putin spoke with Joe Biden on Thursday.\n"
    "\n"
    f"{MARKER} Constantinople {MARKER}\n"
    "\n"
    f"{MARKER} the Kremlin said nothing {MARKER}\n"
    "\n"
    "Officials said the sanctions would be a colossal mistake.\n"
    "\n"
    f"{MARKER} Washington responded firmly {MARKER}\n"
)
ARTICLE_MARKED_LINES = 3


def span_of(text, phrase, label, occurrence=1):
    """(start, end, label) of the OCCURRENCE-th PHRASE in TEXT."""
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return (start, start + len(phrase), label)


class Review(Glossa):
    """`glossa review ARGS…`, the window opened straight into review, in the
    environment Glossa gives but without its settings folder: the review
    tests never needed one."""

    def __init__(self, exe, args, workdir):
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


def load_json(path):
    """The JSON in PATH, or None while it is missing or half written."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def run_cli(exe, *args):
    """A headless command (validate, stats, export…) with English messages."""
    return subprocess.run([exe] + list(args), capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"))
