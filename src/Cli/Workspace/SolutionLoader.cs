using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace LazyMigrate.Cli.Workspace;

/// <summary>
/// Loads a solution or project with MSBuildWorkspace, project by project, and never gives up on the
/// whole because of a part: MSBuild and NuGet warnings raised while loading are reported once each,
/// projects in other languages are skipped with one line each, and a C# project that cannot be loaded
/// is skipped with its reason while the others load. Only an unrestored project (suggest
/// <c>dotnet restore</c> / <c>--restore</c>) or a target with no loadable C# project stops it.
/// </summary>
public static class SolutionLoader
{
    /// <summary>How many load warnings normal verbosity shows one by one.</summary>
    public const int MaxWarningsShown = 20;

    private static readonly Regex s_msbuildMessage = new(@"^Msbuild failed when processing the file '(?<file>[^']+)' with message: (?<message>.*)$", RegexOptions.Singleline);

    /// <summary>Loads <paramref name="targetPath"/> (already resolved to a .sln/.slnx/.csproj).</summary>
    public static async Task<LoadedSolution> LoadAsync(string targetPath, bool restore, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var root = Path.GetDirectoryName(targetPath)!;
        if (restore)
        {
            await RestoreAsync(targetPath, root, progress, cancellationToken).ConfigureAwait(false);
        }

        var named = SolutionProjects.Read(targetPath);
        var notXml = NotWellFormed(named.CSharpProjects);
        var skipped = new List<SkippedProject>(named.OtherProjects.Concat(notXml));
        foreach (var other in skipped)
        {
            var line = $"skipped {Relative(root, other.Path)}: {other.Reason}";
            if (other.IsFailure)
            {
                progress.Warning(line);
            }
            else
            {
                progress.Info(line);
            }
        }

        var announced = skipped.Count;
        progress.Stage($"Loading {Path.GetFileName(targetPath)}...");
        var states = RestoreState.Check(named.CSharpProjects.Where(p => !notXml.Any(n => n.Path == p)));
        var unrestored = states.Where(s => s.IsUnrestored).ToList();
        if (unrestored.Count > 0)
        {
            var names = string.Join(", ", unrestored.Select(s => Path.GetFileName(s.ProjectPath)));
            var assets = string.Join(", ", unrestored.Select(s => Relative(root, s.AssetsFile!)).Distinct());
            throw new BadInputException($"not restored: {names} (no {assets}). Run `dotnet restore {targetPath}` first, or pass --restore");
        }

        var toOpen = new List<string>();
        foreach (var state in states)
        {
            if (state.EvaluationError is { } error)
            {
                skipped.Add(new SkippedProject(state.ProjectPath, "MSBuild could not evaluate it: " + OneLine(error), IsFailure: true));
            }
            else
            {
                toOpen.Add(state.ProjectPath);
            }
        }

        var messages = new List<string>();
        var workspace = MSBuildWorkspace.Create();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            lock (messages)
            {
                messages.Add(e.Diagnostic.Message);
            }
        });

        var openErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var loadProgress = new Progress<ProjectLoadProgress>(p =>
            progress.Detail($"  {p.Operation} {Path.GetFileName(p.FilePath)} {p.TargetFramework} ({p.ElapsedTime.TotalSeconds:0.0}s)"));
        try
        {
            var index = 0;
            foreach (var path in toOpen)
            {
                index++;

                // Opening a project also opens the projects it references: open each one once.
                if (IsLoaded(workspace.CurrentSolution, path))
                {
                    continue;
                }

                progress.Stage($"Loading project {Relative(root, path)} ({index}/{toOpen.Count})...");
                try
                {
                    await workspace.OpenProjectAsync(path, loadProgress, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    openErrors[path] = OneLine(ex.Message);
                }
            }
        }
        catch
        {
            workspace.Dispose();
            throw;
        }

        var solution = workspace.CurrentSolution;
        List<string> distinct;
        lock (messages)
        {
            distinct = messages.Distinct(StringComparer.Ordinal).ToList();
        }

        foreach (var path in toOpen.Where(p => !IsLoaded(solution, p)))
        {
            var reasons = distinct.Where(m => Mentions(m, path)).Select(m => Describe(m, root).Message).ToList();
            if (openErrors.TryGetValue(path, out var error))
            {
                reasons.Insert(0, error);
            }

            skipped.Add(new SkippedProject(path, reasons.Count > 0 ? string.Join("; ", reasons.Distinct(StringComparer.Ordinal)) : "MSBuild produced no project for it", IsFailure: true));
        }

        foreach (var failed in skipped.Skip(announced))
        {
            progress.Warning($"skipped {Relative(root, failed.Path)}: {failed.Reason}");
        }

        var failedPaths = skipped.Where(s => s.IsFailure).Select(s => s.Path).ToList();
        var warnings = distinct.Where(m => !failedPaths.Any(p => Mentions(m, p)))
            .Select(m => Describe(m, root)).Select(d => d.File is null ? d.Message : $"{d.File}: {d.Message}")
            .Distinct(StringComparer.Ordinal).ToList();
        // A large solution can raise hundreds: normal verbosity shows the first ones and a count.
        var shown = progress.Verbosity >= Verbosity.Detailed ? warnings.Count : Math.Min(warnings.Count, MaxWarningsShown);
        foreach (var warning in warnings.Take(shown))
        {
            progress.Warning(warning);
        }

        if (warnings.Count > shown)
        {
            progress.Warning($"{warnings.Count - shown} more MSBuild/NuGet warning(s) while loading (--verbosity detailed lists them all)");
        }

        if (!solution.Projects.Any(p => p.Language == LanguageNames.CSharp))
        {
            workspace.Dispose();
            var failures = skipped.Where(s => s.IsFailure).ToList();
            throw new BadInputException(failures.Count == 0
                ? $"'{targetPath}' contains no C# project"
                : $"could not load '{targetPath}': no C# project could be loaded:{Environment.NewLine}" +
                  string.Join(Environment.NewLine, failures.Select(f => $"  {Relative(root, f.Path)}: {f.Reason}")));
        }

        return new LoadedSolution(workspace, solution, targetPath, root, warnings, skipped);
    }

    /// <summary>Runs <c>dotnet restore</c> on the target the user gave (what restoring it before a build would do).</summary>
    private static async Task RestoreAsync(string targetPath, string root, ProgressReporter progress, CancellationToken cancellationToken)
    {
        progress.Stage($"Restoring {Path.GetFileName(targetPath)}...");
        var result = await ProcessRunner.RunAsync(ProcessRunner.DotnetExecutable(), new[] { "restore", targetPath }, root, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new BadInputException($"`dotnet restore {targetPath}` failed (exit code {result.ExitCode}):{Environment.NewLine}{Tail(result.StandardOutput + result.StandardError, 30)}");
        }
    }

    private static bool IsLoaded(Solution solution, string projectPath) =>
        solution.Projects.Any(p => string.Equals(p.FilePath, projectPath, StringComparison.Ordinal));

    private static bool Mentions(string message, string projectPath) => message.Contains(projectPath, StringComparison.Ordinal);

    /// <summary>Roslyn wraps every MSBuild message as "Msbuild failed when processing the file ...", warnings too: unwrap it.</summary>
    private static (string? File, string Message) Describe(string message, string root)
    {
        var match = s_msbuildMessage.Match(message);
        return match.Success
            ? (Relative(root, match.Groups["file"].Value), OneLine(match.Groups["message"].Value))
            : (null, OneLine(message));
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string OneLine(string text) => Regex.Replace(text.Trim(), @"\s*[\r\n]+\s*", " ");

    /// <summary>Project files that are not even XML, with a precise reason (found before any restore check).</summary>
    private static IReadOnlyList<SkippedProject> NotWellFormed(IEnumerable<string> projectPaths)
    {
        var result = new List<SkippedProject>();
        foreach (var project in projectPaths)
        {
            try
            {
                System.Xml.Linq.XDocument.Load(project);
            }
            catch (System.Xml.XmlException ex)
            {
                result.Add(new SkippedProject(project, "the project file is not valid XML: " + OneLine(ex.Message), IsFailure: true));
            }
        }

        return result;
    }

    private static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines))).TrimEnd();
    }
}
