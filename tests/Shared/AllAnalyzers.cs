using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LazyMigrate.Analyzers;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Tests.Shared;

/// <summary>
/// One new instance of every exported LazyMigrate analyzer, found by reflection so a new rule cannot be
/// forgotten; an analyzer without [DiagnosticAnalyzer] is left out, as a compiler would leave it out.
/// </summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        typeof(DiagnosticProperties).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
