using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Tests.Meta;

/// <summary>
/// Every test project names its tests one way: a sentence with underscores between the words, starting
/// with a capital (<c>Reports_a_static_initializer_that_opens_a_connection</c>). Identifiers inside the
/// sentence keep their casing (<c>DoesNotReport_after_MarkReady</c>); what is refused is a name without
/// words (<c>ReportsStaticInitializer</c>) and the Given/When/Then pattern (<c>Scan_WhenDirty_Refuses</c>).
/// </summary>
public class TestNamingTests
{
    private static readonly Regex s_sentence = new(@"^[A-Z][A-Za-z0-9]*(_[A-Za-z0-9]+)+$");
    private static readonly Regex s_givenWhenThen = new(@"_(Given|When|Then|Should)[A-Z]");

    [Fact]
    public void Every_test_in_every_test_project_is_named_as_an_underscored_sentence()
    {
        var tests = TestMethods().ToList();
        Assert.True(tests.Count > 300, $"found only {tests.Count} tests; the scan of tests/ is broken");

        var offending = tests
            .Where(test => !IsSentenceName(test.Name))
            .Select(test => $"{test.File}: {test.Name}")
            .ToList();

        Assert.True(offending.Count == 0, "Tests not named as an underscored sentence:\n" + string.Join("\n", offending));
    }

    [Theory]
    [InlineData("Reports_a_static_initializer", true)]
    [InlineData("DoesNotReport_after_MarkReady", true)]
    [InlineData("Build_succeeds", true)]
    [InlineData("ReportsStaticInitializer", false)]
    [InlineData("reports_static_initializer", false)]
    [InlineData("Scan_WhenDirty_Refuses", false)]
    [InlineData("Fix__twice", false)]
    public void The_naming_check_accepts_sentences_and_refuses_other_styles(string name, bool accepted) =>
        Assert.Equal(accepted, IsSentenceName(name));

    private static bool IsSentenceName(string name) => s_sentence.IsMatch(name) && !s_givenWhenThen.IsMatch(name);

    private static IEnumerable<(string File, string Name)> TestMethods()
    {
        var testsRoot = Path.Combine(RepositoryPaths.Root, "tests");
        var sources = Directory.EnumerateFiles(testsRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(testsRoot, path)));
        foreach (var path in sources)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var isTest = method.AttributeLists.SelectMany(list => list.Attributes)
                    .Any(attribute => attribute.Name.ToString() is "Fact" or "Theory" or "Xunit.Fact" or "Xunit.Theory");
                if (isTest)
                {
                    yield return (Path.GetRelativePath(RepositoryPaths.Root, path), method.Identifier.ValueText);
                }
            }
        }
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
