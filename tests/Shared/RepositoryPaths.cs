using System;
using System.IO;

namespace LazyMigrate.Tests.Shared;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the first parent of the test binaries holding LazyMigrate.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyMigrate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LazyMigrate.sln not found above " + AppContext.BaseDirectory);
    }
}
