#!/usr/bin/env python3
# test-output.py: where `glossa export` and `glossa import` refuse to write, and what they leave
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-output.py GLOSSA. Prints TAP. Runs the real binary against
# outputs that must be refused (the input, inside the input, an annotation
# file, a FIFO, a device) and checks the exit status, the message and that
# nothing on disk changed, byte for byte; then hostile ids and a killed run.

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
import time

from taptest import GLOSSA, expect, glossa, ok, report, skip, test

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "data", "datasets", "corpus")


def run(*args, timeout=60):
    return glossa(*args, timeout=timeout)


def skip_unless_root(function):
    if os.geteuid() == 0:
        return test(function)
    return skip(function, "needs root to make a device node")


def snapshot(top):
    """Every path below @top with its kind and, for files, its bytes."""
    state = {}
    for folder, dirs, files in os.walk(top):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                with open(path, "rb") as f:
                    state[path] = ("file", st.st_ino, f.read())
            elif stat.S_ISLNK(st.st_mode):
                state[path] = ("link", os.readlink(path))
            else:
                state[path] = (stat.S_IFMT(st.st_mode), st.st_ino, st.st_rdev)
    return state


def refused(tmp, args, path, reason):
    """Runs @args, which must be refused naming @path and @reason, with
    nothing changed below @tmp."""
    before = snapshot(tmp)
    result = run(*args, timeout=20)
    expect(result.returncode == 2, "%s: exit %d: %s" % (args, result.returncode, result.stderr))
    expect(path in result.stderr, "%s: %s" % (path, result.stderr))
    expect(reason in result.stderr, "%s: %s" % (reason, result.stderr))
    after = snapshot(tmp)
    expect(after == before, "%s changed: %s" % (args, sorted(set(after.items()) ^ set(before.items()))))


def corpus_copy(tmp):
    corpus = os.path.join(tmp, "corpus")
    shutil.copytree(CORPUS, corpus)
    return corpus


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")


def one_doc(id):
    return {"id": id, "text": "Dana Levi spoke.", "spans": [{"start": 0, "end": 9, "label": "actor"}]}


@test
def export_onto_input_corpus_file(tmp):
    corpus = os.path.join(tmp, "in.jsonl")
    write_jsonl(corpus, [one_doc("a"), one_doc("b")])
    refused(tmp, ["export", corpus, "-o", corpus], corpus, "it is the input")
    link = os.path.join(tmp, "hard.jsonl")
    os.link(corpus, link)
    refused(tmp, ["export", corpus, "-o", link], link, "it is the input")


@test
def export_onto_jsonl_corpus_and_its_annotations(tmp):
    corpus = os.path.join(tmp, "news.jsonl")
    write_jsonl(corpus, [{"id": "a", "text": "Hello"}])
    with open(os.path.join(tmp, "news.annotations.jsonl"), "w"):
        pass
    refused(tmp, ["export", corpus, "-o", corpus], corpus, "it is the input")
    sidecar = os.path.join(tmp, "news.annotations.jsonl")
    refused(tmp, ["export", corpus, "-o", sidecar], sidecar, "annotation files")


@test
def export_onto_input_folder(tmp):
    corpus = corpus_copy(tmp)
    refused(tmp, ["export", corpus, "-o", corpus], corpus, "it is the input")
    refused(tmp, ["export", corpus, "--format", "brat", "-o", corpus], corpus, "it is the input")


@test
def export_inside_input_folder(tmp):
    corpus = corpus_copy(tmp)
    inside = os.path.join(corpus, "out.jsonl")
    refused(tmp, ["export", corpus, "-o", inside], inside, "inside the input folder")
    article = os.path.join(corpus, "plain.txt")
    refused(tmp, ["export", corpus, "-o", article], article, "inside the input folder")
    link = os.path.join(tmp, "link")
    os.symlink(corpus, link)
    through = os.path.join(link, "out.jsonl")
    refused(tmp, ["export", corpus, "-o", through], through, "inside the input folder")


@test
def export_onto_linked_article(tmp):
    # A folder corpus's article may be a link to a file elsewhere.
    corpus = corpus_copy(tmp)
    elsewhere = os.path.join(tmp, "elsewhere.txt")
    os.rename(os.path.join(corpus, "plain.txt"), elsewhere)
    os.symlink(elsewhere, os.path.join(corpus, "plain.txt"))
    refused(tmp, ["export", corpus, "-o", elsewhere], elsewhere, "it is the input")


@test
def export_onto_article_of_listed_files(tmp):
    corpus = corpus_copy(tmp)
    ann = os.path.join(corpus, "plain.annotations.json")
    article = os.path.join(corpus, "plain.txt")
    refused(tmp, ["export", ann, "-o", article], article, "it is the input")


