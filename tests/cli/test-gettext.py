#!/usr/bin/env python3
# test-gettext.py — imports.gettext against a real catalogue: a .po made
# here, compiled with msgfmt, bound to a temporary directory.  The locale
# is C.UTF-8 with LANGUAGE=fr (glibc honours LANGUAGE in any locale but
# plain C), so no French locale needs to be installed.
#
# Usage: test-gettext.py GSCRIPT.  Prints TAP.

import os
import shutil
import subprocess
import sys
import tempfile

GSCRIPT = os.path.abspath(sys.argv[1])

PO = r'''
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Hello"
msgstr "Bonjour"

msgid "Open"
msgstr "Ouvrir l’élément"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d fichier"
msgstr[1] "%d fichiers"

msgctxt "verb"
msgid "Close"
msgstr "Fermer"

msgctxt "adjective"
msgid "Close"
msgstr "Proche"
'''

SCRIPT = r'''
const Gettext = imports.gettext;
const dir = ARGV[0];
print(Gettext.setlocale(Gettext.LocaleCategory.ALL, ''));
print(Gettext.bindtextdomain('gstest', dir) === dir);
print(Gettext.textdomain('gstest'));
print(Gettext.gettext('Hello'));
print(Gettext.gettext('Open'));
print(Gettext.gettext('Not in the catalogue'));
print(Gettext.dgettext('gstest', 'Hello'), Gettext.dgettext(null, 'Hello'));
print(Gettext.dgettext('otherdomain', 'Hello'));
print(Gettext.dcgettext('gstest', 'Hello', Gettext.LocaleCategory.MESSAGES));
print(Gettext.ngettext('%d file', '%d files', 1), '|',
      Gettext.ngettext('%d file', '%d files', 2), '|',
      Gettext.ngettext('%d file', '%d files', 0));
print(Gettext.dngettext('gstest', '%d file', '%d files', 5));
print(Gettext.pgettext('verb', 'Close'), Gettext.pgettext('adjective', 'Close'),
      Gettext.pgettext('noun', 'Close'));
print(Gettext.dpgettext('gstest', 'verb', 'Close'));
const D = Gettext.domain('gstest');
print(D.gettext('Hello'), D.ngettext('%d file', '%d files', 3),
      D.pgettext('adjective', 'Close'));
Gettext.textdomain('otherdomain');
print(Gettext.gettext('Hello'), D.gettext('Hello'));
try {
    Gettext.dcgettext('gstest', 'Hello', 12345);
} catch (e) {
    print(e.name);
}
print(Gettext.setlocale(Gettext.LocaleCategory.MESSAGES, 'xx_NO.SUCH') === null);
'''

TRANSLATED = [
    "C.UTF-8",
    "true",
    "gstest",
    "Bonjour",
    "Ouvrir l’élément",
    "Not in the catalogue",
    "Bonjour Bonjour",
    "Hello",
    "Bonjour",
    "%d fichier | %d fichiers | %d fichier",
    "%d fichiers",
    "Fermer Proche Close",
    "Fermer",
    "Bonjour %d fichiers Proche",
    "Hello Bonjour",
    "TypeError",
    "true",
]

# The same script with no LANGUAGE: nothing is translated.
UNTRANSLATED = [
    "C.UTF-8",
    "true",
    "gstest",
    "Hello",
    "Open",
    "Not in the catalogue",
    "Hello Hello",
    "Hello",
    "Hello",
    "%d file | %d files | %d files",
    "%d files",
    "Close Close Close",
    "Close",
    "Hello %d files Close",
    "Hello Hello",
    "TypeError",
    "true",
]

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(workdir, language):
    env = dict(os.environ)
    for key in ("LANGUAGE", "LANG", "LC_MESSAGES", "LC_ALL"):
        env.pop(key, None)
    env["LC_ALL"] = "C.UTF-8"
    if language:
        env["LANGUAGE"] = language
    return subprocess.run([GSCRIPT, os.path.join(workdir, "gettext.js"),
                           os.path.join(workdir, "locale")],
                          env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)


def compare(name, proc, want):
    out = proc.stdout.decode("utf-8", "replace").splitlines()
    ok = proc.returncode == 0 and out == want
    detail = ""
    if not ok:
        detail = "status %d\nstderr: %s\n" % (
            proc.returncode, proc.stderr.decode("utf-8", "replace"))
        for i in range(max(len(out), len(want))):
            a = want[i] if i < len(want) else "<nothing>"
            b = out[i] if i < len(out) else "<nothing>"
            if a != b:
                detail += "line %d: expected %r, got %r\n" % (i + 1, a, b)
    check(name, ok, detail)


def main():
    msgfmt = shutil.which("msgfmt")
    if not msgfmt:
        print("1..0 # SKIP msgfmt (gettext) is not installed")
        return 0
    with tempfile.TemporaryDirectory() as workdir:
        messages = os.path.join(workdir, "locale", "fr", "LC_MESSAGES")
        os.makedirs(messages)
        po = os.path.join(workdir, "gstest.po")
        with open(po, "w", encoding="utf-8") as f:
            f.write(PO)
        subprocess.run([msgfmt, "-o", os.path.join(messages, "gstest.mo"),
                        po], check=True)
        with open(os.path.join(workdir, "gettext.js"), "w",
                  encoding="utf-8") as f:
            f.write(SCRIPT)
        compare("translated with LANGUAGE=fr", run(workdir, "fr"),
                TRANSLATED)
        compare("untranslated without LANGUAGE", run(workdir, None),
                UNTRANSLATED)
        # The program's own messages keep their domain after a script
        # changed the default one.
        with open(os.path.join(workdir, "domain.js"), "w") as f:
            f.write("imports.gettext.textdomain('gstest');\n"
                    "print(imports.gettext.textdomain(null));\n")
        proc = subprocess.run([GSCRIPT, os.path.join(workdir, "domain.js")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        check("textdomain (null) asks", proc.stdout == b"gstest\n",
              repr(proc.stdout))
    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            for line in detail.splitlines():
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
