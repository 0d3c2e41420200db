using System.IO;
using LazyMigrate.Tests.Shared;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>Where the repository and the built tool are.</summary>
public static class TestPaths
{
    public static string RepoRoot => RepositoryPaths.Root;

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The tool as built by its own project (complete: BuildHost, startup hook).</summary>
    public static string CliDll => Path.Combine(RepoRoot, "src", "Cli", "bin", Configuration, "net10.0", "lazymigrate.dll");
}
