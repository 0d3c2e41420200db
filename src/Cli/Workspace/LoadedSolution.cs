using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace LazyMigrate.Cli.Workspace;

/// <summary>A solution opened through MSBuildWorkspace, plus where it came from.</summary>
public sealed class LoadedSolution : IDisposable
{
    /// <summary>Creates the holder.</summary>
    public LoadedSolution(MSBuildWorkspace workspace, Solution solution, string targetPath, string rootDirectory, IReadOnlyList<string> loadWarnings)
    {
        Workspace = workspace;
        Solution = solution;
        TargetPath = targetPath;
        RootDirectory = rootDirectory;
        LoadWarnings = loadWarnings;
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

    /// <summary>Non-fatal MSBuild messages from loading.</summary>
    public IReadOnlyList<string> LoadWarnings { get; }

    /// <inheritdoc />
    public void Dispose() => Workspace.Dispose();
}
