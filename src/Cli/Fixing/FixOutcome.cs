using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Fixing;

/// <summary>The result of the fix loop, before anything is written.</summary>
public sealed record FixOutcome(
    Solution Original,
    Solution Fixed,
    int Iterations,
    IReadOnlyDictionary<string, int> FixedCounts,
    IReadOnlyList<Analysis.Finding> Remaining,
    IReadOnlyList<Analysis.Finding> Initial)
{
    /// <summary>Fixes the pipeline declined (they would add a compiler error or warning, or found no good name), each with its reason.</summary>
    public IReadOnlyList<LazyMigrate.CodeFixes.Infrastructure.SkippedFix> Skipped { get; init; } = System.Array.Empty<LazyMigrate.CodeFixes.Infrastructure.SkippedFix>();

    /// <summary>For each finding in <see cref="Remaining"/>: why no fix removed it, in words for the user.</summary>
    public IReadOnlyDictionary<Analysis.Finding, string> WhyNotFixed { get; init; } = new Dictionary<Analysis.Finding, string>();
}
