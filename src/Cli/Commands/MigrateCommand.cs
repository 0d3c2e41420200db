using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Explaining;
using LazyMigrate.Cli.Fixing;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.Cli.Migration;
using LazyMigrate.Cli.Profiling;
using LazyMigrate.Cli.Workspace;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Commands;

/// <summary>
/// <c>lazymigrate migrate project -- command</c>: build, profile, fix the diagnostics that explain the heavy loads
/// seen before ready, rebuild, profile again, and keep the result only when it builds and prints the same.
/// </summary>
public static class MigrateCommand
{
    /// <summary>Default number of profiled runs before and after.</summary>
    public const int DefaultRuns = 3;

    /// <summary>Default cap on fix-build-profile rounds.</summary>
    public const int DefaultMaxIterations = 5;

    /// <summary>The command's syntax.</summary>
    public static readonly CommandSpec Spec = new(
        "migrate",
        "lazymigrate migrate [<project>] [--ready-marker TEXT | --ready-url URL | --ready-started] [--runs N] [--html FILE] [--dry-run] [--all] [--configuration C] [--no-compare-output] [--ignore-output PATTERN] [--stdin FILE] -- <command...>",
        "Builds the project, profiles the program, applies the fixes of the LZM diagnostics that explain heavy loads seen before ready, rebuilds and " +
        "profiles again until no fixable load remains; keeps the changes only if the result builds and prints the same after ready, then prints a before/after table.",
        maxPositionals: 1,
        passThrough: true,
        new[]
        {
            ReadyOptions.MarkerOption,
            ReadyOptions.UrlOption,
            ReadyOptions.StartedOption,
            new OptionSpec("--runs", null, "N", $"Profiled runs before and after each change (default: {DefaultRuns})."),
            new OptionSpec("--html", null, "FILE", "Also write one self-contained HTML page with the table and both waterfalls."),
            new OptionSpec("--dry-run", "-n", null, "Do everything, then put the original files back and print the diff (exit 1 when something would change)."),
            new OptionSpec("--all", null, null, "Apply every fixable diagnostic, not only those that explain an observed load."),
            new OptionSpec("--configuration", "-c", "C", "Build configuration (default: Release)."),
            new OptionSpec("--compare-output", null, null, "Compare the program's output after ready before and after (the default)."),
            new OptionSpec("--no-compare-output", null, null, "Do not compare the output."),
            new OptionSpec("--ignore-output", null, "PATTERN", "Ignore output lines matching this regular expression when comparing (repeatable)."),
            ProfileCommand.StdinOption,
            new OptionSpec("--max-iterations", null, "N", $"Cap on fix-build-profile rounds (default: {DefaultMaxIterations})."),
            new OptionSpec("--timeout", null, "SECONDS", $"Stop a run after this long (default: {ProfileCommand.DefaultTimeoutSeconds})."),
            new OptionSpec("--force", null, null, "Write even files that have uncommitted git changes."),
            CommonOptions.Verbosity,
        });

