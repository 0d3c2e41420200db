#!/usr/bin/env python3
"""Prints --set/--remove arguments for retarget.py for a checkout, from a package list
(default /work/.library/env/packages/nuget.tsv: name, newest version that restored on net10.0,
licence, summary, versions served). Used once to write a patch script; the script itself names
every version, so a rerun does not depend on this list."""
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
tsv = sys.argv[2] if len(sys.argv) > 2 else "/work/.library/env/packages/nuget.tsv"
served = {}
for line in open(tsv, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 5:
        served[f[0].lower()] = (f[0], f[1], f[4].split())
seen = {}
for p in list(root.rglob("*.csproj")) + list(root.rglob("*.props")):
    if any(x in ("obj", "bin", ".git") for x in p.parts):
        continue
    t = p.read_text(encoding="utf-8-sig")
    for m in re.finditer(r"<(?:PackageReference|PackageVersion)\b[^>]*?Include=\"([^\"]+)\"(?:[^>]*?Version=\"([^\"]*)\")?", t):
        seen.setdefault(m.group(1), set()).add(m.group(2) or "")
for name, vers in sorted(seen.items()):
    s = served.get(name.lower())
    if s is None or s[1] in ("not-served",):
        print(f"--remove {name}   # not served ({','.join(sorted(vers))})")
        continue
    ok = [v for v in vers if v and v in s[2]]
    if ok and len(ok) == len([v for v in vers if v]):
        print(f"# {name} {','.join(sorted(vers))} served")
    else:
        print(f"--set {name}={s[1]}   # wanted {','.join(sorted(vers))}")
