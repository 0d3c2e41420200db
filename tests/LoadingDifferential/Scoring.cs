using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.LoadingDifferential;

/// <summary>
/// Confusion counts of one rule (or of "any rule") against the runtime.
/// Precision: of the measured programs the rule reports, the share that loaded a heavy package before ready.
/// Recall: of the measured programs the rule owns (<see cref="ProgramRow.OwnerRule"/>) that loaded a heavy package
/// before ready, the share it reports. For "any rule" both are over every measured program.
/// </summary>
internal sealed record RuleScore(
    string Rule,
    int OwnedRows,
    int OwnedLoaded,
    int TruePositives,
    int FalseNegatives,
    int OwnedNotLoaded,
    int OwnedNotLoadedReported,
    int Reports,
    int ReportsLoaded)
{
    public double? Precision => Reports == 0 ? null : (double)ReportsLoaded / Reports;

    public double? Recall => OwnedLoaded == 0 ? null : (double)TruePositives / OwnedLoaded;

    public int FalsePositives => Reports - ReportsLoaded;
}

internal static class Scoring
{
    public const string AnyRule = "any rule";

    public static List<RuleScore> Score(IReadOnlyList<ProgramResult> results)
    {
        var measured = results.Where(r => r.Measured).ToList();
        var rules = measured.SelectMany(r => r.Rules).Concat(measured.Select(r => r.Row.OwnerRule))
            .Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        var scores = new List<RuleScore>();
        foreach (var rule in rules)
        {
            var owned = measured.Where(r => r.Row.OwnerRule == rule).ToList();
            var reports = measured.Where(r => r.Reported(rule)).ToList();
            scores.Add(new RuleScore(
                rule,
                owned.Count,
                owned.Count(r => r.Loaded),
                owned.Count(r => r.Loaded && r.Reported(rule)),
                owned.Count(r => r.Loaded && !r.Reported(rule)),
                owned.Count(r => !r.Loaded),
                owned.Count(r => !r.Loaded && r.Reported(rule)),
                reports.Count,
                reports.Count(r => r.Loaded)));
        }

        var anyReports = measured.Where(r => r.Findings.Count > 0).ToList();
        scores.Add(new RuleScore(
            AnyRule,
            measured.Count,
            measured.Count(r => r.Loaded),
            measured.Count(r => r.Loaded && r.Findings.Count > 0),
            measured.Count(r => r.Loaded && r.Findings.Count == 0),
            measured.Count(r => !r.Loaded),
            measured.Count(r => !r.Loaded && r.Findings.Count > 0),
            anyReports.Count,
            anyReports.Count(r => r.Loaded)));
        return scores;
    }

    /// <summary>The owner rule's verdict for one program: TP, FN, FP, TN (or "-" when not measured).</summary>
    public static string Verdict(ProgramResult result)
    {
        if (!result.Measured)
        {
            return "-";
        }

        var reported = result.Reported(result.Row.OwnerRule);
        return (result.Loaded, reported) switch
        {
            (true, true) => "TP",
            (true, false) => "FN",
            (false, true) => "FP",
            _ => "TN",
        };
    }
}
