#!/usr/bin/env python3
"""Restore patch helper: retargets every project of a checkout to one TFM and pins package versions.

Usage: retarget.py ROOT [--tfm net10.0] [--set Package=Version ...] [--remove Package ...]
       [--drop-global-json]

Edits *.csproj, *.props and *.targets under ROOT in place and prints one line per change, so the
patch log shows exactly what was changed. Only TargetFramework(s) values naming .NET Core / .NET 5+
(netcoreappX, netX.Y) are retargeted; netstandard and .NET Framework values are kept.
"""
import argparse, pathlib, re, sys

ap = argparse.ArgumentParser()
ap.add_argument("root")
ap.add_argument("--tfm")
ap.add_argument("--set", action="append", default=[], metavar="PKG=VER")
ap.add_argument("--remove", action="append", default=[], metavar="PKG")
ap.add_argument("--drop-global-json", action="store_true")
a = ap.parse_args()

root = pathlib.Path(a.root)
pins = {}
for s in a.set:
    k, v = s.split("=", 1)
    pins[k.lower()] = v
removes = {r.lower() for r in a.remove}

def core_tfm(t):
    return re.fullmatch(r"netcoreapp\d+\.\d+|net\d+\.\d+(-[a-z]+[\d.]*)?", t.strip()) is not None

changes = 0
for path in sorted(list(root.rglob("*.csproj")) + list(root.rglob("*.props")) + list(root.rglob("*.targets"))):
    if any(p in ("obj", "bin", ".git") for p in path.parts):
        continue
    text = path.read_text(encoding="utf-8-sig")
    orig = text
    rel = path.relative_to(root)

    if a.tfm:
        def tfm_sub(m):
            tag, val = m.group(1), m.group(2)
            parts = [p for p in val.split(";") if p.strip()]
            new = []
            for p in parts:
                np = a.tfm if core_tfm(p) else p
                if np not in new:
                    new.append(np)
            nv = ";".join(new)
            if nv != val:
                print(f"  {rel}: {tag} {val} -> {nv}")
            return f"<{tag}>{nv}</{tag}>"
        olds = [p for m in re.finditer(r"<TargetFrameworks?>([^<$]*)</TargetFrameworks?>", text)
                for p in m.group(1).split(";") if p.strip() and core_tfm(p)]
        text = re.sub(r"<(TargetFrameworks?)>([^<$]*)</\1>", tfm_sub, text)
        # Conditions on the old TFM (item groups per target): keep the newest one's, now the new TFM's.
        if olds:
            newest = max(olds, key=lambda t: [int(x) for x in re.findall(r"\d+", t)])
            cond = f"'$(TargetFramework)' == '{newest}'"
            if cond in text and newest != a.tfm:
                text = text.replace(cond, f"'$(TargetFramework)' == '{a.tfm}'")
                print(f"  {rel}: conditions on {newest} -> {a.tfm}")

    # Package items: self-closing or with child elements.
    item_re = re.compile(r"(<(PackageReference|PackageVersion)\b[^>]*?\b(?:Include|Update)=\"([^\"]+)\"[^>]*?)(/>|>(.*?)</\2>)", re.S)
    def item_sub(m):
        head, kind, name, tail, body = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
        key = name.lower()
        whole = m.group(0)
        if key in removes:
            print(f"  {rel}: removed {kind} {name}")
            return f"<!-- eval: removed {kind} {name} (not available) -->"
        if key in pins:
            ver = pins[key]
            if re.search(r"\bVersion=\"[^\"]*\"", head):
                old = re.search(r"\bVersion=\"([^\"]*)\"", head).group(1)
                if old != ver:
                    print(f"  {rel}: {name} {old} -> {ver}")
                head = re.sub(r"\bVersion=\"[^\"]*\"", f'Version="{ver}"', head)
                return head + tail
            if body is not None and re.search(r"<Version>", body):
                old = re.search(r"<Version>([^<]*)</Version>", body).group(1)
                if old != ver:
                    print(f"  {rel}: {name} {old} -> {ver}")
                body = re.sub(r"<Version>[^<]*</Version>", f"<Version>{ver}</Version>", body)
                return f"{head}>{body}</{kind}>"
        return whole
    text = item_re.sub(item_sub, text)
    if text != orig:
        path.write_text(text, encoding="utf-8")
        changes += 1

if a.drop_global_json:
    for g in root.rglob("global.json"):
        if ".git" in g.parts:
            continue
        print(f"  {g.relative_to(root)}: removed (pins an SDK that is not installed)")
        g.unlink()
        changes += 1
print(f"  retarget: {changes} file(s) changed")
