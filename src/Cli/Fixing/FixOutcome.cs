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
    /// <summary>Fixes the pipeline did not apply (they would add a compiler error or warning, or found no good name), each with its reason.</summary>
    public IReadOnlyList<LazyMigrate.CodeFixes.Infrastructure.SkippedFix> Skipped { get; init; } = System.Array.Empty<LazyMigrate.CodeFixes.Infrastructure.SkippedFix>();
}
