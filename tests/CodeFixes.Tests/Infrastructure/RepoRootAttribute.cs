namespace LazyMigrate.CodeFixes.Tests;

/// <summary>The repository root at build time (set by the test project), used by the end-to-end test.</summary>
[System.AttributeUsage(System.AttributeTargets.Assembly)]
public sealed class RepoRootAttribute : System.Attribute
{
    public RepoRootAttribute(string path) => Path = path;

    public string Path { get; }
}
