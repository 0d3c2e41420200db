using System;
using System.IO;
using System.Linq;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// A copy of tests/Cli.TestApps/OuterFixApp (migrate rewrites its files) beside copies of the repository's props
/// files, which give it the central package versions and build settings it has in the repository.
/// </summary>
public sealed class OuterFixSample : IDisposable
{
    private readonly TempDirectory _temp = new("lzm-outerfix");

    public OuterFixSample()
    {
        foreach (var name in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(TestPaths.RepoRoot, name), _temp.Combine(name));
        }

        var source = Path.Combine(TestPaths.RepoRoot, "tests", "Cli.TestApps", "OuterFixApp");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.GetFiles(source).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }
    }

    public string Directory => _temp.Combine("OuterFixApp");

    public string ProjectPath => Path.Combine(Directory, "OuterFixApp.csproj");

    public string ServicePath => Path.Combine(Directory, "NotesService.cs");

    public string FactoryPath => Path.Combine(Directory, "NotesDbFactory.cs");

    /// <summary>The program as `migrate` runs it after its Release build.</summary>
    public string ReleaseDll => Path.Combine(Directory, "bin", "Release", "net10.0", "OuterFixApp.dll");

    /// <summary>The 1-based line of the first line of <paramref name="path"/> that contains <paramref name="text"/>.</summary>
    public static int LineOf(string path, string text)
    {
        var index = Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not found in {path}");
        return index + 1;
    }

    public void Dispose() => _temp.Dispose();
}
