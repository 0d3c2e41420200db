using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LazyMigrate.StartupHarness;

/// <summary>Renders <see cref="HarnessReport"/> as the Markdown the README shows.</summary>
internal static class MarkdownReport
{
    /// <summary>
    /// All apps' reports: with one app, its report; with several, a table of every app's row group (bare, floor,
    /// before, after) first, then each app's own report.
    /// </summary>
    public static string RenderAll(IReadOnlyList<HarnessReport> reports)
    {
        if (reports.Count == 1)
        {
            return Render(reports[0]);
        }

        var md = new StringBuilder();
        var first = reports[0];
        var m = first.Machine;
        md.AppendLine($"### Startup of {reports.Count} apps: time to ready ({first.Runs} interleaved rounds per app{(first.Smoke ? ", SMOKE: not for conclusions" : "")})");
        md.AppendLine();
        var arguments = first.Arguments.Count == 0 ? "" : " -- " + string.Join(" ", first.Arguments);
        md.AppendLine($"Command: `dotnet run -c Release --project benchmarks/StartupHarness{arguments}`.");
        md.AppendLine($"Machine: {m.Cores} cores, {m.CpuModel}, {m.Os}, {m.Runtime}. Each app is measured in its own rounds beside its floor and the bare app; seed {first.Seed}.");
        md.AppendLine();
        md.AppendLine("| app | variant | time to ready, ms, no profiler: median (min–max) | peak RSS at ready, MB | heavy managed at ready | heavy native at ready | runs ok |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var report in reports)
        {
            var shown = false;
            foreach (var v in report.Variants)
            {
                var app = shown ? "" : $"**{report.App}**";
                shown = true;
                var attempted = v.SucceededRuns + v.SucceededTimedRuns + v.FailedRuns;
                if (v.SucceededRuns == 0 || v.SucceededTimedRuns == 0)
                {
                    md.AppendLine($"| {app} | {v.Name} | FAILED: {Cell(v.Error ?? v.RunErrors.FirstOrDefault() ?? "no successful run")} | | | | {v.SucceededTimedRuns + v.SucceededRuns}/{attempted} |");
                    continue;
                }

                md.AppendLine($"| {app} | {v.Name} | {Spread(v.TimeToReadyMs, "0")} | {Median(v.PeakRssMb, "0.0")} | {Median(v.HeavyAssemblies, "0")} | {Median(v.HeavyNativeLibraries, "0")} | {v.SucceededTimedRuns + v.SucceededRuns}/{attempted} |");
            }
        }

        md.AppendLine();
        md.AppendLine("Heavy packages the migrated copy still loads before ready: " + string.Join("; ", reports.Select(r =>
        {
            var after = r.Variants.FirstOrDefault(v => v.Name == Harness.After);
            var packages = after is null || after.SucceededRuns == 0 ? "not measured" : after.HeavyAtReady.Count == 0 ? "none" : string.Join(", ", after.HeavyAtReady.Keys);
            return $"{r.App}: {packages}";
        })) + ".");
        foreach (var report in reports)
        {
            md.AppendLine();
            md.Append(Render(report));
        }

        return md.ToString();
    }

    public static string Render(HarnessReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        var title = report.App.Length == 0 ? "Startup" : report.App;
        md.AppendLine($"### {title}: time to ready ({report.Runs} interleaved rounds{(report.Smoke ? ", SMOKE: not for conclusions" : "")})");
        md.AppendLine();
        var arguments = report.Arguments.Count == 0 ? "" : " -- " + string.Join(" ", report.Arguments);
        md.AppendLine($"Command: `dotnet run -c Release --project benchmarks/StartupHarness{arguments}`.");
        md.AppendLine($"Machine: {m.Cores} cores, {m.CpuModel}, {m.Os}, {m.Runtime}. Started {report.StartedAtUtc}. Run order shuffled in every round, seed {report.Seed} (`--seed {report.Seed}` replays it).");
        if (m.LoadAtStart is not null)
        {
            md.AppendLine($"Load average (1 min) while measuring: {Number(m.LoadAtStart, "0.0")} at the start, up to {Number(m.LoadHighest, "0.0")} at the start of a round, {Number(m.LoadAtEnd, "0.0")} at the end (other work on the machine shows here; the ratios compare apps measured in the same rounds).");
        }

        md.AppendLine();
        var summary = Summary(report);
        if (summary.Count > 0)
        {
            md.AppendLine("What this run shows (each figure is in a table below):");
            md.AppendLine();
            foreach (var sentence in summary)
            {
                md.AppendLine("- " + sentence);
            }

            md.AppendLine();
        }

        md.AppendLine("| app | time to ready, ms, no profiler: median (min–max) | under the hook: harness / readyAtMs | peak RSS at ready, MB | managed assemblies | heavy managed | heavy native | runs ok (timed + profiled) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var v in report.Variants)
        {
            var attempted = v.SucceededRuns + v.SucceededTimedRuns + v.FailedRuns;
            if (v.SucceededRuns == 0 || v.SucceededTimedRuns == 0)
            {
                var why = v.Error ?? v.RunErrors.FirstOrDefault() ?? "no successful run";
                md.AppendLine($"| **{v.Name}** — {v.Description} | FAILED: {Cell(why)} | | | | | | {v.SucceededTimedRuns + v.SucceededRuns}/{attempted} |");
                continue;
            }

            md.AppendLine($"| **{v.Name}** — {v.Description} | {Spread(v.TimeToReadyMs, "0")} | {Median(v.HookedTimeToReadyMs, "0")} / {Median(v.HookReadyAtMs, "0")} | {Median(v.PeakRssMb, "0.0")} | {Median(v.Assemblies, "0")} | {Median(v.HeavyAssemblies, "0")} | {Median(v.HeavyNativeLibraries, "0")} | {v.SucceededTimedRuns + v.SucceededRuns}/{attempted} |");
        }

        md.AppendLine();
        md.AppendLine("Time to ready is wall clock from process start to the ready line, in runs with nothing attached; the profile columns come from a second run of each app in the same round under the LazyMigrate startup hook.");
        md.AppendLine();
        md.AppendLine("Ratios of median time to ready: " + string.Join(", ", report.Ratios.Select(r => $"{r.Key} = {(r.Value is null ? "n/a" : r.Value.Value.ToString("0.00", CultureInfo.InvariantCulture))}")) + ".");
        md.AppendLine();

        md.AppendLine("#### Time to first use of each heavy part after ready, ms (median)");
        md.AppendLine();
        var parts = report.FirstUse.SelectMany(f => f.Parts.Keys).Distinct().ToList();
        md.AppendLine("| app | mode | runs | " + string.Join(" | ", parts) + " |");
        md.AppendLine("|---|---|---|" + string.Concat(parts.Select(_ => "---|")));
        foreach (var f in report.FirstUse.OrderBy(f => Order(f.Variant)).ThenBy(f => ModeOrder(f.Mode)))
        {
            var mode = f.Mode switch
            {
                Harness.ProfileMode => "right after ready",
                Harness.TimingMode => "right after ready, no profiler",
                Harness.IdleMode => $"after {report.IdleMilliseconds} ms idle",
                Harness.IdlePreloadMode => $"after {report.IdleMilliseconds} ms idle, background preloading",
                _ => f.Mode,
            };
            md.AppendLine($"| {f.Variant} | {mode} | {f.Runs} | " + string.Join(" | ", parts.Select(p => Median(f.Parts.TryGetValue(p, out var s) ? s : null, "0.0"))) + " |");
        }

        md.AppendLine();
        md.AppendLine("#### Migration targets");
        md.AppendLine();
        md.AppendLine($"Fixer: `{report.Migration.FixerCommand}`; files changed: {(report.Migration.ChangedFiles.Count == 0 ? "none" : string.Join(", ", report.Migration.ChangedFiles))}.");
        if (report.Migration.Error is not null)
        {
            md.AppendLine();
            md.AppendLine("**Migration failed:** " + Cell(report.Migration.Error));
        }

        md.AppendLine();
        md.AppendLine("| target | wanted | after migration | met | depends on |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var t in report.Targets)
        {
            md.AppendLine($"| {t.Name} | {t.Target} | {t.Actual} | {(t.Met is null ? "not measured" : t.Met.Value ? "yes" : "**NO**")} | {Cell(t.DependsOn ?? "")} |");
        }

        md.AppendLine();
        md.AppendLine($"Output comparison: {report.OutputComparison.Note}.");
        foreach (var v in report.Variants.Where(v => v.HeavyAtReady.Count > 0 && v.Name == Harness.After))
        {
            md.AppendLine();
            md.AppendLine("Heavy packages still loaded at ready after migration (first trigger):");
            foreach (var package in v.HeavyAtReady)
            {
                var first = package.Value.Split(", ")[0];
                var trigger = v.HeavyTriggers.TryGetValue(first, out var t) ? t : "";
                md.AppendLine($"- {package.Key}: {package.Value}{(trigger.Length > 0 ? $" (first loaded from `{trigger}`)" : "")}");
            }
        }

        return md.ToString();
    }

    /// <summary>
    /// Sentences stating what the tables show, each built from the figures it cites (nothing here is written by hand,
    /// so nothing can drift from the table). Empty when the apps to compare have no successful runs.
    /// </summary>
    internal static List<string> Summary(HarnessReport report)
    {
        var sentences = new List<string>();
        VariantSummary? Get(string name) => report.Variants.FirstOrDefault(v => v.Name == name && v.SucceededRuns > 0 && v.SucceededTimedRuns > 0);
        var floor = Get(Harness.Floor);
        var before = Get(Harness.Before);
        var after = Get(Harness.After);
        if (floor is null || before is null || after is null)
        {
            return sentences;
        }

        string Ratio(string key) => Number(report.Ratios.TryGetValue(key, out var r) ? r : null, "0.00");
        sentences.Add($"Time to ready, median of the runs with nothing attached: **after** {Median(after.TimeToReadyMs, "0")} ms, **floor** {Median(floor.TimeToReadyMs, "0")} ms, **before** {Median(before.TimeToReadyMs, "0")} ms; after/floor = {Ratio("after/floor")}, before/after = {Ratio("before/after")}.");
        var a = after.TimeToReadyMs!;
        var f = floor.TimeToReadyMs!;
        var overlap = a.Min <= f.Max && f.Min <= a.Max;
        sentences.Add($"The spread of those runs (min–max): **after** {Number(a.Min, "0")}–{Number(a.Max, "0")} ms, **floor** {Number(f.Min, "0")}–{Number(f.Max, "0")} ms; the ranges {(overlap ? "overlap, so this run does not tell the two apart" : "do not overlap")}.");
        sentences.Add($"At ready, under the hook: **after** has {Median(after.HeavyAssemblies, "0")} heavy managed assemblies and {Median(after.HeavyNativeLibraries, "0")} heavy native libraries loaded (**before**: {Median(before.HeavyAssemblies, "0")} and {Median(before.HeavyNativeLibraries, "0")}), peak RSS {Median(after.PeakRssMb, "0.0")} MB (**floor** {Median(floor.PeakRssMb, "0.0")} MB, **before** {Median(before.PeakRssMb, "0.0")} MB).");

        // First use: the part whose first use after migration costs the most right after ready, and the same part elsewhere.
        FirstUseSummary? Use(string variant, string mode) => report.FirstUse.FirstOrDefault(f => f.Variant == variant && f.Mode == mode);
        double? PartMedian(FirstUseSummary? f, string part) => f is not null && f.Parts.TryGetValue(part, out var st) ? st?.Median : null;
        var afterNow = Use(Harness.After, Harness.TimingMode);
        var slowest = afterNow?.Parts.Where(p => p.Value is not null).OrderByDescending(p => p.Value!.Median).Select(p => p.Key).FirstOrDefault();
        if (slowest is not null)
        {
            sentences.Add($"First use right after ready, no profiler: **after**'s slowest part is {slowest} at {Number(PartMedian(afterNow, slowest), "0.0")} ms (**before**: {Number(PartMedian(Use(Harness.Before, Harness.TimingMode), slowest), "0.0")} ms).");
            var idle = Use(Harness.After, Harness.IdleMode);
            var preload = Use(Harness.After, Harness.IdlePreloadMode);
            if (idle is not null || preload is not null)
            {
                sentences.Add($"After a {report.IdleMilliseconds} ms idle pause, **after**'s {slowest} first use takes {Number(PartMedian(idle, slowest), "0.0")} ms without background preloading and {Number(PartMedian(preload, slowest), "0.0")} ms with it (**before** after the same pause: {Number(PartMedian(Use(Harness.Before, Harness.IdleMode), slowest), "0.0")} ms).");
            }
        }

        return sentences;
    }

    private static string Number(double? value, string format) => value is null ? "n/a" : value.Value.ToString(format, CultureInfo.InvariantCulture);

    private static int Order(string variant) => variant switch
    {
        Harness.BareConsole => 0,
        Harness.Floor => 1,
        Harness.Before => 2,
        _ => 3,
    };

    private static int ModeOrder(string mode) => mode switch
    {
        Harness.TimingMode => 0,
        Harness.ProfileMode => 1,
        Harness.IdleMode => 2,
        _ => 3,
    };

    private static string Median(Statistic? s, string format) => s is null ? "–" : s.Median.ToString(format, CultureInfo.InvariantCulture);

    private static string Spread(Statistic? s, string format)
        => s is null ? "–" : $"{s.Median.ToString(format, CultureInfo.InvariantCulture)} ({s.Min.ToString(format, CultureInfo.InvariantCulture)}–{s.Max.ToString(format, CultureInfo.InvariantCulture)})";

    private static string Cell(string text)
    {
        var single = text.Replace("\r", "").Replace("\n", " ⏎ ").Replace("|", "\\|");
        return single.Length > 400 ? single[..400] + "…" : single;
    }
}
