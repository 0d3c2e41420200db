using System;
using System.IO;
using System.Linq;
using LazyMigrate.Cli.Errors;

namespace LazyMigrate.Cli.Workspace;

/// <summary>Turns the user's path (solution, project or folder) into the one file to load.</summary>
public static class TargetPathResolver
{
    /// <summary>Returns the full path of the .sln, .slnx or .csproj to load, or throws <see cref="BadInputException"/>.</summary>
    public static string Resolve(string fullPath)
    {
        if (File.Exists(fullPath))
        {
            var extension = Path.GetExtension(fullPath).ToLowerInvariant();
            if (extension is ".sln" or ".slnx" or ".csproj")
            {
                return fullPath;
            }

            throw new BadInputException($"'{fullPath}' is not a solution (.sln, .slnx) or C# project (.csproj)");
        }

        if (!Directory.Exists(fullPath))
        {
            throw new BadInputException($"path not found: '{fullPath}'");
        }

        var solutions = Directory.GetFiles(fullPath, "*.sln").Concat(Directory.GetFiles(fullPath, "*.slnx"))
            .OrderBy(p => p, StringComparer.Ordinal).ToArray();
        if (solutions.Length > 1)
        {
            throw new BadInputException(
                $"folder '{fullPath}' holds several solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}): pass the one to use");
        }

        if (solutions.Length == 1)
        {
            return solutions[0];
        }

        var projects = Directory.GetFiles(fullPath, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        if (projects.Length > 1)
        {
            throw new BadInputException(
                $"folder '{fullPath}' holds several projects ({string.Join(", ", projects.Select(Path.GetFileName))}) and no solution: pass the one to use");
        }

        if (projects.Length == 1)
        {
            return projects[0];
        }

        throw new BadInputException($"folder '{fullPath}' holds no solution (.sln, .slnx) or C# project (.csproj)");
    }
}
