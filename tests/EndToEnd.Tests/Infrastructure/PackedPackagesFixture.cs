using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs the repository's packages once per test run, into a temp feed, with a version no earlier run
/// used (so the global NuGet cache can never serve a stale copy), and prepares a consumer folder whose
/// nuget.config lists that feed plus the public registry (real heavy packages come from the cache).
/// </summary>
public sealed class PackedPackagesFixture : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ConsumerProject> _restoredTemplates = new();

    public PackedPackagesFixture()
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        WorkDirectory = Path.Combine(Path.GetTempPath(), "lzm-e2e-" + stamp + "-" + Environment.ProcessId);
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        ConsumersDirectory = Path.Combine(WorkDirectory, "consumers");
        Version = RepositoryLayout.VersionPrefix() + "-e2e" + stamp;

        Directory.CreateDirectory(FeedDirectory);
        try
        {
            PackResult = Pack();
            WriteConsumerRoot();
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor threw: clean up here.
            TryDelete(WorkDirectory);
            throw;
        }
    }

    public string WorkDirectory { get; }

    public string FeedDirectory { get; }

    public string ConsumersDirectory { get; }

    /// <summary>The version every package of this run has: VersionPrefix from Directory.Build.props plus a unique suffix.</summary>
    public string Version { get; }

    public CommandResult PackResult { get; }

    public string PackagePath(string packageId) => Path.Combine(FeedDirectory, $"{packageId}.{Version}.nupkg");

    /// <summary>A fresh, unrestored consumer project in its own folder.</summary>
    public ConsumerProject CreateConsumer(string name, ConsumerTemplate template)
    {
        var directory = Path.Combine(ConsumersDirectory, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        return ConsumerProject.Create(directory, template, Version);
    }

    /// <summary>A consumer restored once and shared by read-only tests (builds with different properties).</summary>
    public ConsumerProject SharedRestoredConsumer(ConsumerTemplate template)
    {
        lock (_gate)
        {
            if (!_restoredTemplates.TryGetValue(template.Name, out var project))
            {
                project = CreateConsumer(template.Name, template);
                project.RestoreOrThrow();
                _restoredTemplates[template.Name] = project;
            }

            return project;
        }
    }

    public void Dispose()
    {
        TryDelete(WorkDirectory);

        // This run's packages were extracted into the global packages folder under a version nobody
        // else uses: remove them so runs do not pile up there.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(globalPackages))
        {
            globalPackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        foreach (var id in new[] { "lazymigrate.analyzers", "lazymigrate.runtime", "lazymigrate.aspnetcore", "lazymigrate.cli" })
        {
            TryDelete(Path.Combine(globalPackages, id, Version.ToLowerInvariant()));
            var idFolder = Path.Combine(globalPackages, id);
            if (Directory.Exists(idFolder) && Directory.GetFileSystemEntries(idFolder).Length == 0)
            {
                TryDelete(idFolder);
            }
        }
    }

    private CommandResult Pack()
    {
        // Pack a copy of the sources: building here with another version must not touch the working
        // tree's bin/obj (other test projects run from them), and the copy has no git remote, which is
        // exactly the case SourceLink must tolerate.
        var copy = Path.Combine(WorkDirectory, "repo");
        CopySources(RepositoryLayout.Root, copy);

        // Every src project, as in LazyMigrate.sln: projects missing from a solution would be built
        // as project references in their default (Debug) configuration.
        var projects = Directory.GetFiles(Path.Combine(copy, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(copy, p).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal);
        var solution = Path.Combine(copy, "pack.slnx");
        File.WriteAllText(solution,
            "<Solution>\n" +
            string.Concat(projects.Select(p => $"  <Project Path=\"{p}\" />\n")) +
            "</Solution>\n");

        var suffix = Version.Substring(Version.IndexOf('-') + 1);
        var result = ProcessRunner.Dotnet(copy, "pack", solution, "-c", "Release", "-o", FeedDirectory,
            "-p:VersionSuffix=" + suffix, "-tl:off", "-nologo");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing the repository failed.\n" + result.Describe());
        }

        return result;
    }

    /// <summary>Folders never copied: build output, VCS data (so SourceLink sees no remote), test output, and the tests themselves.</summary>
    private static readonly HashSet<string> s_skippedFolders = new(StringComparer.Ordinal)
    {
        "bin", "obj", ".git", ".vs", ".idea", "TestResults", "BenchmarkDotNet.Artifacts", "artifacts", "node_modules",
    };

    private static readonly HashSet<string> s_skippedTopLevelFolders = new(StringComparer.Ordinal) { "tests", ".tmp" };

    private static void CopySources(string root, string destination)
    {
        // The whole tree minus the skipped folders: a src project may import or link files from
        // anywhere in the repository, and copying the small rest is cheap.
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(root))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(root))
        {
            var name = Path.GetFileName(directory);
            if (!s_skippedTopLevelFolders.Contains(name) && !s_skippedFolders.Contains(name))
            {
                CopyTree(directory, Path.Combine(destination, name));
            }
        }
    }

    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (!s_skippedFolders.Contains(name))
            {
                CopyTree(directory, Path.Combine(destination, name));
            }
        }
    }

    private void WriteConsumerRoot()
    {
        Directory.CreateDirectory(ConsumersDirectory);
        File.WriteAllText(Path.Combine(ConsumersDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="lazymigrate-e2e" value="{FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        // Stop MSBuild and the analyzers from picking up anything above this folder (the repo's own
        // Directory.*.props when the temp folder is inside it, a stray .editorconfig, ...).
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(ConsumersDirectory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(ConsumersDirectory, "global.json"), """
            { "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }
            """);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackagesFixture>
{
    public const string Name = "Packed LazyMigrate packages";
}
