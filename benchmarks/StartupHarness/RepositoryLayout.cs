using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LazyMigrate.StartupHarness;

/// <summary>
/// Where the measured projects live. The harness knows no app by name: it starts from a floor project, whose
/// csproj names the app it is the floor of (<c>StartupHarnessApp</c>) and the bare console app measured beside
/// them (<c>StartupHarnessBare</c>), both relative to the floor's folder.
/// </summary>
internal sealed class RepositoryLayout
{
    public const string AppProperty = "StartupHarnessApp";
    public const string BareProperty = "StartupHarnessBare";

    private RepositoryLayout(string root, string floorProject, string sampleProject, string bareProject)
    {
        Root = root;
        FloorProject = floorProject;
        SampleProject = sampleProject;
        BareProject = bareProject;
    }

    public string Root { get; }

    public string StartupHookProject => Path.Combine(Root, "src", "StartupHook", "LazyMigrate.StartupHook.csproj");

    public string CodeFixesProject => Path.Combine(Root, "src", "CodeFixes", "LazyMigrate.CodeFixes.csproj");

    public string CliProject => Path.Combine(Root, "src", "Cli", "LazyMigrate.Cli.csproj");

    /// <summary>The app that is measured as written and migrated.</summary>
    public string SampleProject { get; }

    public string SampleDirectory => Path.GetDirectoryName(SampleProject)!;

    public string FloorProject { get; }

    public string BareProject { get; }

    /// <summary>A project's folder relative to the repository root, with forward slashes (for reports).</summary>
    public string Describe(string project) => Path.GetRelativePath(Root, Path.GetDirectoryName(project)!).Replace('\\', '/');

    /// <summary>
    /// The repository holding LazyMigrate.sln (<paramref name="explicitRoot"/>, or the first one above the current
    /// directory or this program) and the apps named by <paramref name="floorProject"/>, or by the one project
    /// under <c>samples/</c> that declares <see cref="AppProperty"/>.
    /// </summary>
    public static RepositoryLayout Find(string? explicitRoot, string? floorProject = null)
    {
        var root = FindRoot(explicitRoot);
        var floor = floorProject is null ? FindFloor(root) : Path.GetFullPath(floorProject);
        if (!File.Exists(floor))
        {
            throw new HarnessUsageException($"The floor project '{floor}' does not exist.");
        }

        var properties = ReadProperties(floor);
        string Named(string property)
        {
            if (!properties.TryGetValue(property, out var relative) || relative.Length == 0)
            {
                throw new HarnessUsageException($"{floor} does not set <{property}>.");
            }

            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(floor)!, relative));
            return File.Exists(path) ? path : throw new HarnessUsageException($"<{property}> in {floor} names '{path}', which does not exist.");
        }

        return new RepositoryLayout(root, floor, Named(AppProperty), Named(BareProperty));
    }

    /// <summary>The properties set directly in a project file (no MSBuild evaluation: the harness needs plain paths).</summary>
    public static Dictionary<string, string> ReadProperties(string projectFile)
    {
        try
        {
            return XDocument.Load(projectFile).Descendants()
                .Where(e => e.Parent?.Name.LocalName == "PropertyGroup" && !e.HasElements)
                .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.Ordinal);
        }
        catch (XmlException ex)
        {
            throw new HarnessUsageException($"{projectFile} is not a readable project file: {ex.Message}");
        }
    }

    private static string FindFloor(string root)
    {
        var samples = Path.Combine(root, "samples");
        var floors = Directory.Exists(samples)
            ? Directory.EnumerateFiles(samples, "*.csproj", SearchOption.AllDirectories)
                .Where(p => ReadProperties(p).ContainsKey(AppProperty))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList()
            : new List<string>();
        return floors.Count switch
        {
            1 => floors[0],
            0 => throw new HarnessUsageException($"No project under {samples} sets <{AppProperty}>; pass --floor PROJECT."),
            _ => throw new HarnessUsageException($"Several floor projects under {samples} ({string.Join(", ", floors.Select(p => Path.GetRelativePath(root, p)))}); pass --floor PROJECT."),
        };
    }

    private static string FindRoot(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot);
            if (!File.Exists(Path.Combine(full, "LazyMigrate.sln")))
            {
                throw new HarnessUsageException($"'{full}' does not contain LazyMigrate.sln.");
            }

            return full;
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LazyMigrate.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new HarnessUsageException("Cannot find LazyMigrate.sln above the current directory; run from the repository or pass --repo DIR.");
    }
}
