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
/// them (<c>StartupHarnessBare</c>), both relative to the floor's folder. Two optional properties say how to
/// start the app and its floor: <c>StartupHarnessStdin</c> names a file fed to their standard input (the requests
/// a console app serves after ready), and <c>StartupHarnessHttp</c> (<c>true</c>) has the harness pass
/// <c>--urls http://127.0.0.1:PORT</c> with a free port for every run of a web app.
/// </summary>
internal sealed class RepositoryLayout
{
    public const string AppProperty = "StartupHarnessApp";
    public const string BareProperty = "StartupHarnessBare";
    public const string StdinProperty = "StartupHarnessStdin";
    public const string HttpProperty = "StartupHarnessHttp";

    private RepositoryLayout(string root, string floorProject, string sampleProject, string bareProject, string? standardInput, bool http)
    {
        Root = root;
        FloorProject = floorProject;
        SampleProject = sampleProject;
        BareProject = bareProject;
        StandardInput = standardInput;
        Http = http;
    }

    /// <summary>The measured app's name in reports and for <c>--app</c>: its project file's name.</summary>
    public string AppName => Path.GetFileNameWithoutExtension(SampleProject);

    /// <summary>A file whose text is written to the standard input of the app, its migrated copy and its floor; null: empty input.</summary>
    public string? StandardInput { get; }

    /// <summary>The app and its floor are web apps: every run gets <c>--urls http://127.0.0.1:PORT</c> with a free port.</summary>
    public bool Http { get; }

    public string Root { get; }

    public string StartupHookProject => Path.Combine(Root, "src", "StartupHook", "LazyMigrate.StartupHook.csproj");

    public string CodeFixesProject => Path.Combine(Root, "src", "CodeFixes", "LazyMigrate.CodeFixes.csproj");

    public string GeneratorProject => Path.Combine(Root, "src", "Generator", "LazyMigrate.Generator.csproj");

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
    /// directory or this program) and the apps named by <paramref name="floorProject"/>, or by every project under
    /// <c>samples/</c> that declares <see cref="AppProperty"/> (in the order of their paths), or only the one whose
    /// app is named <paramref name="appName"/> (its project file's name, any case).
    /// </summary>
    public static List<RepositoryLayout> FindAll(string? explicitRoot, string? floorProject = null, string? appName = null)
    {
        var root = FindRoot(explicitRoot);
        var floors = floorProject is null ? FindFloors(root) : new List<string> { Path.GetFullPath(floorProject) };
        var layouts = floors.Select(floor => Load(root, floor)).ToList();
        if (appName is null)
        {
            return layouts;
        }

        var selected = layouts.Where(l => string.Equals(l.AppName, appName, StringComparison.OrdinalIgnoreCase)).ToList();
        return selected.Count > 0
            ? selected
            : throw new HarnessUsageException($"No app named '{appName}'; the apps are: {string.Join(", ", layouts.Select(l => l.AppName))}.");
    }

    private static RepositoryLayout Load(string root, string floor)
    {
        if (!File.Exists(floor))
        {
            throw new HarnessUsageException($"The floor project '{floor}' does not exist.");
        }

        var properties = ReadProperties(floor);
        string? Optional(string property)
        {
            if (!properties.TryGetValue(property, out var relative) || relative.Length == 0)
            {
                return null;
            }

            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(floor)!, relative));
            return File.Exists(path) ? path : throw new HarnessUsageException($"<{property}> in {floor} names '{path}', which does not exist.");
        }

        string Named(string property)
            => Optional(property) ?? throw new HarnessUsageException($"{floor} does not set <{property}>.");

        var http = properties.TryGetValue(HttpProperty, out var httpText) && string.Equals(httpText, "true", StringComparison.OrdinalIgnoreCase);
        return new RepositoryLayout(root, floor, Named(AppProperty), Named(BareProperty), Optional(StdinProperty), http);
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

    private static List<string> FindFloors(string root)
    {
        var samples = Path.Combine(root, "samples");
        var floors = Directory.Exists(samples)
            ? Directory.EnumerateFiles(samples, "*.csproj", SearchOption.AllDirectories)
                .Where(p => ReadProperties(p).ContainsKey(AppProperty))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList()
            : new List<string>();
        return floors.Count > 0
            ? floors
            : throw new HarnessUsageException($"No project under {samples} sets <{AppProperty}>; pass --floor PROJECT.");
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