@test
def export_onto_annotation_file(tmp):
    corpus = corpus_copy(tmp)
    target = os.path.join(tmp, "x.annotations.json")
    with open(target, "w") as f:
        f.write("mine")
    refused(tmp, ["export", corpus, "--format", "conll", "-o", target], target, "annotation files")
    new = os.path.join(tmp, "y.annotations.jsonl")
    refused(tmp, ["export", corpus, "-o", new], new, "annotation files")


@test
def export_onto_fifo(tmp):
    corpus = corpus_copy(tmp)
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    refused(tmp, ["export", corpus, "-o", fifo], fifo, "named pipe")
    refused(tmp, ["export", corpus, "--format", "brat", "-o", fifo], fifo, "named pipe")


@skip_unless_root
def export_onto_device(tmp):
    corpus = corpus_copy(tmp)
    device = os.path.join(tmp, "null")
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    refused(tmp, ["export", corpus, "-o", device], device, "device")
    expect(stat.S_ISCHR(os.lstat(device).st_mode), "the device node was replaced")
    link = os.path.join(tmp, "to-null")
    os.symlink("/dev/null", link)
    refused(tmp, ["export", corpus, "-o", link], link, "device")
    refused(tmp, ["export", corpus, "-o", "/dev/null"], "/dev/null", "device")
    expect(stat.S_ISCHR(os.stat("/dev/null").st_mode))


@test
def import_refused_outputs(tmp):
    source = os.path.join(tmp, "in.jsonl")
    write_jsonl(source, [one_doc("a")])
    brat = os.path.join(tmp, "brat")
    ok(run("export", source, "--format", "brat", "-o", brat))
    inside = os.path.join(brat, "corpus")
    refused(tmp, ["import", brat, "--format", "brat", "-o", inside], inside, "inside the input folder")
    refused(tmp, ["import", brat, "--format", "brat", "-o", brat], brat, "it is the input")
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    refused(tmp, ["import", source, "-o", fifo], fifo, "named pipe")
    refused(tmp, ["import", source, "-o", source], source, "it is the input")
    ann = os.path.join(tmp, "z.annotations.json")
    refused(tmp, ["import", source, "-o", ann], ann, "annotation files")


HOSTILE = ["../../../../tmp/x", "/etc/passwd", "a/../../b", ".", "..", "x" * 300,
           "tab\there", "Report", "report", "ok/sub"]


def files_below(top):
    found = []
    for folder, _, files in os.walk(top):
        found += [os.path.relpath(os.path.join(folder, f), top) for f in files]
    return sorted(found)


def hostile_ids(tmp, command, extra, extension):
    work = os.path.join(tmp, "work")
    os.mkdir(work)
    source = os.path.join(work, "hostile.jsonl")
    write_jsonl(source, [one_doc(id) for id in HOSTILE])
    out = os.path.join(work, "out")
    outside_before = snapshot(tmp)
    result = ok(run(command, source, *extra, "-o", out))
    outside_after = {p: v for p, v in snapshot(tmp).items() if not p.startswith(out)}
    expect(outside_after == {p: v for p, v in outside_before.items()}, "written outside -o")

    names = [f for f in files_below(out) if f.endswith(extension)]
    expect(len(names) == len(HOSTILE), names)
    for name in names:
        parts = name.split("/")
        expect(all(p and not p.startswith(".") and len(p.encode()) <= 255 for p in parts), name)
    expect(len({n.lower() for n in names}) == len(names), "names equal but for case: %s" % names)
    expect("ok/sub" + extension in names, names)
    expect("Report" + extension in names, names)
    for line, id in enumerate(HOSTILE, 1):
        if id in ("Report", "ok/sub"):
            continue
        shown = id.replace("\t", "\\x09")[:80]
        expect(any("hostile.jsonl:%d:" % line in w and shown in w for w in result.stderr.splitlines()),
               "no warning for line %d: %s" % (line, result.stderr))
    return out


@test
def export_brat_hostile_ids(tmp):
    hostile_ids(tmp, "export", ["--format", "brat"], ".ann")


@test
def import_hostile_ids(tmp):
    out = hostile_ids(tmp, "import", [], ".annotations.json")
    # The corpus written opens as one, with every document.
    result = ok(run("stats", out))
    expect(re.search(r"^Documents +%d$" % len(HOSTILE), result.stdout, re.M), result.stdout)


def partials(folder):
    return sorted(n for n in os.listdir(folder) if n.startswith(".glossa-partial-"))


