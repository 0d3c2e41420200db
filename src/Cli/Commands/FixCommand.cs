using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Fixing;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.Cli.Workspace;

namespace LazyMigrate.Cli.Commands;

/// <summary><c>lazymigrate fix [path]</c>: apply the LZM code fixes to the whole solution.</summary>
public static class FixCommand
{
    /// <summary>How many findings left without a fix are listed (scan lists all).</summary>
    private const int MaxListedFindings = 20;

    /// <summary>Default cap on fix passes.</summary>
    public const int DefaultMaxIterations = 10;

    /// <summary>The command's syntax.</summary>
    public static readonly CommandSpec Spec = new(
        "fix",
        "lazymigrate fix [<path>] [--dry-run | --verify-no-changes] [--force] [--max-iterations N] [options]",
        "Applies the LazyMigrate code fixes (Fix All, solution scope) until no fixable diagnostic remains, checks that every changed project still compiles, then writes the files atomically.",
        maxPositionals: 1,
        passThrough: false,
        new[]
        {
            new OptionSpec("--dry-run", "-n", null, "Print a unified diff of what would change; write nothing (exit 1 when changes are needed)."),
            new OptionSpec("--verify-no-changes", null, null, "The same as --dry-run, for CI: exit 1 (with the diff) when some fix would still change a file."),
            new OptionSpec("--force", null, null, "Write even files that have uncommitted git changes."),
            new OptionSpec("--max-iterations", null, "N", $"Cap on fix passes (default: {DefaultMaxIterations}); reaching it is an error."),
        }.Concat(CommonOptions.Shared).ToArray());

    /// <summary>Runs the command (after MSBuild registration).</summary>
    public static async Task<int> RunAsync(ParsedArguments args, CliContext context, AnalyzerCatalog catalog, CancellationToken cancellationToken)
    {
        var progress = new ProgressReporter(context, CommonOptions.ParseVerbosity(args));
        var target = TargetPathResolver.Resolve(context.ResolvePath(args.Positionals.FirstOrDefault() ?? "."));
        var maxIterations = args.PositiveInt("--max-iterations", DefaultMaxIterations);
        var dryRun = args.Has("--dry-run") || args.Has("--verify-no-changes");
        var filter = CommonOptions.Filter(args, Path.GetDirectoryName(target)!, catalog);
        if (!dryRun && !args.Has("--force"))
        {
            // Before loading, which takes seconds: the C# files under the target's folder are what a fix may write.
            var root = Path.GetDirectoryName(target)!;
            var dirtySources = await GitGuard.FindDirtySourcesAsync(root, cancellationToken).ConfigureAwait(false);
            if (dirtySources.Count > 0)
            {
                throw DirtyFiles(dirtySources, root);
            }
        }

        using var loaded = await SolutionLoader.LoadAsync(target, args.Has("--restore"), progress, cancellationToken).ConfigureAwait(false);
        await EditorConfigValidator.ValidateAsync(loaded.Solution, cancellationToken).ConfigureAwait(false);
        var outcome = await FixEngine.RunAsync(loaded.Solution, catalog, filter, loaded.RootDirectory, maxIterations, progress, loaded.OnlyProjectFile, cancellationToken).ConfigureAwait(false);
        var files = await ChangeCollector.CollectAsync(outcome.Original, outcome.Fixed, cancellationToken).ConfigureAwait(false);
        var fixedTotal = outcome.FixedCounts.Values.Sum();
        var summary = outcome.FixedCounts.Count == 0 ? "fixes applied" : string.Join(", ", outcome.FixedCounts.Select(p => $"{p.Value} x {p.Key}"));

        if (files.Count == 0)
        {
            progress.Done();
            context.Out.WriteLine("Nothing to fix.");
            WriteRemaining(context, outcome, loaded.RootDirectory, originalPositions: false);
            return Exit(context, loaded, ExitCodes.Success);
        }

        progress.Stage("Checking that the changed projects still compile...");
        var newErrors = await CompileVerifier.FindNewErrorsAsync(outcome.Original, outcome.Fixed, loaded.RootDirectory, cancellationToken).ConfigureAwait(false);
        progress.Done();
        if (newErrors.Count > 0)
        {
            throw new FixAbortedException(
                $"the fixed code would not compile, so nothing was written ({newErrors.Count} new error(s)):{Environment.NewLine}" +
                string.Join(Environment.NewLine, newErrors.Take(20).Select(e => "  " + e)) +
                (newErrors.Count > 20 ? $"{Environment.NewLine}  ... and {newErrors.Count - 20} more" : string.Empty));
        }

        if (dryRun)
        {
            foreach (var file in files)
            {
                var relative = AnalysisRunner.RelativePath(loaded.RootDirectory, file.Path);
                context.Out.Write(LineDiff.Unified(file.OldText ?? string.Empty, file.NewText, file.OldText is null ? "/dev/null" : "a/" + relative, "b/" + relative));
            }

            context.Out.WriteLine($"Dry run: {files.Count} file(s) would change ({summary}) after {outcome.Iterations} pass(es); nothing was written.");
            WriteRemaining(context, outcome, loaded.RootDirectory, originalPositions: true);
            return Exit(context, loaded, ExitCodes.FindingsOrChanges);
        }

        if (!args.Has("--force"))
        {
            var dirty = await GitGuard.FindDirtyAsync(files.Select(f => f.Path), cancellationToken).ConfigureAwait(false);
            if (dirty.Count > 0)
            {
                throw DirtyFiles(dirty, loaded.RootDirectory);
            }
        }

        foreach (var file in files)
        {
            AtomicFile.WriteAllText(file.Path, file.NewText, file.Encoding);
            progress.Detail($"wrote {file.Path}");
        }

        context.Out.WriteLine($"Fixed {fixedTotal} diagnostic(s) ({summary}) in {files.Count} file(s) after {outcome.Iterations} pass(es):");
        foreach (var file in files)
        {
            context.Out.WriteLine("  " + AnalysisRunner.RelativePath(loaded.RootDirectory, file.Path));
        }

        WriteRemaining(context, outcome, loaded.RootDirectory, originalPositions: false);
        return Exit(context, loaded, ExitCodes.Success);
    }

