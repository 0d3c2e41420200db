using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LazyMigrate.CodeFixes.Tests;

/// <summary>Rules every fixer follows (exported, a stable key, a custom Fix All): found by reflection so a new fixer cannot skip them.</summary>
public class FixerConventionTests
{
    private static readonly Type[] s_fixers = typeof(LZM0001LazyStaticMemberFixer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void Every_fixer_is_exported_has_a_stable_unique_key_and_a_custom_fix_all_for_all_scopes()
    {
        Assert.Equal(7, s_fixers.Length);
        var keys = s_fixers.Select(t => (string?)t.GetField("Key", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)).ToList();
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(key)));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());

        foreach (var type in s_fixers)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Contains(LanguageNames.CSharp, export!.Languages);

            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            var fixAll = fixer.GetFixAllProvider();
            Assert.NotNull(fixAll);
            Assert.NotSame(WellKnownFixAllProviders.BatchFixer, fixAll);
            Assert.Equal(
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution },
                fixAll!.GetSupportedFixAllScopes().OrderBy(s => s));
        }
    }

    [Fact]
    public void Every_equivalence_key_is_listed_in_the_release_tracking()
    {
        // Keys are what scripts and settings name, so a renamed key must be noted where releases are tracked.
        var tracking = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Analyzer", "AnalyzerReleases.Unshipped.md"));
        var keys = s_fixers
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetValue(null)!)
            .ToList();

        Assert.Equal(8, keys.Count);
        Assert.All(keys, key => Assert.Matches(@"(^|[\s,;])" + Regex.Escape(key) + @"([\s,.]|$)", tracking));
    }

    [Fact]
    public void Fixes_and_the_CLI_read_diagnostic_properties_only_through_DiagnosticProperties()
    {
        // A name spelled as a literal would silently stop matching when the analyzer side renames it.
        var literal = new Regex(@"Properties\s*(\.TryGetValue\(|\[|\.ContainsKey\()\s*""");
        var offenders = new[] { "CodeFixes", "Cli" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(file => literal.IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file))
            .ToList();

        Assert.Empty(offenders);
        Assert.Matches(literal, "diagnostic.Properties.TryGetValue(\"HeavyType\", out var heavyType)");
    }

    [Fact]
    public void Every_fixable_ID_is_reported_by_a_real_analyzer()
    {
        var reported = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var fixable = s_fixers.SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds).Distinct().ToList();
        Assert.Equal(new[] { "LZM0001", "LZM0002", "LZM0003", "LZM0004", "LZM0005", "LZM0006", "LZM0008" }, fixable.OrderBy(id => id));
        Assert.All(fixable, id => Assert.Contains(id, reported));
    }
}