@test
def killed_run_cleaned(tmp):
    source = os.path.join(tmp, "big.jsonl")
    write_jsonl(source, [{"id": "doc%d" % i, "text": "word " * 500} for i in range(4000)])
    out = os.path.join(tmp, "brat")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    for attempt in range(5):
        process = subprocess.Popen([GLOSSA, "export", source, "--format", "brat", "-o", out],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 30
        while not partials(tmp) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        # Let it write some files first.
        time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if process.returncode == -signal.SIGKILL and partials(tmp):
            break
        shutil.rmtree(out, ignore_errors=True)
    else:
        raise AssertionError("the export finished before it could be killed")
    left = partials(tmp)
    expect(len(left) == 1 and left[0].startswith(".glossa-partial-brat."), left)
    expect(not os.path.exists(out), "a killed run made the output appear")

    # Someone's own files that look alike are kept.
    mine = os.path.join(tmp, ".glossa-partial-brat.notes")
    with open(mine, "w") as f:
        f.write("mine")
    other = os.path.join(tmp, ".glossa-partial-other.abcdef")
    os.mkdir(other)

    result = ok(run("export", source, "--format", "brat", "-o", out, timeout=120))
    expect(partials(tmp) == sorted([os.path.basename(mine), os.path.basename(other)]), partials(tmp))
    expect(len([f for f in files_below(out) if f.endswith(".ann")]) == 4000)
    expect("4000 documents" in result.stderr, result.stderr)


@test
def failed_export_leaves_nothing(tmp):
    # One annotation file is broken: the export fails while documents are
    # being written.
    corpus = corpus_copy(tmp)
    with open(os.path.join(corpus, "plain.annotations.json"), "w") as f:
        f.write("{ broken")
    for extra in [[], ["--format", "brat"], ["--split", "train=0.5,test=0.5"]]:
        out = os.path.join(tmp, "out")
        before = snapshot(tmp)
        result = run("export", corpus, *extra, "-o", out)
        expect(result.returncode == 1, result.stderr)
        expect("plain.annotations.json" in result.stderr, result.stderr)
        expect(snapshot(tmp) == before, os.listdir(tmp))


def mount(*args):
    return subprocess.run(["mount"] + list(args), capture_output=True, text=True)


def can_mount():
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        if mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", tmp).returncode != 0:
            return False
        subprocess.run(["umount", tmp])
    return True


def skip_unless_mount(function):
    if can_mount():
        return test(function)
    return skip(function, "needs root and mount for a full or read-only disk")


@skip_unless_mount
def full_disk_leaves_nothing(tmp):
    source = os.path.join(tmp, "big.jsonl")
    write_jsonl(source, [{"id": "doc%d" % i, "text": "word " * 200} for i in range(200)])
    disk = os.path.join(tmp, "disk")
    os.mkdir(disk)
    expect(mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", disk).returncode == 0)
    try:
        for extra, name in [([], "out.jsonl"), (["--format", "brat"], "brat")]:
            out = os.path.join(disk, name)
            result = run("export", source, *extra, "-o", out)
            expect(result.returncode == 1, "exit %d: %s" % (result.returncode, result.stderr))
            expect(out in result.stderr and "No space left" in result.stderr, result.stderr)
            expect(".glossa-partial" not in result.stderr, result.stderr)
            expect(os.listdir(disk) == [], os.listdir(disk))
        out = os.path.join(disk, "corpus")
        result = run("import", source, "-o", out)
        expect(result.returncode == 1, "exit %d: %s" % (result.returncode, result.stderr))
        expect("No space left" in result.stderr, result.stderr)
        expect(os.listdir(disk) == [], os.listdir(disk))
    finally:
        subprocess.run(["umount", disk])


@skip_unless_mount
def read_only_folder_leaves_nothing(tmp):
    source = os.path.join(tmp, "in.jsonl")
    write_jsonl(source, [one_doc("a")])
    folder = os.path.join(tmp, "ro")
    os.mkdir(folder)
    expect(mount("--bind", folder, folder).returncode == 0)
    try:
        expect(mount("-o", "remount,ro,bind", folder).returncode == 0)
        for command, extra, name in [("export", [], "out.jsonl"), ("export", ["--format", "brat"], "brat"),
                                     ("import", [], "corpus")]:
            out = os.path.join(folder, name)
            result = run(command, source, *extra, "-o", out)
            expect(result.returncode == 1, "exit %d: %s" % (result.returncode, result.stderr))
            expect(out in result.stderr and "Read-only file system" in result.stderr, result.stderr)
            expect(os.listdir(folder) == [], os.listdir(folder))
    finally:
        subprocess.run(["umount", folder])


report()
