#!/usr/bin/env python3
"""Scores lazymigrate scan results against triaged expectations; prints a Markdown report.

Expectations (eval/expectations/<app>.tsv, tab-separated, '#' comments):
  file  line  rule  verdict  member  reason
  - file: path relative to the checkout root, '/' separators
  - line: the line of the expected finding, or FIRST-LAST for a member (any finding of that rule
    inside the range matches)
  - verdict: tp (a maintainer wants it flagged) or fp (the tool reports it and should not)
A finding matches an expectation with the same file and rule whose line is within --tolerance
lines (single line) or inside the range. Each tp expectation is satisfied by at most one finding;
further findings matching it are duplicates and count as false positives.
Findings that match nothing are "untriaged" and count as false positives (triage them!).
"""
import argparse, collections, json, os, pathlib, sys

ap = argparse.ArgumentParser()
ap.add_argument("--apps", required=True)
ap.add_argument("--expectations", required=True)
ap.add_argument("--results", required=True)
ap.add_argument("--tolerance", type=int, default=3)
ap.add_argument("--only", action="append", default=[])
a = ap.parse_args()

RULES = [f"LZM000{i}" for i in range(1, 9)]
apps = []
for line in open(a.apps, encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    name, repo, commit, target = line.rstrip("\n").split("\t")[:4]
    if a.only and name not in a.only:
        continue
    apps.append((name, repo, commit, target))

status = {}
sp = pathlib.Path(a.results, "status.tsv")
if sp.exists():
    for line in sp.read_text().splitlines():
        f = line.split("\t")
        status.setdefault(f[0], []).append((f[1], f[2] if len(f) > 2 else ""))

def load_expectations(name):
    p = pathlib.Path(a.expectations, f"{name}.tsv")
    rows = []
    if not p.exists():
        return rows, False
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 4:
            print(f"warning: {p}:{n}: needs at least 4 columns", file=sys.stderr); continue
        loc = f[1].strip()
        lo, _, hi = loc.partition("-")
        rows.append(dict(file=f[0].strip(), lo=int(lo), hi=int(hi or lo), ranged=bool(hi), rule=f[2].strip(),
                         verdict=f[3].strip().lower(), member=f[4].strip() if len(f) > 4 else "",
                         reason=f[5].strip() if len(f) > 5 else "", hits=0))
    return rows, True

def norm(path, root):
    path = path.replace("\\", "/")
    if root and path.startswith(root):
        path = path[len(root):].lstrip("/")
    return path

counts = {r: collections.Counter() for r in RULES + ["all"]}
details, loader = [], []
for name, repo, commit, target in apps:
    exps, have = load_expectations(name)
    st = status.get(name, [])
    for s, msg in st:
        if s not in ("scanned",):
            loader.append(f"{name}: {s}: {msg}")
    scan_path = pathlib.Path(a.results, name, "scan.json")
    if not scan_path.exists():
        loader.append(f"{name}: no scan result; its expectations are not scored")
        continue
    scan = json.loads(scan_path.read_text(encoding="utf-8"))
    root = str(pathlib.Path(a.results, name, "src").resolve())
    for ce in scan.get("compileErrors", []) or []:
        first = "; ".join((ce.get("firstErrors") or [])[:2])
        loader.append(f"{name}: project {ce.get('project')} has {ce.get('errorCount')} compile error(s) (analyzed anyway): {first}")
    for af in scan.get("analyzerFailures", []) or []:
        loader.append(f"{name}: analyzer failure: {json.dumps(af)[:300]}")
    if not have:
        loader.append(f"{name}: no expectations file; every finding is untriaged")
    base = os.path.dirname(target)
    for f in scan.get("findings", []):
        rule, file, line = f["ruleId"], norm(f["file"], root), int(f["line"])
        if base and not os.path.isabs(file) and not file.startswith(base + "/"):
            # Finding paths are relative to the scanned solution's folder; expectations to the checkout.
            file = os.path.normpath(os.path.join(base, file)).replace("\\", "/")
        # Best candidate: one not matched yet, then the nearest line.
        cands = []
        for e in exps:
            if e["rule"] != rule or e["file"] != file:
                continue
            if e["ranged"]:
                ok, dist = e["lo"] <= line <= e["hi"], 0
            else:
                dist = abs(e["lo"] - line)
                ok = dist <= a.tolerance
            if ok:
                cands.append((e["hits"] > 0, dist, len(cands), e))
        match = min(cands)[3] if cands else None
        key = rule if rule in counts else "all"
        where = f"{name}: {file}:{line} {rule}"
        if match is None:
            counts[key]["fp"] += 1; counts["all"]["fp"] += 1 if key != "all" else 0
            details.append(("FP (untriaged)", where, f["message"][:160]))
        elif match["verdict"] == "fp":
            match["hits"] += 1
            counts[key]["fp"] += 1; counts["all"]["fp"] += 1
            details.append(("FP", where, match["reason"]))
        elif match["hits"]:
            match["hits"] += 1
            counts[key]["fp"] += 1; counts["all"]["fp"] += 1
            details.append(("FP (duplicate)", where, "second finding for one expected place: " + match["reason"]))
        else:
            match["hits"] += 1
            counts[key]["tp"] += 1; counts["all"]["tp"] += 1
    for e in exps:
        if e["verdict"] == "tp" and not e["hits"]:
            counts[e["rule"]]["fn"] += 1; counts["all"]["fn"] += 1
            loc = f"{e['lo']}" + (f"-{e['hi']}" if e["ranged"] else "")
            details.append(("FN", f"{name}: {e['file']}:{loc} {e['rule']}", e["reason"]))
        if e["verdict"] == "fp" and not e["hits"]:
            details.append(("fixed FP", f"{name}: {e['file']}:{e['lo']} {e['rule']}", "no longer reported: " + e["reason"]))

def pct(n, d):
    return "–" if d == 0 else f"{100.0 * n / d:.0f}%"

print("\n## Scores\n")
print("| rule | TP | FP | FN | precision | recall |")
print("|---|---:|---:|---:|---:|---:|")
for r in RULES + ["all"]:
    c = counts[r]
    label = "**overall**" if r == "all" else r
    print(f"| {label} | {c['tp']} | {c['fp']} | {c['fn']} | {pct(c['tp'], c['tp'] + c['fp'])} | {pct(c['tp'], c['tp'] + c['fn'])} |")
print("\n## False positives and false negatives\n")
if not details:
    print("none")
for kind, where, why in sorted(details, key=lambda d: (d[1], d[0])):
    print(f"- {kind}: `{where}`: {why}")
print("\n## Loader and restore problems\n")
if not loader:
    print("none")
for l in loader:
    print(f"- {l}")
fix = pathlib.Path(a.results, "fix.tsv")
if fix.exists():
    print("\n## `lazymigrate fix`\n")
    print("New warnings and errors compare the two builds one diagnostic at a time: each is a (file, code,")
    print("message) with the number of positions carrying it, so a second identical warning in a file counts;")
    print("warnings without a code count, LZM diagnostics do not; see each app's build-diff.txt.\n")
    print("| app | fix exit | files changed | builds before | builds after | new warnings | new errors | warnings before → after | findings left without fix / fixes skipped |")
    print("|---|---:|---:|---|---|---:|---:|---|---|")
    for line in fix.read_text().splitlines():
        print("| " + " | ".join(line.split("\t")) + " |")
