using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LazyMigrate.LoadingDifferential;

/// <summary>The Markdown report: per-rule confusion, the program table, the after-migration table.</summary>
internal static class Report
{
    public static string Render(IReadOnlyList<ProgramResult> results, bool migrated, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var measured = results.Count(r => r.Measured);
        text.Append($"## Loading differential: {results.Count} programs, {measured} measured, {elapsed.TotalSeconds:0} s\n\n");

        text.Append("### Per rule, against the runtime\n\n");
        text.Append("Precision: of the programs the rule reports, the share that loaded a heavy package before ready. ");
        text.Append("Recall: of the programs the rule owns that loaded one, the share it reports.\n\n");
        text.Append("| rule | owned | owned, loaded | TP | FN | owned, not loaded | of those reported | reports | reports that loaded | precision | recall |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var s in Scoring.Score(results))
        {
            text.Append($"| {s.Rule} | {s.OwnedRows} | {s.OwnedLoaded} | {s.TruePositives} | {s.FalseNegatives} | {s.OwnedNotLoaded} | {s.OwnedNotLoadedReported} | {s.Reports} | {s.ReportsLoaded} | {Ratio(s.Precision)} | {Ratio(s.Recall)} |\n");
        }

        text.Append("\n### Programs\n\n");
        text.Append("| id | where | how | package | owner | expected | runtime before ready | rules reported | verdict |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in results)
        {
            var runtime = r.BuildErrors.Count > 0 ? "does not build: " + Cell(r.BuildErrors[0])
                : r.Run is null ? "not run"
                : r.Run.Ok ? Cell(r.Run.Evidence!.Describe()) : "failed: " + Cell(r.Run.Error ?? "");
            var rules = r.Findings.Count == 0 ? "none" : string.Join(", ", r.Rules);
            var expected = r.Row.ExpectLoad ? "loads" : "nothing";
            var surprise = r.Measured && r.Loaded != r.Row.ExpectLoad ? " (runtime ≠ expected)" : "";
            text.Append($"| {r.Row.Id} | {r.Row.Shape.Where} | {r.Row.Shape.How} | {r.Row.Package.CatalogName} | {r.Row.OwnerRule} | {expected} | {runtime} | {rules} | {Scoring.Verdict(r)}{surprise} |\n");
        }

        var wrong = results.Where(r => r.Measured && Scoring.Verdict(r) is "FN" or "FP").ToList();
        var extraFalsePositives = results.Where(r => r.Measured && !r.Loaded && r.Findings.Count > 0 && Scoring.Verdict(r) != "FP").ToList();
        text.Append($"\n### Where the analyzers disagree with the runtime ({wrong.Count + extraFalsePositives.Count})\n\n");
        foreach (var r in wrong.Concat(extraFalsePositives))
        {
            var reported = r.Findings.Count == 0 ? "no rule reports it" : "reported: " + string.Join("; ", r.Findings.Select(f => $"{f.RuleId} {f.File}:{f.Line}"));
            text.Append($"- **{r.Row.Id}** ({Scoring.Verdict(r)} for {r.Row.OwnerRule}): runtime: {r.Run!.Evidence!.Describe()}; {reported}. {r.Row.Notes}.\n");
        }

        if (migrated)
        {
            var migratedResults = results.Where(r => r.BuildErrors.Count == 0).ToList();
            var failures = migratedResults.Where(r => r.AfterMigrationFailure is not null).ToList();
            text.Append($"\n### After migration (`dotnet format analyzers --diagnostics {string.Join(" ", Differential.MigrationDiagnostics)} --severity info`)\n\n");
            text.Append($"{migratedResults.Count - failures.Count} of {migratedResults.Count} programs hold the property (nothing heavy before ready unless the program uses it before ready, same output); {failures.Count} fail.\n\n");
            text.Append("| id | changed by the fix | runtime before ready | rules still reported | result |\n");
            text.Append("|---|---|---|---|---|\n");
            foreach (var r in migratedResults)
            {
                var runtime = r.RunAfter is { Ok: true } ? Cell(r.RunAfter.Evidence!.Describe()) : "-";
                var still = r.FindingsAfter.Count == 0 ? "none" : string.Join(", ", r.FindingsAfter.Select(f => f.RuleId).Distinct());
                var result = r.AfterMigrationFailure is { } failure ? "FAIL: " + Cell(failure)
                    : r.Row.UsedBeforeReady ? "ok (used before ready)" : "ok";
                text.Append($"| {r.Row.Id} | {(r.MigrationChangedSources ? "yes" : "no")} | {runtime} | {still} | {result} |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The program table alone (no measurement), for --list.</summary>
    public static string Table(IEnumerable<ProgramRow> rows)
    {
        var text = new StringBuilder();
        text.Append("| id | where | how | package | owner rule | expected by construction | CI subset |\n|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
        {
            var expected = (r.ExpectLoad ? "loads before ready: " : "nothing before ready: ") + r.Notes;
            text.Append($"| {r.Id} | {r.Shape.Where} | {r.Shape.How} | {r.Package.CatalogName} | {r.OwnerRule} | {Cell(expected)} | {(r.InCiSubset ? "yes" : "")} |\n");
        }

        return text.ToString();
    }

    private static string Ratio(double? value) => value is null ? "n/a" : value.Value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
