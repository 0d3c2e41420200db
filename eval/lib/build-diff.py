#!/usr/bin/env python3
"""Compares the diagnostics of two `dotnet build` logs of the same app (before and after `lazymigrate fix`).

Usage: build-diff.py ROOT BEFORE.log AFTER.log

Each warning and error is compared one by one. Within a build, a diagnostic is one (file, position,
code, message): MSBuild repeats each one in its summary and once per target framework, and those
repeats are one diagnostic. Between the builds, diagnostics are matched by (file, code, message)
without the position, because a fix moves code and shifts positions; a key the fixed build has more
times than the first build (say a second CS8602 with the same message in the same file) counts as
that many new ones. LZM diagnostics are left out (the fix removes those on purpose). Prints one summary
line, tab-separated:
    warnings-before  warnings-after  new-warnings  errors-before  errors-after  new-errors
then one line per new warning or error ("new warning: ...").
"""
import collections, pathlib, re, sys

root, before, after = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
# MSBuild: "path(line,col): warning CODE: message [project]"; also "path : warning CODE: ..." without a position.
# The code is optional: MSBuild tasks and SDK targets also warn without one ("warning : message"), and
# those count as much as compiler warnings.
line_re = re.compile(r"^\s*(?P<file>.*?)(?P<pos>\(\d+(,\d+)*\))?\s*:\s*(?P<kind>warning|error)\s*(?P<code>[A-Za-z]+\d+)?\s*:\s*(?P<msg>.*?)(\s+\[[^\]]*\])?\s*$")

def diagnostics(log):
    seen = {"warning": set(), "error": set()}
    if log.exists():
        for line in log.read_text(errors="replace").splitlines():
            m = line_re.match(line)
            if not m or (m["code"] or "").upper().startswith("LZM"):
                continue
            file = m["file"].strip()
            if file.startswith(root):
                file = file[len(root):].lstrip("/")
            seen[m["kind"]].add((file, m["pos"] or "", m["code"] or "-", m["msg"]))
    # One count per (file, code, message): how many distinct positions carry it.
    return {kind: collections.Counter((f, c, msg) for f, _, c, msg in items) for kind, items in seen.items()}

def added(before, after):
    return sorted(key for key, n in (after - before).items() for _ in range(n))

b, a = diagnostics(before), diagnostics(after)
new_w, new_e = added(b["warning"], a["warning"]), added(b["error"], a["error"])
total = lambda c: sum(c.values())
print("\t".join(str(n) for n in (total(b["warning"]), total(a["warning"]), len(new_w), total(b["error"]), total(a["error"]), len(new_e))))
for kind, items in (("warning", new_w), ("error", new_e)):
    for file, code, msg in items:
        print(f"new {kind}: {file}: {code}: {msg}")
