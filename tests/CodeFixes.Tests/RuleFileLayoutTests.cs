using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LazyMigrate.CodeFixes.Tests;

/// <summary>
/// Everything of one rule is found by a case-sensitive search of file names for its ID: the analyzer,
/// the doc page, the analyzer tests and, where the rule has a fix, the fixer, its parts and its tests.
/// </summary>
public class RuleFileLayoutTests
{
    private static readonly string[] s_roots = { "src", "tests", "docs" };

    private static readonly Type[] s_fixers = typeof(LZM0001LazyStaticMemberFixer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .ToArray();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Searching_file_names_for_the_ID_finds_analyzer_doc_tests_and_fixer_where_there_is_one(string id)
    {
        var found = RepositoryFiles().Where(path => Path.GetFileName(path).Contains(id, StringComparison.Ordinal)).ToList();

        Assert.Single(found, path => Regex.IsMatch(path, $"^src/Analyzer/Rules/{id}\\w+Analyzer\\.cs$"));
        Assert.Contains($"docs/rules/{id}.md", found);
        Assert.Contains(found, path => Regex.IsMatch(path, $"^tests/Analyzer\\.Tests/Rules/{id}\\w*Tests\\.cs$"));

        var fixers = s_fixers.Where(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds.Contains(id)).ToList();
        foreach (var fixer in fixers)
        {
            Assert.StartsWith(id, fixer.Name, StringComparison.Ordinal);
            Assert.Contains($"src/CodeFixes/Rules/{id}/{fixer.Name}.cs", found);
        }

        if (fixers.Count > 0)
        {
            Assert.Contains(found, path => Regex.IsMatch(path, $"^tests/CodeFixes\\.Tests/Rules/{id}/{id}\\w*Tests\\.cs$"));
        }

        // A rule's folder holds only files named by its ID, so the search lists all of its parts.
        foreach (var folder in new[] { $"src/CodeFixes/Rules/{id}/", $"tests/CodeFixes.Tests/Rules/{id}/" })
        {
            Assert.All(RepositoryFiles().Where(path => path.StartsWith(folder, StringComparison.Ordinal)), path => Assert.Contains(path, found));
        }
    }

    [Fact]
    public void No_file_name_spells_a_rule_ID_in_another_case()
    {
        var misspelled = RepositoryFiles()
            .Where(path => Regex.Matches(Path.GetFileName(path), "lzm\\d{4}", RegexOptions.IgnoreCase).Any(m => !m.Value.StartsWith("LZM", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(misspelled);
    }

    [Fact]
    public void No_fixer_part_lives_outside_its_rule_folder()
    {
        // Rule-specific code is named by its ID; the shared folders hold only what several rules use.
        var stray = RepositoryFiles()
            .Where(path => path.StartsWith("src/CodeFixes/", StringComparison.Ordinal) && !path.StartsWith("src/CodeFixes/Rules/", StringComparison.Ordinal))
            .Where(path => Regex.IsMatch(Path.GetFileName(path), "LZM\\d{4}", RegexOptions.IgnoreCase))
            .ToList();

        Assert.Empty(stray);
    }

    /// <summary>Paths relative to the repository root with '/' separators, build output left out.</summary>
    private static IEnumerable<string> RepositoryFiles() =>
        s_roots.SelectMany(root => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, root), "*", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj"));
}
