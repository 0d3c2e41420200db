using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace LazyMigrate.Cli.Workspace;

/// <summary>
/// Loads a solution or project with MSBuildWorkspace and turns load problems into clear messages:
/// unrestored projects (suggest <c>dotnet restore</c> / <c>--restore</c>), MSBuild load failures
/// (shown verbatim), projects that are not C#.
/// </summary>
public static class SolutionLoader
{
    /// <summary>Loads <paramref name="targetPath"/> (already resolved to a .sln/.slnx/.csproj).</summary>
    public static async Task<LoadedSolution> LoadAsync(string targetPath, bool restore, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var root = Path.GetDirectoryName(targetPath)!;
        if (restore)
        {
            progress.Stage($"Restoring {Path.GetFileName(targetPath)}...");
            var result = await ProcessRunner.RunAsync(ProcessRunner.DotnetExecutable(), new[] { "restore", targetPath }, root, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new BadInputException($"`dotnet restore {targetPath}` failed (exit code {result.ExitCode}):{Environment.NewLine}{Tail(result.StandardOutput + result.StandardError, 30)}");
            }
        }

        CheckWellFormed(targetPath);
        progress.Stage($"Loading {Path.GetFileName(targetPath)}...");
        var failures = new List<string>();
        var warnings = new List<string>();
        var workspace = MSBuildWorkspace.Create();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            var text = e.Diagnostic.Message;
            lock (failures)
            {
                (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure ? failures : warnings).Add(text);
            }
        });

        Solution solution;
        try
        {
            var loadProgress = new Progress<ProjectLoadProgress>(p =>
                progress.Detail($"  {p.Operation} {Path.GetFileName(p.FilePath)} {p.TargetFramework} ({p.ElapsedTime.TotalSeconds:0.0}s)"));
            if (targetPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                var project = await workspace.OpenProjectAsync(targetPath, loadProgress, cancellationToken).ConfigureAwait(false);
                solution = project.Solution;
            }
            else
            {
                solution = await workspace.OpenSolutionAsync(targetPath, loadProgress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            workspace.Dispose();
            CheckRestored(ProjectsNamedIn(targetPath), failures, targetPath);
            var details = failures.Count > 0 ? Environment.NewLine + string.Join(Environment.NewLine, failures.Select(f => "  " + f)) : string.Empty;
            throw new BadInputException($"could not load '{targetPath}': {ex.Message}{details}");
        }

        var projectFiles = solution.Projects.Select(p => p.FilePath).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        try
        {
            CheckRestored(projectFiles.Count > 0 ? projectFiles : ProjectsNamedIn(targetPath), failures, targetPath);
            if (failures.Count > 0)
            {
                throw new BadInputException(
                    $"MSBuild could not load '{targetPath}':{Environment.NewLine}{string.Join(Environment.NewLine, failures.Select(f => "  " + f))}");
            }

            if (!solution.Projects.Any(p => p.Language == LanguageNames.CSharp))
            {
                throw new BadInputException($"'{targetPath}' contains no C# project");
            }
        }
        catch
        {
            workspace.Dispose();
            throw;
        }

        foreach (var warning in warnings)
        {
            progress.Detail("msbuild: " + warning);
        }

        return new LoadedSolution(workspace, solution, targetPath, root, warnings);
    }

    /// <summary>A project file that is not even XML gets a precise message (before any restore check).</summary>
    private static void CheckWellFormed(string targetPath)
    {
        foreach (var project in ProjectsNamedIn(targetPath).Where(File.Exists))
        {
            try
            {
                System.Xml.Linq.XDocument.Load(project);
            }
            catch (System.Xml.XmlException ex)
            {
                throw new BadInputException($"could not load '{project}': the project file is not valid XML: {ex.Message}");
            }
        }
    }

    /// <summary>Throws the "not restored" message when a project has no assets file.</summary>
    private static void CheckRestored(IEnumerable<string> projectFiles, IReadOnlyList<string> failures, string targetPath)
    {
        var unrestored = projectFiles
            .Where(p => File.Exists(p) && !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "project.assets.json")))
            .ToList();
        var assetsMissing = failures.Any(f => f.Contains("NETSDK1004", StringComparison.Ordinal) || f.Contains("project.assets.json", StringComparison.Ordinal));
        if (unrestored.Count > 0 || assetsMissing)
        {
            var names = unrestored.Count > 0 ? string.Join(", ", unrestored.Select(Path.GetFileName)) : Path.GetFileName(targetPath);
            throw new BadInputException(
                $"not restored: {names} (no obj/project.assets.json). Run `dotnet restore {targetPath}` first, or pass --restore");
        }
    }

    /// <summary>Project files a target names, read without MSBuild (used when loading failed early).</summary>
    private static IEnumerable<string> ProjectsNamedIn(string targetPath)
    {
        if (targetPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return new[] { targetPath };
        }

        var root = Path.GetDirectoryName(targetPath)!;
        var text = File.ReadAllText(targetPath);
        return System.Text.RegularExpressions.Regex.Matches(text, @"[""']([^""']+\.csproj)[""']")
            .Select(m => Path.GetFullPath(Path.Combine(root, m.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
    }

    private static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines))).TrimEnd();
    }
}
