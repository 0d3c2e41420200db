using System;
using System.IO;
using System.Linq;
using System.Reflection;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;

namespace LazyMigrate.Analyzers.Tests.Meta;

/// <summary>Every rule is documented, tracked for release, owned by one analyzer, and tested both ways.</summary>
public sealed class RuleCatalogTests
{
    public static TheoryData<string> RuleIdsData()
    {
        var data = new TheoryData<string>();
        foreach (var id in RuleIds.All)
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Every_rule_id_has_exactly_one_descriptor_and_one_analyzer()
    {
        Assert.Equal(RuleIds.All.OrderBy(x => x), Descriptors.All.Select(d => d.Id).OrderBy(x => x));
        var supported = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(RuleIds.All.OrderBy(x => x), supported.OrderBy(x => x));
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Every_descriptor_has_a_help_link_to_its_doc_page(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        Assert.Equal($"https://github.com/lazymigrate/lazymigrate/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);

        var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing doc page {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Why", "## How to fix", "## Example", "## Code fix", "## Options" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Every_rule_is_listed_in_the_release_tracking_file(string id)
    {
        var unshipped = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "Analyzer", "AnalyzerReleases.Unshipped.md"));
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        var row = Assert.Single(unshipped, l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.Contains("| " + descriptor.DefaultSeverity + " |", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Every_rule_has_positive_and_negative_tests(string id)
    {
        var testClass = typeof(RuleCatalogTests).Assembly.GetTypes().SingleOrDefault(t => t.Name == id + "Tests");
        Assert.True(testClass is not null, $"no test class {id}Tests");
        var tests = testClass!.GetMethods()
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any(a => a.Skip is null))
            .Select(m => m.Name)
            .ToList();
        Assert.Contains(tests, n => n.StartsWith("Reports_", StringComparison.Ordinal));
        Assert.Contains(tests, n => n.StartsWith("DoesNotReport_", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_page_documents_every_key()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md"));
        foreach (var key in new[] { "lazymigrate.heavy_assemblies", "lazymigrate.not_heavy_assemblies", "lazymigrate.heavy_types", "lazymigrate.startup_methods", "lazymigrate.ready_methods" })
        {
            Assert.Contains(key, text, StringComparison.Ordinal);
        }
    }
}
