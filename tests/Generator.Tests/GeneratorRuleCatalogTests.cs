using System;
using System.IO;
using System.Linq;
using System.Reflection;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Generator.Tests;

/// <summary>
/// The generator's rules meet the bar of the analyzer's (tests/Analyzer.Tests RuleCatalogTests): a doc page
/// with the usual sections and a help link to it, a release-tracking row with the right severity, and
/// positive and negative tests.
/// </summary>
public sealed class GeneratorRuleCatalogTests
{
    public static TheoryData<string> RuleIds() => new() { "LZM1001", "LZM1002", "LZM1003", "LZM1004" };

    private static DiagnosticDescriptor Descriptor(string id) =>
        Assert.Single(typeof(GeneratorDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>(), d => d.Id == id);

    [Fact]
    public void The_descriptors_are_exactly_the_listed_rule_ids()
    {
        var ids = typeof(GeneratorDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Select(d => d.Id).OrderBy(id => id);
        Assert.Equal(new[] { "LZM1001", "LZM1002", "LZM1003", "LZM1004" }, ids);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_help_link_to_its_doc_page(string id)
    {
        Assert.Equal($"https://github.com/lazymigrate/lazymigrate/blob/main/docs/rules/{id}.md", Descriptor(id).HelpLinkUri);
        var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing doc page {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Why", "## How to fix", "## Example", "## Code fix", "## Options" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains($"[{id}](rules/{id}.md)", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "generator.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_is_listed_in_the_release_tracking_file(string id)
    {
        var unshipped = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        var row = Assert.Single(unshipped, l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.Contains("| " + Descriptor(id).DefaultSeverity + " |", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_positive_and_negative_tests(string id)
    {
        var testClass = typeof(GeneratorRuleCatalogTests).Assembly.GetTypes().SingleOrDefault(t => t.Name == id + "Tests");
        Assert.True(testClass is not null, $"no test class {id}Tests");
        var tests = testClass!.GetMethods()
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any(a => a.Skip is null))
            .Select(m => m.Name)
            .ToList();
        Assert.Contains(tests, n => n.StartsWith("Reports_", StringComparison.Ordinal));
        Assert.Contains(tests, n => n.StartsWith("DoesNotReport_", StringComparison.Ordinal));
    }
}
