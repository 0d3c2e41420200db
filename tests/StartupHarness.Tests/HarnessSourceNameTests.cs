using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LazyMigrate.Catalog;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>
/// The harness must not know what is inside the apps it measures: no project name of the measured apps, no type
/// they declare, and no type of a heavy package they use may appear in its sources. The names are collected from
/// the apps themselves (their projects, sources and build output), so a new type in a sample is covered at once.
/// </summary>
public sealed class HarnessSourceNameTests
{
    private static readonly Regex s_declaredType = new(
        @"\b(?:class|struct|interface|enum|record)\s+(?:(?:class|struct)\s+)?(?<name>[A-Z]\w*)", RegexOptions.CultureInvariant);

    // A name in a type position: created, a generic argument, a base type, the left of a member access, or the
    // type of a declaration. Property and method names that merely match a package's type name stay out.
    private static readonly Regex s_typeUse = new(
        @"new\s+(?<name>[A-Z]\w*)"
        + @"|[<,]\s*(?<name>[A-Z]\w*)\s*(?:<[^<>;]*>)?\s*[>,]"
        + @"|:\s*(?<name>[A-Z]\w*)"
        + @"|(?<![\w.])(?<name>[A-Z]\w*)\s*\."
        + @"|(?<![\w.])(?<name>[A-Z]\w*)(?:<[^<>;]*>)?\??\s+[A-Za-z_]\w*\s*(?:[=;,){]|=>)",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// The harness's own words that a heavy package also uses as a type name: "Migration" is the section of the report
    /// on the migration the harness runs, and the base class of EF Core's generated migrations.
    /// </summary>
    private static readonly string[] s_harnessVocabulary = { "Migration" };

    [Fact]
    public void Harness_sources_name_no_app_it_measures_and_no_type_of_those_apps()
    {
        var layouts = RepositoryLayout.FindAll(null);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var app in layouts)
        {
            names.UnionWith(SampleNames(app));
        }

        // The collection itself must work, or the check below proves nothing: these are names the harness once
        // held (the demo sample's DI service types, its project name) and types every version of it declares.
        Assert.Contains("MLContext", names);
        Assert.Contains("BlobServiceClient", names);
        Assert.All(layouts, app => Assert.Contains(app.AppName, names));
        Assert.Contains("ProductCatalog", names);
        var layout = layouts[0];

        var harnessDirectory = Path.Combine(layout.Root, "benchmarks", "StartupHarness");
        var found = new List<string>();
        foreach (var file in SourceFiles(harnessDirectory, "*.cs").Concat(SourceFiles(harnessDirectory, "*.csproj")))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var name in names.Where(n => WholeWord(n).IsMatch(lines[i])))
                {
                    found.Add($"{Path.GetRelativePath(layout.Root, file)}:{i + 1}: {name}");
                }
            }
        }

        Assert.True(found.Count == 0, "The harness names what it measures:\n" + string.Join("\n", found));
    }

    /// <summary>Project and assembly names of the measured apps, types declared by the app and its floor, heavy types the app names.</summary>
    private static SortedSet<string> SampleNames(RepositoryLayout layout)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in new[] { layout.SampleProject, layout.FloorProject, layout.BareProject })
        {
            names.Add(Path.GetFileNameWithoutExtension(project));
            var properties = RepositoryLayout.ReadProperties(project);
            foreach (var property in new[] { "AssemblyName", "RootNamespace" })
            {
                if (properties.TryGetValue(property, out var value) && value.Length > 0)
                {
                    names.Add(value);
                }
            }
        }

        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in new[] { layout.SampleDirectory, Path.GetDirectoryName(layout.FloorProject)! })
        {
            foreach (var file in SourceFiles(directory, "*.cs"))
            {
                var code = WithoutComments(File.ReadAllText(file));
                names.UnionWith(s_declaredType.Matches(code).Select(m => m.Groups["name"].Value));
                if (directory == layout.SampleDirectory)
                {
                    identifiers.UnionWith(s_typeUse.Matches(code).Select(m => m.Groups["name"].Value));
                }
            }
        }

        // Types of heavy packages (by the shared catalog) that the app's sources name, found in its build output.
        var output = AppBuilder.FindOutput(layout.SampleProject, "net10.0");
        Assert.True(output is not null, $"{layout.SampleProject} has no Release build: build the solution in Release first");
        foreach (var (type, assemblies) in DiRegistrationEvidence.DefiningAssemblies(Path.GetDirectoryName(output)!, identifiers))
        {
            if (assemblies.Any(a => HeavyPackageCatalog.FindByAssembly(a) is not null) && !s_harnessVocabulary.Contains(type, StringComparer.Ordinal))
            {
                names.Add(type);
            }
        }

        return names;
    }

    private static Regex WholeWord(string name) => new(@"(?<![\w])" + Regex.Escape(name) + @"(?![\w])", RegexOptions.CultureInvariant);

    private static string WithoutComments(string code)
        => string.Join("\n", code.Split('\n').Select(line =>
        {
            var comment = line.IndexOf("//", StringComparison.Ordinal);
            return comment < 0 ? line : line[..comment];
        }));

    private static IEnumerable<string> SourceFiles(string directory, string pattern)
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .Where(path => !path.Contains(separator + "bin" + separator, StringComparison.Ordinal)
                && !path.Contains(separator + "obj" + separator, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal);
    }
}
