using System;
using System.IO;
using System.Xml.Linq;
using LazyMigrate.Tests.Shared;

namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>Where the repository is, found from the test assembly's location.</summary>
public static class RepositoryLayout
{
    public static string Root => RepositoryPaths.Root;

    /// <summary>The one place the package version comes from.</summary>
    public static string VersionPrefix()
    {
        var props = XDocument.Load(Path.Combine(Root, "Directory.Build.props"));
        foreach (var element in props.Descendants("VersionPrefix"))
        {
            return element.Value.Trim();
        }

        throw new InvalidOperationException("Directory.Build.props defines no VersionPrefix.");
    }
}
