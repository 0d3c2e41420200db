#!/usr/bin/env python3
"""Compares the diagnostics of two `dotnet build` logs of the same app (before and after `lazymigrate fix`).

Usage: build-diff.py ROOT BEFORE.log AFTER.log

A diagnostic is keyed by file (relative to ROOT), code and message, without line and column: a fix
moves code, so positions shift while the diagnostic stays the same one. LZM diagnostics are left out
(the fix removes those on purpose). Prints one summary line, tab-separated:
    warnings-before  warnings-after  new-warnings  errors-before  errors-after  new-errors
then one line per new warning or error ("new warning: ...").
"""
import pathlib, re, sys

root, before, after = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
# MSBuild: "path(line,col): warning CODE: message [project]"; also "path : warning CODE: ..." without a position.
line_re = re.compile(r"^\s*(?P<file>.*?)(\(\d+(,\d+)*\))?\s*:\s*(?P<kind>warning|error) (?P<code>[A-Za-z]+\d+)\s*:\s*(?P<msg>.*?)(\s+\[[^\]]*\])?\s*$")

def diagnostics(log):
    found = {"warning": set(), "error": set()}
    if not log.exists():
        return found
    for line in log.read_text(errors="replace").splitlines():
        m = line_re.match(line)
        if not m or m["code"].upper().startswith("LZM"):
            continue
        file = m["file"].strip()
        if file.startswith(root):
            file = file[len(root):].lstrip("/")
        found[m["kind"]].add((file, m["code"], m["msg"]))
    return found

b, a = diagnostics(before), diagnostics(after)
new_w, new_e = sorted(a["warning"] - b["warning"]), sorted(a["error"] - b["error"])
print("\t".join(str(n) for n in (len(b["warning"]), len(a["warning"]), len(new_w), len(b["error"]), len(a["error"]), len(new_e))))
for kind, items in (("warning", new_w), ("error", new_e)):
    for file, code, msg in items:
        print(f"new {kind}: {file}: {code}: {msg}")
