#!/usr/bin/env python3
# test-cli.py — the gscript program's options, errors and log output.
#
# Usage: test-cli.py GSCRIPT VERSION.  Prints TAP.  Every usage error must
# be exactly one line on stderr and exit status 2; the messages are checked
# in the C locale, where they are untranslated.

import os
import shutil
import subprocess
import sys
import tempfile

GSCRIPT = os.path.abspath(sys.argv[1])
VERSION = sys.argv[2]

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(args, env=None, prefix=()):
    environ = dict(os.environ)
    for key in ("LANGUAGE", "LANG", "LC_MESSAGES", "GSCRIPT_LOGGING_RULES",
                "G_DEBUG", "G_MESSAGES_DEBUG"):
        environ.pop(key, None)
    environ["LC_ALL"] = "C"
    environ.update(env or {})
    return subprocess.run(list(prefix) + [GSCRIPT] + list(args), env=environ,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=WORKDIR)


def describe(proc):
    return "status %d, stdout %r, stderr %r" % (proc.returncode, proc.stdout,
                                                 proc.stderr)


def expect_usage_error(name, args, message, **kwargs):
    """Status 2 and exactly `gscript: <message>` as the one line on stderr;
    message may be a list of fragments that the line must contain."""
    proc = run(args, **kwargs)
    err = proc.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    ok = proc.returncode == 2 and proc.stdout == b"" and len(lines) == 1 \
        and err.endswith("\n") and lines[0].startswith("gscript: ")
    if isinstance(message, str):
        ok = ok and lines[0] == "gscript: " + message
    else:
        ok = ok and all(part in lines[0] for part in message)
    check(name, ok, describe(proc))


# What ok.js prints when it runs.
HELLO = b"Hello\n"


def expect_success(name, args, stderr=b"", stdout=HELLO, **kwargs):
    proc = run(args, **kwargs)
    check(name, proc.returncode == 0 and proc.stdout == stdout
          and proc.stderr == stderr, describe(proc))


def expect_success_logging(name, args, first, lines, **kwargs):
    """Exit 0; stderr starts with FIRST and holds each of LINES."""
    proc = run(args, **kwargs)
    check(name, proc.returncode == 0 and proc.stdout == HELLO
          and proc.stderr.startswith(first)
          and all(line in proc.stderr for line in lines), describe(proc))


