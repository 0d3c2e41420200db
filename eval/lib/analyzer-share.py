#!/usr/bin/env python3
"""Sums the compiler's /reportanalyzer output in `dotnet build -v:d -p:ReportAnalyzer=true` logs.

Usage: analyzer-share.py [--assembly LazyMigrate.Analyzers] APP=LOG ...

For each log: every C# compilation prints "Total analyzer execution time: N seconds." followed by one
line per analyzer assembly ("  seconds  percent  Assembly, Version=...") and, indented deeper, one per
analyzer. Prints a markdown table: per app, the number of compilations, the total analyzer time, the
named assembly's time and its share of the total; then the sum over all apps.
"""
import re, sys

args = sys.argv[1:]
assembly = "LazyMigrate.Analyzers"
if args[:1] == ["--assembly"]:
    assembly, args = args[1], args[2:]

total_re = re.compile(r"Total analyzer execution time: ([\d.,]+) seconds")
# The assembly lines, after an optional MSBuild node prefix ("3>" or "3:7>" in a parallel build).
line_re = re.compile(r"^\s*(?:\d+(?::\d+)?>)?\s*(<?[\d.,]+)\s+(<?\d+)\s+([A-Za-z0-9_.]+), Version=")

def seconds(text):
    return float(text.lstrip("<").replace(",", "."))

rows, sum_total, sum_ours, sum_n = [], 0.0, 0.0, 0
for arg in args:
    app, log = arg.split("=", 1)
    total = ours = 0.0
    compilations = 0
    in_analyzers = False
    with open(log, errors="replace") as f:
        for line in f:
            m = total_re.search(line)
            if m:
                total += seconds(m.group(1)); compilations += 1; in_analyzers = True
                continue
            if "Total generator execution time" in line:
                in_analyzers = False  # the generator table that follows lists generators, not analyzers
                continue
            m = line_re.match(line) if in_analyzers else None
            if m and m.group(3) == assembly:
                ours += seconds(m.group(1))
    rows.append((app, compilations, total, ours))
    sum_total += total; sum_ours += ours; sum_n += compilations

def share(o, t):
    return f"{100 * o / t:.1f}%" if t > 0 else "–"

print(f"| app | compilations | all analyzers (s) | {assembly} (s) | share |")
print("|---|---:|---:|---:|---:|")
for app, n, t, o in rows:
    print(f"| {app} | {n} | {t:.3f} | {o:.3f} | {share(o, t)} |")
print(f"| **all** | {sum_n} | {sum_total:.3f} | {sum_ours:.3f} | **{share(sum_ours, sum_total)}** |")
