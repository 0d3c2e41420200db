using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.Cli.Profiling;
using LazyMigrate.Cli.Workspace;

namespace LazyMigrate.Cli.Explaining;

/// <summary>The project whose diagnostics explain a profile's loads: given with --project, or found from the command.</summary>
/// <param name="Path">The .sln, .slnx or .csproj.</param>
/// <param name="Explicit">True when the user named it (then a load failure is an error, not a warning).</param>
public sealed record ExplainTarget(string Path, bool Explicit);

/// <summary>
/// Turns a profile into an <see cref="ExplanationReport"/>: maps frames to source lines, then (when a project is
/// known) registers MSBuild, loads the project and matches the loads to LZM diagnostics.
/// </summary>
public static class ExplanationBuilder
{
    /// <summary>How far above the program's folder the project of the same name is looked for (bin/Release/net10.0 is three).</summary>
    private const int ProjectSearchDepth = 6;

    /// <summary>The project to analyze: <paramref name="option"/> when given (it must exist), else <c>Name.csproj</c> above the program's .dll.</summary>
    public static ExplainTarget? ResolveTarget(string? option, IReadOnlyList<string> command, CliContext context)
    {
        if (option is not null)
        {
            return new ExplainTarget(TargetPathResolver.Resolve(context.ResolvePath(option)), true);
        }

        var dll = ProgramDll(command, context);
        if (dll is null)
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(dll) + ".csproj";
        var directory = new DirectoryInfo(Path.GetDirectoryName(dll)!);
        for (var depth = 0; directory is not null && depth <= ProjectSearchDepth; depth++, directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, name);
            if (File.Exists(candidate))
            {
                return new ExplainTarget(candidate, false);
            }
        }

        return null;
    }

    /// <summary>Builds the report; analysis problems with an inferred project become a note and a warning.</summary>
    public static async Task<ExplanationReport> BuildAsync(
        ProfileModel profile,
        ExplainTarget? target,
        Func<AnalyzerCatalog>? catalogFactory,
        CliContext context,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        using var mapper = new PdbLineMapper();
        var loads = HeavyLoads.From(profile, mapper);
        var root = target is null ? context.WorkingDirectory : Path.GetDirectoryName(target.Path)!;
        ExplanationReport NotAnalyzed(string note) =>
            new(loads.Select(l => new LoadExplanation(l, Array.Empty<ExplainingDiagnostic>())).ToList(), false, target?.Path, root, note);

        if (loads.Count == 0)
        {
            return NotAnalyzed("no heavy load before ready");
        }

        if (target is null)
        {
            return NotAnalyzed("no project found for the program (looked for a .csproj of its name above it); pass --project to match the loads to LZM diagnostics");
        }

        try
        {
            MsBuildRegistration.EnsureRegistered(root);
            var explanations = await AnalyzeAsync(target, loads, catalogFactory, progress, cancellationToken).ConfigureAwait(false);
            return new ExplanationReport(explanations, true, target.Path, root, null);
        }
        catch (CliException ex) when (!target.Explicit)
        {
            progress.Warning($"could not analyze {target.Path} to explain the loads: {ex.Message}");
            return NotAnalyzed($"analyzing {target.Path} failed: {ex.Message}");
        }
    }

    /// <summary>Kept out of line so Roslyn/MSBuild workspace types are JIT-compiled only after MSBuild registration.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<IReadOnlyList<LoadExplanation>> AnalyzeAsync(
        ExplainTarget target,
        IReadOnlyList<HeavyLoad> loads,
        Func<AnalyzerCatalog>? catalogFactory,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        var catalog = catalogFactory?.Invoke() ?? AnalyzerCatalog.Load();
        using var loaded = await SolutionLoader.LoadAsync(target.Path, restore: false, progress, cancellationToken).ConfigureAwait(false);
        progress.Stage("Matching the heavy loads to LZM diagnostics...");
        return await LoadExplainer.ExplainAsync(loaded.Solution, catalog, loaded.OnlyProjectFile ?? target.Path, loads, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The program's .dll: the command itself, <c>dotnet app.dll</c>, or the .dll beside an app host.</summary>
    private static string? ProgramDll(IReadOnlyList<string> command, CliContext context)
    {
        if (command.Count == 0)
        {
            return null;
        }

        var first = command[0];
        if (Path.GetFileNameWithoutExtension(first) == "dotnet" && command.Count > 1 && command[1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            first = command[1];
        }

        if (first.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            var path = context.ResolvePath(first);
            return File.Exists(path) ? path : null;
        }

        var host = context.ResolvePath(first);
        return File.Exists(host) && File.Exists(host + ".dll") ? host + ".dll" : null;
    }
}