WORKDIR = tempfile.mkdtemp(prefix="gscript-cli-")
try:
    def write(name, data):
        with open(os.path.join(WORKDIR, name), "wb") as f:
            f.write(data)

    write("ok.js", b'print("Hello");\n')
    write("nul.js", b'var s = "a\x00b";\n')
    write("bad-middle.js", b'print(1);\nab\xffc\n')
    write("bad-truncated.js", b'abc\xe2\x82')
    write("bad-overlong.js", b'\xc0\xaf')
    write("bad-surrogate.js", b'// \xed\xa0\x80\n')
    write("locked.js", b'print(1);\n')
    os.chmod(os.path.join(WORKDIR, "locked.js"), 0)
    os.mkdir(os.path.join(WORKDIR, "dir.js"))
    big = (b"// " + b"x" * 96 + b"\n") * 3000
    write("big.js", big + b"\x80")

    # Missing operands and options.
    expect_usage_error("no script", [], ["no script given", "-e"])
    expect_usage_error("unknown long option", ["--bogus", "ok.js"],
                       ["--bogus", "--help"])
    expect_usage_error("unknown short option", ["-z"], ["-z"])
    expect_usage_error("missing argument to -e", ["-e"], ["-e"])
    expect_usage_error("missing argument to --log-rules", ["--log-rules"],
                       ["--log-rules"])

    # Files that cannot be read.
    expect_usage_error("missing file", ["missing.js"],
                       "cannot open 'missing.js': No such file or directory")
    expect_usage_error("directory", ["dir.js"],
                       "cannot read 'dir.js': Is a directory")
    # Root reads anything, so as root the permission check drops the
    # capabilities that let it.
    prefix = ()
    can_drop = False
    setpriv = shutil.which("setpriv")
    if os.geteuid() == 0 and setpriv:
        caps = "-dac_override,-dac_read_search"
        prefix = (setpriv, "--inh-caps=" + caps, "--bounding-set=" + caps)
        can_drop = subprocess.run(list(prefix) + ["true"]).returncode == 0
    if os.geteuid() != 0 or can_drop:
        expect_usage_error("no permission", ["locked.js"],
                           "cannot open 'locked.js': Permission denied",
                           prefix=prefix)
    else:
        results.append(("no permission # SKIP root, cannot drop privileges",
                        True,
                        ""))

    # Source that is not UTF-8.
    expect_usage_error("invalid UTF-8", ["bad-middle.js"],
                       "'bad-middle.js' is not valid UTF-8: invalid byte "
                       "at offset 12 (line 2)")
    expect_usage_error("truncated UTF-8", ["bad-truncated.js"],
                       ["offset 3 ", "line 1"])
    expect_usage_error("overlong UTF-8", ["bad-overlong.js"], ["offset 0 "])
    expect_usage_error("encoded surrogate", ["bad-surrogate.js"],
                       ["offset 3 "])
    expect_usage_error("-e with invalid UTF-8", ["-e", b"ok\xfe"],
                       "the code given with -e is not valid UTF-8: "
                       "invalid byte at offset 2")
    expect_success("NUL bytes are valid source", ["nul.js"], stdout=b"")
    # Whole files are read, in several reads, with or without a size.
    expect_usage_error("invalid UTF-8 after 300 KB", ["big.js"],
                       "'big.js' is not valid UTF-8: invalid byte at offset "
                       "300000 (line 3001)")
    proc = subprocess.run([GSCRIPT, "/dev/stdin"], input=big[:-1] + b"\xff",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=dict(os.environ, LC_ALL="C"))
    check("invalid UTF-8 from a pipe", proc.returncode == 2
          and b"offset 299999 (line 3000)" in proc.stderr, describe(proc))

    # Success, help and version.
    expect_success("valid file", ["ok.js"])
    expect_success("valid -e", ["-e", b"print('\xc3\xa9')"],
                   stdout="\u00e9\n".encode())
    expect_success("options after FILE go to the script",
                   ["ok.js", "--bogus", "-e"])
    expect_success("-- ends the options", ["--", "ok.js"])

    proc = run(["--version"])
    check("--version", proc.returncode == 0
          and proc.stdout == ("gscript %s\n" % VERSION).encode()
          and proc.stderr == b"", describe(proc))
    proc = run(["--help"])
    out = proc.stdout.decode()
    check("--help", proc.returncode == 0 and proc.stderr == b""
          and "Usage:" in out and "FILE" in out and "--eval" in out
          and "--log-rules" in out and "--version" in out
          and "GSCRIPT_LOGGING_RULES" in out, describe(proc))

    # Log rules: malformed ones warn and change nothing.
    for rules in ["junk", "=", "*", ";;", "\n", "a.b*c=true", "x=maybe",
                  "*" * 100000, "gscript.*=true;" * 5000]:
        proc = run(["--log-rules", rules, "ok.js"])
        check("--log-rules %r does not crash" % rules[:20],
              proc.returncode == 0 and proc.stdout == HELLO, describe(proc))
    proc = run(["--log-rules", "junk", "ok.js"])
    check("a bad rule is reported", b"malformed logging rule 'junk'"
          in proc.stderr, describe(proc))
    proc = run(["ok.js"], env={"GSCRIPT_LOGGING_RULES": "*=maybe;=;"})
    check("bad rules in the environment do not crash",
          proc.returncode == 0 and b"malformed" in proc.stderr,
          describe(proc))

    # The program's log writer prints category messages as one line.
    loaded = b"gscript.cli: loaded ok.js: 16 bytes, 2 script arguments\n"
    expect_success("--log-rules turns a category on",
                   ["--log-rules", "gscript.cli.debug=true", "ok.js", "a",
                    "b"], stderr=loaded)
    # A wildcard reaches the collector's categories too: the runtime's
    # summary is logged when it is destroyed.
    summary = [b"gscript.gc.statistics: ========== runtime summary",
               b"gscript.gc.statistics:   address space reserved: "]
    expect_success_logging("wildcard rules",
                           ["--log-rules", "*.debug=true", "ok.js", "a", "b"],
                           loaded, summary)
    expect_success_logging("GSCRIPT_LOGGING_RULES turns a category on",
                           ["ok.js", "a", "b"], loaded, summary,
                           env={"GSCRIPT_LOGGING_RULES":
                                "gscript.*.debug=true"})
    expect_success("--log-rules wins over GSCRIPT_LOGGING_RULES",
                   ["--log-rules", "gscript.cli=false", "ok.js"],
                   env={"GSCRIPT_LOGGING_RULES": "gscript.cli.debug=true"})
    expect_success("debug is off by default", ["ok.js"])
finally:
    os.chmod(os.path.join(WORKDIR, "locked.js"), 0o600)
    shutil.rmtree(WORKDIR)

print("1..%d" % len(results))
failed = 0
for number, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
    if not ok:
        failed += 1
        print("# " + detail)
sys.exit(1 if failed else 0)
