using System.Globalization;
using System.Linq;
using System.Text;

namespace LazyMigrate.StartupHarness;

/// <summary>Renders <see cref="HarnessReport"/> as the Markdown the README shows.</summary>
internal static class MarkdownReport
{
    public static string Render(HarnessReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        md.AppendLine($"### Startup: time to ready ({report.Runs} interleaved rounds{(report.Smoke ? ", SMOKE: not for conclusions" : "")})");
        md.AppendLine();
        md.AppendLine($"Machine: {m.Cores} cores, {m.CpuModel}, {m.Os}, {m.Runtime}. Started {report.StartedAtUtc}. Run order shuffled in every round, seed {report.Seed} (`--seed {report.Seed}` replays it).");
        md.AppendLine();
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
