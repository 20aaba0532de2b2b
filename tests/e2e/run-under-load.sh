#!/bin/sh
# run-under-load.sh: the end-to-end tests with every core kept busy
#
# Copyright 2026 The Glossa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/e2e/run-under-load.sh [BUILDDIR [MESON-TEST-ARGS…]]
#
# Starts one CPU burner per core (stress-ng's when it is installed, else
# `yes > /dev/null`), runs the e2e suite headless beside them, as
# build-aux/glossa-dev's `headless` does (with the session bus and the
# temporary files in a folder of its own under BUILDDIR), and stops the
# burners by their process ids. The tests wait on what the window shows, never on a fixed
# sleep: they must pass on a machine this busy. The exit status is meson's.

set -eu

builddir=${1:-build}
[ $# -gt 0 ] && shift

cores=$(nproc)
burners=""

# The session bus, the X server's files and the tests' work folders live
# in a folder of this run's own, not in /tmp, which other programs on a
# shared machine may clean up while the suite runs.
private=$(mktemp -d "${builddir}/run-under-load.XXXXXX")
private=$(cd "$private" && pwd)
mkdir "$private/bus" "$private/tmp"
cat > "$private/session.conf" <<END
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$private/bus</listen>
  <auth>EXTERNAL</auth>
  <standard_session_servicedirs/>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
END

stop_burners ()
{
  for pid in $burners; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $burners; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$private"
}
trap stop_burners EXIT INT TERM

if command -v stress-ng >/dev/null 2>&1; then
  stress-ng --cpu "$cores" --quiet &
  burners=$!
else
  i=0
  while [ "$i" -lt "$cores" ]; do
    yes > /dev/null &
    burners="$burners $!"
    i=$((i + 1))
  done
fi
echo "run-under-load: $cores CPU burners ($burners) beside the e2e suite"
uptime

status=0
TMPDIR="$private/tmp" dbus-run-session --config-file="$private/session.conf" -- \
  xvfb-run -a -s "-screen 0 1400x1000x24 -noreset" \
  meson test -C "$builddir" --suite e2e --print-errorlogs "$@" || status=$?
uptime
exit $status