    private static int Exit(CliContext context, LoadedSolution loaded, int exitCode) =>
        LoadFailures.Report(context, loaded) ? ExitCodes.BadInput : exitCode;

    private static BadInputException DirtyFiles(IEnumerable<string> files, string root) => new(
        $"refusing to modify file(s) with uncommitted changes: {string.Join(", ", files.Select(d => AnalysisRunner.RelativePath(root, d)))}. " +
        "Commit or stash them first, or pass --force");

    /// <summary>
    /// Lists the findings left after fixing. With <paramref name="originalPositions"/> (nothing was
    /// written) each is shown where it is in the files on disk: matched, by rule, file and message, to
    /// a finding of the first analysis; one the fixes created is marked as a position in the fixed code.
    /// </summary>
    private static void WriteRemaining(CliContext context, FixOutcome outcome, string root, bool originalPositions)
    {
        // One line per rewrite the pipeline declined, with its reason (e.g. it would add a warning).
        foreach (var skipped in outcome.Skipped)
        {
            context.Out.WriteLine($"  skipped {AnalysisRunner.RelativePath(root, skipped.Path)}:{skipped.Line}: {skipped.RuleId}: {skipped.Reason}");
        }

        if (outcome.Remaining.Count == 0)
        {
            return;
        }

        var unmatched = outcome.Initial.ToList();
        context.Out.WriteLine($"{outcome.Remaining.Count} finding(s) have no automatic fix (why under each; `lazymigrate scan` has the details):");
        foreach (var finding in outcome.Remaining.Take(MaxListedFindings))
        {
            var location = finding.Location;
            if (originalPositions)
            {
                var original = unmatched.FirstOrDefault(f => f.RuleId == finding.RuleId && f.FilePath == finding.FilePath && f.Message == finding.Message);
                if (original is null)
                {
                    location += " (in the fixed code)";
                }
                else
                {
                    unmatched.Remove(original);
                    location = original.Location;
                }
            }

            context.Out.WriteLine($"  {location}: {finding.RuleId}: {finding.Message}");
            if (outcome.WhyNotFixed.TryGetValue(finding, out var why))
            {
                context.Out.WriteLine($"    no fix: {why}");
            }
        }

        if (outcome.Remaining.Count > MaxListedFindings)
        {
            context.Out.WriteLine($"  ... and {outcome.Remaining.Count - MaxListedFindings} more (`lazymigrate scan` lists them all)");
        }
    }
}
