using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LazyMigrate.Tests.Shared;

namespace LazyMigrate.Analyzers.Tests.Meta;

/// <summary>
/// The repository's docs and comments stand alone: every relative link and every docs/ page a comment
/// names is in the repository, and nothing points at documents, issue threads or checklists a reader
/// of the repository does not have.
/// </summary>
public class DocumentationReferenceTests
{
    private static readonly string[] s_textExtensions = { ".cs", ".md", ".csproj", ".props", ".targets", ".txt", ".globalconfig", ".editorconfig", ".json", ".sh" };

    // Written so that this file does not match itself.
    private static readonly (string What, Regex Pattern)[] s_outsideReferences =
    {
        ("a design document that is not in the repository", new Regex(@"DESIGN\.md", RegexOptions.IgnoreCase)),
        ("a numbered section of an outside document", new Regex(@"§\s*\d")),
        ("an outside guide", new Regex(@"\bthe\s+guide\b", RegexOptions.IgnoreCase)),
        ("a numbered acceptance item", new Regex(@"\bAcceptance\s+\d", RegexOptions.IgnoreCase)),
        ("an issue number", new Regex(@"\bissue\s+#", RegexOptions.IgnoreCase)),
    };

    [Fact]
    public void Relative_markdown_links_resolve_to_files_and_headings()
    {
        var broken = new List<string>();
        foreach (var page in MarkdownPages())
        {
            var text = WithoutCode(File.ReadAllText(page));
            foreach (Match link in Regex.Matches(text, @"\]\(([^)\s]+)(?:\s+""[^""]*"")?\)"))
            {
                var target = link.Groups[1].Value;
                if (Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase))
                {
                    continue;   // http:, https:, mailto:
                }

                var hash = target.IndexOf('#');
                var pathPart = hash < 0 ? target : target.Substring(0, hash);
                var anchor = hash < 0 ? null : target.Substring(hash + 1);
                var file = pathPart.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(pathPart)));
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    broken.Add($"{Relative(page)}: {target} (no such file)");
                }
                else if (anchor is not null && file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(file).Contains(anchor))
                {
                    broken.Add($"{Relative(page)}: {target} (no such heading)");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void Docs_pages_named_in_source_and_tests_exist()
    {
        var missing = CheckedFiles()
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"\bdocs/[\w./-]*\w\.md\b").Select(m => $"{Relative(file)}: {m.Value}"))
            .Where(hit => !File.Exists(Path.Combine(RepositoryPaths.Root, hit.Substring(hit.IndexOf(": ", StringComparison.Ordinal) + 2))))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void No_file_refers_to_documents_issues_or_checklists_outside_the_repository()
    {
        var hits = new List<string>();
        foreach (var file in CheckedFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                hits.AddRange(s_outsideReferences.Where(r => r.Pattern.IsMatch(lines[i])).Select(r => $"{Relative(file)}:{i + 1}: {r.What}"));
            }
        }

        Assert.Empty(hits);
    }

    /// <summary>The patterns find what they are meant to find, so an empty result above means something.</summary>
    [Theory]
    [InlineData("see DESIGN" + ".md for the model")]
    [InlineData("as in \u00a7" + "3")]
    [InlineData("The " + "guide's lazy_loader")]
    [InlineData("Accept" + "ance 2: dotnet format")]
    [InlineData("fixed in iss" + "ue #12")]
    public void Outside_reference_patterns_match_typical_mentions(string line)
        => Assert.Contains(s_outsideReferences, r => r.Pattern.IsMatch(line));

    [Fact]
    public void Anchors_follow_GitHub_heading_ids()
    {
        var file = Path.Combine(RepositoryPaths.Root, "docs", "clr-loading.md");
        var anchors = Anchors(file);
        Assert.Contains("what-it-costs", anchors);
        Assert.Contains("dependency-injection-and-hosting", anchors);
        Assert.DoesNotContain("What it costs", anchors);
        Assert.Contains("the-runtime-library-lazymigrateruntime", Anchors(Path.Combine(RepositoryPaths.Root, "README.md")));
    }

    private static IEnumerable<string> MarkdownPages() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "samples"), "*.md", SearchOption.TopDirectoryOnly))
            .Append(Path.Combine(RepositoryPaths.Root, "README.md"));

    /// <summary>
    /// Text files under src/, tests/, docs/, samples/ and benchmarks/ and the README, build output left out. The
    /// samples' comments are read by people comparing them with the migrated copy, so they stand alone too.
    /// </summary>
    private static IEnumerable<string> CheckedFiles() =>
        new[] { "src", "tests", "docs", "samples", "benchmarks" }
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, root), "*", SearchOption.AllDirectories))
            .Where(path => !Relative(path).Split('/').Any(part => part is "bin" or "obj"))
            .Where(path => s_textExtensions.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
            .Append(Path.Combine(RepositoryPaths.Root, "README.md"));

    /// <summary>Heading ids as GitHub makes them: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> Anchors(string markdownFile)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in WithoutFences(File.ReadAllText(markdownFile)).Split('\n'))
        {
            var heading = Regex.Match(line, @"^#{1,6}\s+(.*?)\s*#*\s*$");
            if (heading.Success)
            {
                var id = Regex.Replace(heading.Groups[1].Value.ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", string.Empty).Replace(' ', '-');
                var unique = id;
                for (var n = 1; !anchors.Add(unique); n++)
                {
                    unique = id + "-" + n;
                }
            }
        }

        return anchors;
    }

    /// <summary>The text without fenced code blocks, so a '#' comment in a shell block is no heading.</summary>
    private static string WithoutFences(string markdown)
        => Regex.Replace(markdown, @"^```.*?^```[^\n]*$", string.Empty, RegexOptions.Singleline | RegexOptions.Multiline);

    /// <summary>The text with code blanked as well (inline code too), so code is not read as links.</summary>
    private static string WithoutCode(string markdown) => Regex.Replace(WithoutFences(markdown), "`[^`\n]*`", "``");

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
}
