using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace LazyMigrate.Cli.Workspace;

/// <summary>A solution opened through MSBuildWorkspace, plus where it came from.</summary>
public sealed class LoadedSolution : IDisposable
{
    /// <summary>Creates the holder.</summary>
    public LoadedSolution(MSBuildWorkspace workspace, Solution solution, string targetPath, string rootDirectory, IReadOnlyList<string> loadWarnings, IReadOnlyList<SkippedProject> skippedProjects)
    {
        Workspace = workspace;
        Solution = solution;
        TargetPath = targetPath;
        RootDirectory = rootDirectory;
        LoadWarnings = loadWarnings;
        SkippedProjects = skippedProjects;
    }

    /// <summary>The workspace (kept alive while the solution is used).</summary>
    public MSBuildWorkspace Workspace { get; }

    /// <summary>The loaded solution snapshot.</summary>
    public Solution Solution { get; }

    /// <summary>The .sln/.slnx/.csproj that was loaded.</summary>
    public string TargetPath { get; }

    /// <summary>The folder of <see cref="TargetPath"/>: report paths are relative to it.</summary>
    public string RootDirectory { get; }

    /// <summary>The project to limit work to when the target is a .csproj (its references load but are not analyzed); null for solutions.</summary>
    public string? OnlyProjectFile => TargetPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? TargetPath : null;

    /// <summary>MSBuild and NuGet messages raised while loading (never fatal), each once.</summary>
    public IReadOnlyList<string> LoadWarnings { get; }

    /// <summary>Projects of the target that were not analyzed: other languages, and C# projects that could not be loaded.</summary>
    public IReadOnlyList<SkippedProject> SkippedProjects { get; }

    /// <summary>The C# projects that could not be loaded (they make the run exit 2 once the rest is done).</summary>
    public IReadOnlyList<SkippedProject> FailedProjects => SkippedProjects.Where(p => p.IsFailure).ToList();

    /// <inheritdoc />
    public void Dispose() => Workspace.Dispose();
}
