using System;
using System.IO;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>Where the repository and the built tool are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The tool as built by its own project (complete: BuildHost, startup hook).</summary>
    public static string CliDll => Path.Combine(RepoRoot, "src", "Cli", "bin", Configuration, "net10.0", "lazymigrate.dll");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LazyMigrate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LazyMigrate.sln not found above " + AppContext.BaseDirectory);
    }
}
