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
    IReadOnlyList<Analysis.Finding> Initial);
