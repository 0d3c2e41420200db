using System;
using System.Collections.Immutable;
using System.Linq;
using LazyMigrate.Analyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Tests.Infrastructure;

/// <summary>One instance of every LazyMigrate analyzer, found by reflection so a new rule cannot be forgotten.</summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        typeof(LZM0001StaticHeavyInitializerAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