    /// <summary>Runs the command (after MSBuild registration).</summary>
    public static async Task<int> RunAsync(ParsedArguments args, CliContext context, AnalyzerCatalog catalog, CancellationToken cancellationToken)
    {
        var options = MigrateOptions.Parse(args, context);
        var progress = new ProgressReporter(context, CommonOptions.ParseVerbosity(args));
        var root = Path.GetDirectoryName(options.Project)!;

        await BuildAsync(options, progress, "the project does not build before migration", ExitCodes.BadInput, cancellationToken).ConfigureAwait(false);
        options.CheckProgramExists();
        var before = await ProfileAsync(options, context, progress, "before", cancellationToken).ConfigureAwait(false);
        var baseline = RunSeries.OutputAfterReady(before.Runs[0], options.Marker, options.IgnoreOutput);
        if (options.CompareOutput && before.Runs.Skip(1).Any(r => !RunSeries.OutputAfterReady(r, options.Marker, options.IgnoreOutput).SequenceEqual(baseline)))
        {
            throw new BadInputException("the original program's output after ready differs from run to run, so a change cannot be judged by it: " +
                "pass --ignore-output PATTERN for the lines that vary, or --no-compare-output");
        }

        using var loaded = await SolutionLoader.LoadAsync(options.Project, restore: false, progress, cancellationToken).ConfigureAwait(false);
        var originals = new OriginalFiles();
        var original = loaded.Solution;
        var current = original;
        var after = before;
        var fixedCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var rounds = 0;
        var kept = false;
        string? capReached = null;
        try
        {
            while (rounds < options.MaxIterations)
            {
                var (next, ids) = await NextFixAsync(options, catalog, loaded, current, after, progress, cancellationToken).ConfigureAwait(false);
                if (next == current)
                {
                    break;
                }

                rounds++;
                progress.Stage($"Round {rounds}: checking that the fixed code compiles...");
                var newErrors = await CompileVerifier.FindNewErrorsAsync(original, next, root, cancellationToken).ConfigureAwait(false);
                if (newErrors.Count > 0)
                {
                    throw new FixAbortedException($"the fixed code would not compile, so nothing was written ({newErrors.Count} new error(s)):{Environment.NewLine}" +
                        string.Join(Environment.NewLine, newErrors.Take(20).Select(e => "  " + e)));
                }

                var files = await ChangeCollector.CollectAsync(current, next, cancellationToken).ConfigureAwait(false);
                await originals.WriteAsync(files, options.Force, root, cancellationToken).ConfigureAwait(false);
                foreach (var (id, count) in ids)
                {
                    fixedCounts[id] = fixedCounts.GetValueOrDefault(id) + count;
                }

                current = next;
                await BuildAsync(options, progress, "the migrated project does not build, so nothing was written", ExitCodes.FixAborted, cancellationToken).ConfigureAwait(false);
                after = await ProfileAsync(options, context, progress, $"after round {rounds}", cancellationToken).ConfigureAwait(false);
                if (options.CompareOutput)
                {
                    CompareOutput(options, baseline, after);
                }

                if (options.All)
                {
                    break;
                }
            }

            // The cap stops loops, not progress: say whether it cut the migration short.
            if (rounds == options.MaxIterations && !options.All)
            {
                var (more, moreIds) = await NextFixAsync(options, catalog, loaded, current, after, progress, cancellationToken).ConfigureAwait(false);
                if (more != current)
                {
                    capReached = string.Join(", ", moreIds.Select(p => $"{p.Count} x {p.Id}"));
                }
            }

            kept = !options.DryRun;
        }
        finally
        {
            if (!kept && originals.Count > 0)
            {
                progress.Stage("Putting the original files back...");
                originals.Restore();
                await RebuildOriginalAsync(options, progress, cancellationToken).ConfigureAwait(false);
            }
        }

        // What is still loaded before ready, and whose move it is now (a registration that must name its type,
        // a diagnostic without an automatic fix, the round cap).
        var remaining = await ExplainRemainingAsync(options, catalog, loaded, current, after, capReached is not null, progress, cancellationToken).ConfigureAwait(false);
        var notes = remaining.ToDictionary(r => r.Package, r => r.Kind, StringComparer.Ordinal);
        progress.Done();
        var changed = originals.Paths.ToList();
        if (options.DryRun)
        {
            foreach (var path in changed)
            {
                var relative = AnalysisRunner.RelativePath(root, path);
                context.Out.Write(LineDiff.Unified(originals.OriginalText(path) ?? string.Empty, originals.FinalText(path), "a/" + relative, "b/" + relative));
            }
        }

        var summary = fixedCounts.Count == 0 ? "nothing fixed" : string.Join(", ", fixedCounts.Select(p => $"{p.Value} x {p.Key}"));
        context.Out.WriteLine(changed.Count == 0
            ? "Nothing to migrate: no fixable LZM diagnostic explains a heavy load before ready."
            : options.DryRun
                ? $"Dry run: {changed.Count} file(s) would change ({summary}) in {rounds} round(s); the original files were put back."
                : $"Migrated: {changed.Count} file(s) changed ({summary}) in {rounds} round(s):");
        if (!options.DryRun)
        {
            foreach (var path in changed)
            {
                context.Out.WriteLine("  " + AnalysisRunner.RelativePath(root, path));
            }
        }

        if (capReached is not null)
        {
            context.Out.WriteLine($"Stopped at the --max-iterations cap ({options.MaxIterations} round(s)) with fixes left for heavy loads still seen before ready ({capReached}): " +
                "run migrate again, or raise --max-iterations.");
        }


        context.Out.WriteLine();
        RunSeries.WriteTable(before, after, context.Out, notes);
        if (remaining.Count > 0)
        {
            context.Out.WriteLine();
            RemainingLoads.Write(remaining, context.Out);
        }

        if (options.HtmlPath is not null)
        {
            var table = new StringWriter();
            RunSeries.WriteTable(before, after, table, notes);
            if (remaining.Count > 0)
            {
                table.WriteLine();
                RemainingLoads.Write(remaining, table);
            }

            AtomicFile.WriteAllText(options.HtmlPath, ProfileHtmlRenderer.RenderComparison(before.Typical.Profile, after.Typical.Profile, string.Join(' ', options.Command), table.ToString()), new UTF8Encoding(false));
            progress.Info($"Wrote {options.HtmlPath}");
        }

        return options.DryRun && changed.Count > 0 ? ExitCodes.FindingsOrChanges : ExitCodes.Success;
    }

