using System;
using System.IO;

namespace LazyMigrate.LoadingDifferential;

/// <summary>Where the repository's parts and their Release builds are.</summary>
internal sealed class RepositoryLayout
{
    private RepositoryLayout(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string RuntimeDll => Path.Combine(Root, "src", "Runtime", "bin", "Release", "net8.0", "LazyMigrate.Runtime.dll");

    /// <summary>The code-fix build folder holds both analyzer assemblies (the fixes reference the analyzers).</summary>
    public string AnalyzerDirectory => Path.Combine(Root, "src", "CodeFixes", "bin", "Release", "netstandard2.0");

    public string StartupHookDll => Path.Combine(Root, "src", "StartupHook", "bin", "Release", "net8.0", "LazyMigrate.StartupHook.dll");

    /// <summary>The first parent of <paramref name="start"/> (default: this program's folder) holding LazyMigrate.sln.</summary>
    public static RepositoryLayout Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyMigrate.sln")))
            {
                return new RepositoryLayout(dir.FullName);
            }
        }

        throw new InvalidOperationException("LazyMigrate.sln not found above " + (start ?? AppContext.BaseDirectory));
    }

    /// <summary>Builds the runtime, analyzers, code fixes and startup hook in Release unless their outputs exist.</summary>
    public void EnsureBuilt(Action<string> log)
    {
        var projects = new (string Output, string Project)[]
        {
            (RuntimeDll, Path.Combine(Root, "src", "Runtime", "LazyMigrate.Runtime.csproj")),
            (Path.Combine(AnalyzerDirectory, "LazyMigrate.CodeFixes.dll"), Path.Combine(Root, "src", "CodeFixes", "LazyMigrate.CodeFixes.csproj")),
            (StartupHookDll, Path.Combine(Root, "src", "StartupHook", "LazyMigrate.StartupHook.csproj")),
        };
        foreach (var (output, project) in projects)
        {
            if (File.Exists(output))
            {
                continue;
            }

            log($"building {Path.GetFileNameWithoutExtension(project)} (Release)");
            var result = Tools.Dotnet(new[] { "build", project, "-c", "Release", "-nologo", "-v:q", "-clp:ErrorsOnly", "-m:1" }, Root, TimeSpan.FromMinutes(15));
            if (!result.Succeeded || !File.Exists(output))
            {
                throw new InvalidOperationException($"dotnet build {project} failed:\n{result.Tail()}");
            }
        }
    }
}
