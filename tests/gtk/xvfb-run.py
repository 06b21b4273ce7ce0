#!/usr/bin/env python3
"""Runs a command with a private X server (Xvfb) as its display.

usage: xvfb-run.py COMMAND [ARG...]

One server serves the whole command (a test runner and every script it
starts), which is much faster than xvfb-run per script.  Exits with 77,
meson's "skipped", when there is no Xvfb binary.  The environment is
made quiet and hermetic for GTK: no session bus, no accessibility bus,
settings in memory.
"""
import os
import shutil
import subprocess
import sys


def main():
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        print("1..0 # SKIP no Xvfb binary (install xvfb)")
        return 77
    r, w = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(w), "-screen", "0", "1024x768x24",
         "-nolisten", "tcp"],
        pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    display = b""
    with os.fdopen(r, "rb") as f:
        while not display.endswith(b"\n"):
            chunk = f.read(1)
            if not chunk:
                break
            display += chunk
    display = display.strip().decode()
    if not display:
        server.kill()
        print("1..0 # SKIP Xvfb did not start")
        return 77
    # No GL: Xvfb has no GPU, and the software GL drivers would only slow
    # the tests (and leak at exit in the sanitizer runs).
    env = dict(os.environ, DISPLAY=":" + display, GDK_BACKEND="x11",
               NO_AT_BRIDGE="1", GSETTINGS_BACKEND="memory",
               GTK_A11Y="none", GDK_DEBUG="gl-disable")
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    try:
        return subprocess.call(sys.argv[1:], env=env)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