    /// <summary>The next fixed solution and what it fixed: every rule's explaining diagnostics, or (with --all) every fix.</summary>
    private static async Task<(Solution Next, IReadOnlyList<(string Id, int Count)> Ids)> NextFixAsync(
        MigrateOptions options,
        AnalyzerCatalog catalog,
        LoadedSolution loaded,
        Solution current,
        RunSeries latest,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        if (options.All)
        {
            var filter = new DiagnosticFilter(DiagnosticSeverity.Hidden, Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), loaded.RootDirectory, catalog.DiagnosticIds);
            var outcome = await FixEngine.RunAsync(current, catalog, filter, loaded.RootDirectory, FixCommand.DefaultMaxIterations, progress, loaded.OnlyProjectFile, cancellationToken).ConfigureAwait(false);
            return (outcome.Fixed, outcome.FixedCounts.Select(p => (p.Key, p.Value)).ToList());
        }

        progress.Stage("Matching the heavy loads to LZM diagnostics...");
        using var mapper = new PdbLineMapper();
        var loads = HeavyLoads.From(latest.Typical.Profile, mapper);
        if (loads.Count == 0)
        {
            return (current, Array.Empty<(string, int)>());
        }

        var (explanations, sources) = await LoadExplainer.ExplainWithSourcesAsync(current, catalog, loaded.OnlyProjectFile ?? options.Project, loads, cancellationToken).ConfigureAwait(false);
        // Each load's fixes: its explaining diagnostics' when they have one, else the innermost caller's that has one.
        var fixable = explanations.SelectMany(e => e.Fixes).Select(d => sources[d]).Distinct().ToList();
        var root = Path.GetDirectoryName(options.Project)!;
        var next = current;
        var applied = new List<(string Id, int Count)>();
        foreach (var group in fixable.GroupBy(f => f.Diagnostic.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Every rule in one round, one after the other: a later rule's diagnostics were found before the earlier
            // fixes moved code, so they are found again in the changed code (those the earlier fixes rewrote wait
            // for the next round's profile).
            var targets = next == current
                ? group.ToList()
                : await DiagnosticRelocation.FindAsync(current, next, catalog, group.Key, group.ToList(), cancellationToken).ConfigureAwait(false);
            if (targets.Count == 0)
            {
                continue;
            }

            progress.Stage($"Fixing {targets.Count} x {group.Key} that explain heavy loads...");
            var candidate = await FixEngine.FixDiagnosticsAsync(next, catalog, group.Key, targets, cancellationToken).ConfigureAwait(false);
            if (candidate == next)
            {
                continue;
            }

            // A rule's fix on top of another's in the same round must still compile; if not, it waits for the next
            // round (fixed alone, on code the profile has seen), where a failure aborts the migration as before.
            if (applied.Count > 0 && (await CompileVerifier.FindNewErrorsAsync(current, candidate, root, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                progress.Info($"{group.Key}'s fix on top of {string.Join(", ", applied.Select(a => a.Id))} does not compile: left for the next round");
                continue;
            }

            next = candidate;
            applied.Add((group.Key, targets.Count));
        }

        return (next, applied);
    }

    private static async Task<IReadOnlyList<RemainingLoad>> ExplainRemainingAsync(
        MigrateOptions options,
        AnalyzerCatalog catalog,
        LoadedSolution loaded,
        Solution current,
        RunSeries after,
        bool capReached,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        using var mapper = new PdbLineMapper();
        var loads = HeavyLoads.From(after.Typical.Profile, mapper);
        if (loads.Count == 0)
        {
            return Array.Empty<RemainingLoad>();
        }

        progress.Stage("Explaining what is still loaded before ready...");
        return await RemainingLoads.ExplainAsync(current, catalog, loaded.OnlyProjectFile ?? options.Project, loads, loaded.RootDirectory, capReached, cancellationToken).ConfigureAwait(false);
    }

    private static void CompareOutput(MigrateOptions options, IReadOnlyList<string> baseline, RunSeries after)
    {
        foreach (var run in after.Runs)
        {
            var output = RunSeries.OutputAfterReady(run, options.Marker, options.IgnoreOutput);
            if (output.SequenceEqual(baseline))
            {
                continue;
            }

            var at = 0;
            while (at < output.Count && at < baseline.Count && output[at] == baseline[at])
            {
                at++;
            }

            var was = at < baseline.Count ? baseline[at] : "(nothing)";
            var now = at < output.Count ? output[at] : "(nothing)";
            throw new CliException(ExitCodes.OutputChanged,
                $"the migrated program's output after ready differs from the original's, so nothing was written:{Environment.NewLine}" +
                $"  line {at + 1} after ready was: {was}{Environment.NewLine}  and is now:         {now}{Environment.NewLine}" +
                "Pass --ignore-output PATTERN for lines that may differ (timings, load states), or --no-compare-output");
        }
    }

    private static async Task BuildAsync(MigrateOptions options, ProgressReporter progress, string failure, int exitCode, CancellationToken cancellationToken)
    {
        progress.Stage($"Building {Path.GetFileName(options.Project)} ({options.Configuration})...");
        var result = await ProcessRunner.RunAsync(ProcessRunner.DotnetExecutable(), new[] { "build", options.Project, "-c", options.Configuration, "-nologo" }, Path.GetDirectoryName(options.Project)!, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var lines = (result.StandardOutput + result.StandardError).Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(20);
            throw new CliException(exitCode, $"{failure} (`dotnet build -c {options.Configuration}` exit code {result.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, lines.Select(l => "  " + l.Trim()))}");
        }
    }

    private static async Task RebuildOriginalAsync(MigrateOptions options, ProgressReporter progress, CancellationToken cancellationToken)
    {
        try
        {
            await BuildAsync(options, progress, "rebuilding the original files failed", ExitCodes.BadInput, CancellationToken.None).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            progress.Warning(ex.Message);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task<RunSeries> ProfileAsync(MigrateOptions options, CliContext context, ProgressReporter progress, string label, CancellationToken cancellationToken)
    {
        var runs = new List<ProfileRun>();
        for (var i = 1; i <= options.Runs; i++)
        {
            progress.Stage($"Profiling {label}: run {i} of {options.Runs}...");
            runs.Add(await ProfileRunner.RunAsync(options.Command, options.Ready, options.Timeout, stopAtReady: false, options.StandardInput, context, progress, cancellationToken).ConfigureAwait(false));
        }

        return new RunSeries(runs);
    }

    /// <summary>The originals of every file written, so the whole change can be put back (all or nothing).</summary>
    private sealed class OriginalFiles
    {
        private readonly Dictionary<string, (byte[]? Bytes, string? Text)> _originals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _final = new(StringComparer.Ordinal);

        public int Count => _originals.Count;

        public IEnumerable<string> Paths => _originals.Keys.OrderBy(p => p, StringComparer.Ordinal);

        public string? OriginalText(string path) => _originals[path].Text;

        public string FinalText(string path) => _final[path];

        public async Task WriteAsync(IReadOnlyList<ChangedFile> files, bool force, string root, CancellationToken cancellationToken)
        {
            if (!force)
            {
                var dirty = await GitGuard.FindDirtyAsync(files.Select(f => f.Path).Where(p => !_originals.ContainsKey(p)), cancellationToken).ConfigureAwait(false);
                if (dirty.Count > 0)
                {
                    throw new BadInputException(
                        $"refusing to modify file(s) with uncommitted changes: {string.Join(", ", dirty.Select(d => AnalysisRunner.RelativePath(root, d)))}. Commit or stash them first, or pass --force");
                }
            }

            foreach (var file in files)
            {
                if (!_originals.ContainsKey(file.Path))
                {
                    _originals[file.Path] = File.Exists(file.Path) ? (File.ReadAllBytes(file.Path), File.ReadAllText(file.Path)) : (null, null);
                }

                AtomicFile.WriteAllText(file.Path, file.NewText, file.Encoding);
                _final[file.Path] = file.NewText;
            }
        }

        public void Restore()
        {
            foreach (var (path, original) in _originals)
            {
                if (original.Bytes is null)
                {
                    File.Delete(path);
                    continue;
                }

                var temp = path + ".lazymigrate-restore";
                File.WriteAllBytes(temp, original.Bytes);
                File.Move(temp, path, overwrite: true);
            }
        }
    }

    /// <summary>The parsed and checked options.</summary>
    private sealed class MigrateOptions
    {
        public string Project { get; private init; } = string.Empty;

        public IReadOnlyList<string> Command { get; private init; } = Array.Empty<string>();

        public ReadyOptions Ready { get; private init; } = ReadyOptions.ForMarker(null);

        /// <summary>Where the output after ready starts: the marker line, or (URL and started modes) nothing: all output is compared.</summary>
        public string? Marker => Ready.Marker;

        public int Runs { get; private init; }

        public int MaxIterations { get; private init; }

        public TimeSpan Timeout { get; private init; }

        public string Configuration { get; private init; } = "Release";

        public bool DryRun { get; private init; }

        public bool All { get; private init; }

        public bool Force { get; private init; }

        public bool CompareOutput { get; private init; }

        public IReadOnlyList<Regex> IgnoreOutput { get; private init; } = Array.Empty<Regex>();

        public string StandardInput { get; private init; } = string.Empty;

        public string? HtmlPath { get; private init; }

        public static MigrateOptions Parse(ParsedArguments args, CliContext context)
        {
            if (args.PassThrough.Count == 0)
            {
                throw new BadInputException("migrate needs the command that runs the program after '--', e.g. `lazymigrate migrate App.csproj -- bin/Release/net10.0/App.dll`", showUsage: true);
            }

            if (args.Has("--compare-output") && args.Has("--no-compare-output"))
            {
                throw new BadInputException("--compare-output and --no-compare-output contradict each other: pass one", showUsage: true);
            }

            var ignore = new List<Regex>();
            foreach (var pattern in args.Values("--ignore-output"))
            {
                try
                {
                    ignore.Add(new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
                }
                catch (ArgumentException ex)
                {
                    throw new BadInputException($"--ignore-output: '{pattern}' is not a valid regular expression: {ex.Message}");
                }
            }

            var stdin = ProfileCommand.ReadStandardInput(args, context);

            string? html = null;
            if (args.Value("--html") is { } htmlValue)
            {
                html = context.ResolvePath(htmlValue);
                if (!Directory.Exists(Path.GetDirectoryName(html)))
                {
                    throw new BadInputException($"--html: folder '{Path.GetDirectoryName(html)}' does not exist");
                }
            }

            var command = args.PassThrough.ToList();
            if (command[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                command[0] = context.ResolvePath(command[0]);
            }

            return new MigrateOptions
            {
                Project = TargetPathResolver.Resolve(context.ResolvePath(args.Positionals.FirstOrDefault() ?? ".")),
                Command = command,
                Ready = ReadyOptions.Parse(args),
                Runs = args.PositiveInt("--runs", DefaultRuns),
                MaxIterations = args.PositiveInt("--max-iterations", DefaultMaxIterations),
                Timeout = TimeSpan.FromSeconds(args.PositiveInt("--timeout", ProfileCommand.DefaultTimeoutSeconds)),
                Configuration = args.Value("--configuration") ?? "Release",
                DryRun = args.Has("--dry-run"),
                All = args.Has("--all"),
                Force = args.Has("--force"),
                CompareOutput = !args.Has("--no-compare-output"),
                IgnoreOutput = ignore,
                StandardInput = stdin,
                HtmlPath = html,
            };
        }

        /// <summary>After the first build: a program given as a .dll must exist.</summary>
        public void CheckProgramExists()
        {
            if (Command[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !File.Exists(Command[0]))
            {
                throw new BadInputException($"the program '{Command[0]}' does not exist after building {Path.GetFileName(Project)} ({Configuration}): check the path after '--'");
            }
        }
    }
}
