using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace LazyMigrate.Cli.Workspace;

/// <summary>
/// Whether projects are restored, read the way NuGet and the SDK decide it: each project is evaluated
/// in-process and its <c>ProjectAssetsFile</c> property names the assets file restore writes (under
/// <c>obj/</c> by default, elsewhere with <c>UseArtifactsOutput</c> or a custom
/// <c>BaseIntermediateOutputPath</c>/<c>MSBuildProjectExtensionsPath</c>). Evaluation is cheap next to
/// the design-time build that loading runs, and a project that does not even evaluate is found here.
/// </summary>
public static class RestoreState
{
    /// <summary>The outcome for one project.</summary>
    /// <param name="ProjectPath">Full path of the project file.</param>
    /// <param name="AssetsFile">The evaluated <c>ProjectAssetsFile</c> when the project needs one and it is missing; else null.</param>
    /// <param name="EvaluationError">MSBuild's message when the project could not be evaluated; else null.</param>
    public sealed record Result(string ProjectPath, string? AssetsFile, string? EvaluationError)
    {
        /// <summary>True when restore has not produced the project's assets file.</summary>
        public bool IsUnrestored => AssetsFile is not null;
    }

    /// <summary>Evaluates each project once.</summary>
    public static IReadOnlyList<Result> Check(IEnumerable<string> projectPaths)
    {
        var results = new List<Result>();
        using var collection = new ProjectCollection();
        foreach (var path in projectPaths)
        {
            try
            {
                var project = collection.LoadProject(path);
                var assetsFile = project.GetPropertyValue("ProjectAssetsFile");

                // Projects without PackageReference restore (old-style projects, packages.config) have nothing to check.
                var usesAssets = project.GetPropertyValue("UsingMicrosoftNETSdk") == "true"
                    || project.GetItems("PackageReference").Count > 0
                    || project.GetPropertyValue("RestoreProjectStyle") == "PackageReference";
                var missing = usesAssets && assetsFile.Length > 0 && !File.Exists(assetsFile);
                results.Add(new Result(path, missing ? Path.GetFullPath(assetsFile) : null, null));
            }
            catch (InvalidProjectFileException ex)
            {
                results.Add(new Result(path, null, ex.Message));
            }
            finally
            {
                collection.UnloadAllProjects();
            }
        }

        return results;
    }
}
