using System;
using System.IO;

namespace LazyMigrate.StartupHarness;

/// <summary>Where the measured projects live in the repository.</summary>
internal sealed class RepositoryLayout
{
    private RepositoryLayout(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string StartupHookProject => Path.Combine(Root, "src", "StartupHook", "LazyMigrate.StartupHook.csproj");

    public string CodeFixesProject => Path.Combine(Root, "src", "CodeFixes", "LazyMigrate.CodeFixes.csproj");

    public string CliProject => Path.Combine(Root, "src", "Cli", "LazyMigrate.Cli.csproj");

    public string SampleDirectory => Path.Combine(Root, "samples", "HeavyStartup");

    public string SampleProject => Path.Combine(SampleDirectory, "HeavyStartup.csproj");

    public string FloorProject => Path.Combine(Root, "samples", "HeavyStartup.Floor", "HeavyStartup.Floor.csproj");

    public string BareProject => Path.Combine(Root, "samples", "Bare", "Bare.csproj");

    /// <summary>The repository holding LazyMigrate.sln: <paramref name="explicitRoot"/>, or the first one above the current directory or this program.</summary>
    public static RepositoryLayout Find(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot);
            if (!File.Exists(Path.Combine(full, "LazyMigrate.sln")))
            {
                throw new HarnessUsageException($"'{full}' does not contain LazyMigrate.sln.");
            }

            return new RepositoryLayout(full);
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LazyMigrate.sln")))
                {
                    return new RepositoryLayout(dir.FullName);
                }
            }
        }

        throw new HarnessUsageException("Cannot find LazyMigrate.sln above the current directory; run from the repository or pass --repo DIR.");
    }
}
