# taptest.py: the TAP runner and helpers every tests/cli script shares
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Not a test itself. A script run as `python3 tests/cli/test-x.py GLOSSA`
# has this folder on sys.path and imports what it needs:
#
#   from taptest import GLOSSA, expect, expect_exit, glossa, report, test, write
#
# Each function decorated with @test runs at once, in a temporary folder of
# its own, and its result is kept; report() at the end of the script prints
# them as TAP and exits, non-zero if any failed.

import os
import shutil
import subprocess
import sys
import tempfile

GLOSSA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None

# "test-merge-jsonl.py" makes folders "glossa-merge-jsonl-XXXXXX", so that a
# folder a crashed run leaves behind says which script left it.
_NAME = os.path.splitext(os.path.basename(sys.argv[0]))[0]
_PREFIX = "glossa-%s-" % (_NAME[len("test-"):] if _NAME.startswith("test-") else _NAME)

# (passed, name, message): a message of a passed test starting with "SKIP"
# makes it a skip.
_results = []


def glossa(*args, text=True, cwd=None, timeout=None, env=None, input=None):
    """Runs the binary with @args and returns its subprocess.CompletedProcess.

    LC_ALL=C.UTF-8 gives English messages whatever the machine's locale,
    and UTF-8 file names. @env adds to the environment."""
    full_env = dict(os.environ, LC_ALL="C.UTF-8")
    full_env.update(env or {})
    return subprocess.run([GLOSSA] + list(args), capture_output=True, text=text,
                          env=full_env, cwd=cwd, timeout=timeout, input=input)


def _remove(tmp):
    # A test may leave read-only folders behind (a refused output); give them
    # back their write permission first. Links are not followed: a link to a
    # folder outside @tmp must not have its mode changed.
    for root, dirs, _ in os.walk(tmp):
        for d in dirs:
            path = os.path.join(root, d)
            if not os.path.islink(path):
                os.chmod(path, 0o700)
    shutil.rmtree(tmp)


def _run(function, skip_missing):
    tmp = tempfile.mkdtemp(prefix=_PREFIX)
    try:
        # A test that needs no folder takes no argument.
        returned = function(tmp) if function.__code__.co_argcount else function()
        skip = returned if isinstance(returned, str) and returned.startswith("SKIP") else ""
        _results.append((True, function.__name__, skip))
    except ImportError as e:
        if not skip_missing:
            raise
        _results.append((True, function.__name__, "SKIP %s is not installed" % e.name))
    finally:
        _remove(tmp)


def test(function=None, *, skip_missing=False):
    """Runs @function now and keeps its result; used as @test or as
    @test(skip_missing=True), under which a module that cannot be imported
    (pandas, scikit-learn) skips the test instead of failing it.

    The function may return "SKIP reason" to say it checked less than it
    meant to. SystemExit fails the test rather than ending the script: a
    helper that exits on a mismatch must not hide the tests after it."""
    if function is None:
        return lambda f: test(f, skip_missing=skip_missing)
    try:
        _run(function, skip_missing)
    except AssertionError as e:
        _results.append((False, function.__name__, str(e)))
    except (Exception, SystemExit) as e:
        _results.append((False, function.__name__, "%s: %s" % (type(e).__name__, e)))
    return function


def skip(function, reason):
    """Records @function as skipped, without running it, because of @reason."""
    _results.append((True, function.__name__, "SKIP " + reason))
    return function


def expect(condition, message=""):
    if not condition:
        raise AssertionError(message)


def _decoded(output):
    return output.decode("utf-8", "replace") if isinstance(output, bytes) else output


def expect_exit(result, code):
    """The run exited with @code; if not, the message shows what it printed
    (the start of it: a test may print 80,000 lines)."""
    stdout = (_decoded(result.stdout) or "").rstrip("\n")
    if len(stdout) > 2000:
        stdout = stdout[:2000] + "…"
    expect(result.returncode == code,
           "exit %d, expected %d; stderr: %s%s" % (
               result.returncode, code, (_decoded(result.stderr) or "").rstrip("\n"),
               "\nstdout: %s" % stdout if stdout else ""))


def ok(result):
    """The run succeeded; returns it, to read its output."""
    expect_exit(result, 0)
    return result


def write(path, data):
    """Writes @data (str as UTF-8, or bytes) to @path as it is, with no
    newline translation, making the folders above it; returns @path."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def report():
    """Prints the results as TAP and exits, 1 if any test failed."""
    print("TAP version 13")
    print("1..%d" % len(_results))
    for number, (passed, name, message) in enumerate(_results, 1):
        skipped = passed and message.startswith("SKIP")
        print("%s %d - %s%s" % ("ok" if passed else "not ok", number, name,
                                " # " + message if skipped else ""))
        if not passed:
            for line in message.splitlines() or [""]:
                print("# " + line)
    sys.stdout.flush()
    sys.exit(0 if all(passed for passed, _, _ in _results) else 1)
