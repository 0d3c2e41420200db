using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LazyMigrate.Cli.Errors;
using Microsoft.Build.Construction;
using Microsoft.Build.Exceptions;

namespace LazyMigrate.Cli.Workspace;

/// <summary>
/// The project files a target names, read with MSBuild's own solution parser (.sln and .slnx), split
/// into the C# projects the tool opens and the others it skips. Only MSBuild types: call it after
/// <see cref="MsBuildRegistration.EnsureRegistered"/>.
/// </summary>
public sealed class SolutionProjects
{
    private SolutionProjects(IReadOnlyList<string> csharpProjects, IReadOnlyList<SkippedProject> otherProjects)
    {
        CSharpProjects = csharpProjects;
        OtherProjects = otherProjects;
    }

    /// <summary>Full paths of the C# projects, in solution order.</summary>
    public IReadOnlyList<string> CSharpProjects { get; }

    /// <summary>Projects in other languages (Docker Compose, F#, VB, SQL, shared projects, ...) and entries whose file is missing.</summary>
    public IReadOnlyList<SkippedProject> OtherProjects { get; }

    /// <summary>Reads <paramref name="targetPath"/> (a .sln, .slnx or .csproj).</summary>
    public static SolutionProjects Read(string targetPath)
    {
        if (targetPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return new SolutionProjects(new[] { targetPath }, Array.Empty<SkippedProject>());
        }

        SolutionFile solution;
        try
        {
            solution = SolutionFile.Parse(targetPath);
        }
        catch (InvalidProjectFileException ex)
        {
            throw new BadInputException($"could not read the solution '{targetPath}': {ex.Message}");
        }

        var csharp = new List<string>();
        var others = new List<SkippedProject>();
        foreach (var project in solution.ProjectsInOrder)
        {
            if (project.ProjectType == SolutionProjectType.SolutionFolder)
            {
                continue;
            }

            var path = Path.GetFullPath(project.AbsolutePath.Replace('\\', Path.DirectorySeparatorChar));
            if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                others.Add(new SkippedProject(path, $"not a C# project ({Describe(path)})", IsFailure: false));
            }
            else if (!File.Exists(path))
            {
                others.Add(new SkippedProject(path, "the project file does not exist", IsFailure: true));
            }
            else if (!csharp.Contains(path, StringComparer.Ordinal))
            {
                csharp.Add(path);
            }
        }

        return new SolutionProjects(csharp, others);
    }

    private static string Describe(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".dcproj" => "Docker Compose",
        ".fsproj" => "F#",
        ".vbproj" => "Visual Basic",
        ".sqlproj" => "SQL database",
        ".shproj" => "shared project; its files are analyzed in the C# projects that import it",
        ".njsproj" or ".esproj" => "JavaScript",
        ".vcxproj" => "C++",
        "" => "not a project file",
        var other => other + " project",
    };
}
