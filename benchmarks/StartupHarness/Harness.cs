using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LazyMigrate.StartupHarness;

/// <summary>Builds, migrates and measures each app with its floor, its migrated copy and the bare app, and writes the reports.</summary>
internal static class Harness
{
    public const string BareConsole = "bare";
    public const string Floor = "floor";
    public const string Before = "before";
    public const string After = "after";

    /// <summary>Runs with nothing attached: the only source of "time to ready" (the profiler's own start-up cost stays out).</summary>
    public const string TimingMode = "time";

    /// <summary>Runs under the startup hook right after ready: the profile at ready and first use without a pause.</summary>
    public const string ProfileMode = "ready";

    /// <summary>The unmeasured first run of each app (disk cache); its output is still compared.</summary>
    public const string WarmupMode = "warmup";

    public const string IdleMode = "idle";

    public const string IdlePreloadMode = "idle+preload";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Runs the whole session: every selected app in turn, each with its floor, its migrated copy and the bare app.
    /// Throws <see cref="HarnessStepException"/> only when a baseline app (bare, floor, before) cannot be built.
    /// </summary>
    public static List<HarnessReport> Run(HarnessOptions options, Action<string> log)
    {
        var layouts = RepositoryLayout.FindAll(options.RepositoryRoot, options.FloorProject, options.App);
        var root = layouts[0].Root;
        var outputDirectory = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(root, "artifacts", "startup"));
        Directory.CreateDirectory(outputDirectory);
        var seed = options.Seed ?? Random.Shared.Next();
        log($"Apps: {string.Join(", ", layouts.Select(l => l.AppName))}.");
        log("Building the startup hook (Release)...");
        var hook = AppBuilder.Build(layouts[0].StartupHookProject, "net8.0", options.ReuseBuilds, log);
        var built = new Dictionary<string, string>(StringComparer.Ordinal);
        string Build(string project)
        {
            if (!built.TryGetValue(project, out var dll))
            {
                dll = AppBuilder.Build(project, "net10.0", options.ReuseBuilds, log);
                built[project] = dll;
            }

            return dll;
        }

        var reports = new List<HarnessReport>();
        foreach (var layout in layouts)
        {
            log($"== {layout.AppName} ({reports.Count + 1} of {layouts.Count}) ==");
            var report = RunApp(options, layout, seed, hook, Build, Path.Combine(outputDirectory, layout.AppName), log);
            reports.Add(report);
        }

        File.WriteAllText(Path.Combine(outputDirectory, "startup.json"), JsonSerializer.Serialize(new { apps = reports }, JsonOptions));
        var markdown = MarkdownReport.RenderAll(reports);
        File.WriteAllText(Path.Combine(outputDirectory, "startup.md"), markdown);
        log($"Wrote {Path.Combine(outputDirectory, "startup.md")} and startup.json (each app's own report, profiles and migrated sources in a folder named after it)");
        if (options.UpdateReadme)
        {
            var readme = Path.Combine(root, "README.md");
            File.WriteAllText(readme, ReadmeBlock.Replace(File.ReadAllText(readme), markdown));
            log($"Wrote the report into {readme}");
        }

        return reports;
    }

    /// <summary>Builds, migrates and measures one app beside its floor and the bare app; writes its report into <paramref name="outputDirectory"/>.</summary>
    private static HarnessReport RunApp(HarnessOptions options, RepositoryLayout layout, int seed, string hook, Func<string, string> build, string outputDirectory, Action<string> log)
    {
        Directory.CreateDirectory(outputDirectory);
        var report = new HarnessReport
        {
            App = layout.AppName,
            Machine = DescribeMachine(),
            StartedAtUtc = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture),
            Runs = options.Runs,
            PreloadRuns = options.PreloadRuns,
            IdleMilliseconds = options.IdleMilliseconds,
            Smoke = options.Smoke,
            Seed = seed,
            Arguments = options.Arguments.ToList(),
        };
        var descriptions = new Dictionary<string, string>
        {
            [BareConsole] = $"bare console app ({layout.Describe(layout.BareProject)})",
            [Floor] = $"floor of the app as written ({layout.Describe(layout.FloorProject)})",
            [Before] = $"app as written ({layout.Describe(layout.SampleProject)})",
            [After] = "app after migration (temp copy)",
        };

        log("Building (Release)...");
        var apps = new Dictionary<string, string>
        {
            [BareConsole] = build(layout.BareProject),
            [Floor] = build(layout.FloorProject),
            [Before] = build(layout.SampleProject),
        };

        log($"Migrating a temp copy of {layout.Describe(layout.SampleProject)}...");
        var migration = MigrateSample(layout, options, outputDirectory, log, report);
        if (migration?.DllPath is not null && migration.Succeeded)
        {
            apps[After] = migration.DllPath;
        }

        try
        {
            var variants = new[] { BareConsole, Floor, Before, After };
            var runs = Measure(options, layout, report, hook, apps, outputDirectory, log);
            report.RunDetails = runs;
            foreach (var variant in variants)
            {
                report.Variants.Add(Summarize(
                    variant,
                    descriptions[variant],
                    apps.ContainsKey(variant),
                    runs.Where(r => r.Variant == variant && r.Mode == TimingMode).ToList(),
                    runs.Where(r => r.Variant == variant && r.Mode == ProfileMode).ToList(),
                    variant == After ? report.Migration.Error : null));
            }

            SummarizeFirstUse(report, runs);
            CompareOutputs(report, runs);
            ComputeRatiosAndTargets(report);
        }
        finally
        {
            if (migration is not null && !options.KeepTemp)
            {
                SampleMigrator.Delete(migration);
            }
        }

        File.WriteAllText(Path.Combine(outputDirectory, "startup.json"), JsonSerializer.Serialize(report, JsonOptions));
        File.WriteAllText(Path.Combine(outputDirectory, "startup.md"), MarkdownReport.Render(report));
        return report;
    }

    private static MigrationResult? MigrateSample(RepositoryLayout layout, HarnessOptions options, string outputDirectory, Action<string> log, HarnessReport report)
    {
        MigrationResult? migration = null;
        try
        {
            // The fixer loads the analyzer and code fixes from their Release build.
            var codeFixes = AppBuilder.Build(layout.CodeFixesProject, "netstandard2.0", options.ReuseBuilds, log);
            // The [LazyValue] generator ships in the same package as the analyzers and fixes.
            var generator = AppBuilder.Build(layout.GeneratorProject, "netstandard2.0", options.ReuseBuilds, log);
            migration = SampleMigrator.Migrate(layout, options, Path.GetDirectoryName(codeFixes)!, generator, log);
        }
        catch (HarnessStepException ex)
        {
            migration = new MigrationResult { Error = ex.Message };
        }

        report.Migration.FixerCommand = migration.FixerCommand;
        report.Migration.Succeeded = migration.Succeeded;
        report.Migration.Error = migration.Error;
        report.Migration.ChangedFiles = migration.ChangedFiles;
        report.Migration.RegisteredServiceTypes = migration.RegisteredServiceTypes;
        report.Migration.ServiceTypeAssemblies = migration.ServiceTypeAssemblies;
        if (migration.Error is not null)
        {
            log("  MIGRATION FAILED: " + migration.Error);
        }

        var sources = Path.Combine(outputDirectory, "migrated-sample");
        if (Directory.Exists(sources))
        {
            Directory.Delete(sources, recursive: true);
        }

        SampleMigrator.SaveSources(migration, sources);
        report.Migration.MigratedSourcesDirectory = Directory.Exists(sources) ? sources : null;
        return migration;
    }

    private static List<RunResult> Measure(HarnessOptions options, RepositoryLayout layout, HarnessReport report, string hook, Dictionary<string, string> apps, string outputDirectory, Action<string> log)
    {
        var seed = report.Seed;
        var profiles = Path.Combine(outputDirectory, "profiles");
        Directory.CreateDirectory(profiles);
        var order = new[] { BareConsole, Floor, Before, After }.Where(apps.ContainsKey).ToArray();
        var runs = new List<RunResult>();
        var noIdle = new Dictionary<string, string> { ["LAZYMIGRATE_PRELOAD"] = "0", ["LAZYMIGRATE_IDLE_MS"] = "0" };
        var idle = new Dictionary<string, string> { ["LAZYMIGRATE_PRELOAD"] = "0", ["LAZYMIGRATE_IDLE_MS"] = options.IdleMilliseconds.ToString(CultureInfo.InvariantCulture) };
        var idlePreload = new Dictionary<string, string>(idle) { ["LAZYMIGRATE_PRELOAD"] = "1" };
        var environments = new Dictionary<string, Dictionary<string, string>>
        {
            [WarmupMode] = noIdle,
            [TimingMode] = noIdle,
            [ProfileMode] = noIdle,
            [IdleMode] = idle,
            [IdlePreloadMode] = idlePreload,
        };

        RunResult RunOne(string variant, string mode, int index)
        {
            var profile = Path.Combine(profiles, $"{variant}-{mode.Replace('+', '-')}-{index}.json");
            var hooked = mode != TimingMode && mode != WarmupMode;
            // The bare app takes no input; the app, its migrated copy and its floor get the same input and a free port.
            var arguments = layout.Http && variant != BareConsole ? new[] { "--urls", $"http://127.0.0.1:{FreeLoopbackPort()}" } : Array.Empty<string>();
            var input = variant == BareConsole ? null : layout.StandardInput;
            var run = AppRunner.Run(variant, mode, index, apps[variant], hooked ? hook : null, profile, environments[mode], arguments, input);
            if (!run.Succeeded)
            {
                log($"  {variant} {mode} run {index}: FAILED: {run.Error}");
            }

            return run;
        }

        // Other work on the machine, read at the start of every round.
        void NoteLoad()
        {
            var load = LoadAverage();
            report.Machine.LoadHighest = load is null ? report.Machine.LoadHighest : Math.Max(load.Value, report.Machine.LoadHighest ?? 0);
        }

        log("Warm-up run of each app (disk cache, not measured)...");
        foreach (var variant in order)
        {
            runs.Add(RunOne(variant, WarmupMode, 0));
        }

        // Each round runs every app twice, once with nothing attached (time to ready) and once under the startup
        // hook (RSS, loaded assemblies and libraries, first use right after ready), in an order shuffled anew for
        // every round: no app always follows the same neighbour. The seed replays the same order (--seed).
        var random = new Random(seed);
        report.Machine.LoadAtStart = LoadAverage();
        log($"Run order: shuffled in every round with seed {seed} (replay with --seed {seed}).");
        log($"Measuring time to ready (no profiler) and the profile at ready (startup hook): {options.Runs} rounds of {string.Join(", ", order)}...");
        for (var i = 1; i <= options.Runs; i++)
        {
            NoteLoad();
            foreach (var (variant, mode) in Shuffle(random, order.SelectMany(v => new[] { (v, TimingMode), (v, ProfileMode) })))
            {
                runs.Add(RunOne(variant, mode, i));
            }
        }

        var idleVariants = new[] { Before, After }.Where(apps.ContainsKey).ToArray();
        log($"Measuring first use after a {options.IdleMilliseconds} ms idle pause, with and without background preloading: {options.PreloadRuns} rounds...");
        for (var i = 1; i <= options.PreloadRuns; i++)
        {
            NoteLoad();
            foreach (var (variant, mode) in Shuffle(random, idleVariants.SelectMany(v => new[] { (v, IdleMode), (v, IdlePreloadMode) })))
            {
                runs.Add(RunOne(variant, mode, i));
            }
        }

        report.Machine.LoadAtEnd = LoadAverage();
        return runs;
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now (the system picks it).</summary>
    internal static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The one-minute load average, or null where /proc/loadavg cannot be read.</summary>
    private static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A Fisher–Yates shuffle of <paramref name="items"/> drawn from <paramref name="random"/>.</summary>
    internal static List<T> Shuffle<T>(Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static VariantSummary Summarize(string name, string description, bool available, List<RunResult> timed, List<RunResult> runs, string? unavailableReason)
    {
        var ok = runs.Where(r => r.Succeeded && r.Profile is not null).ToList();
        var timedOk = timed.Where(r => r.Succeeded).ToList();
        var summary = new VariantSummary
        {
            Name = name,
            Description = description,
            Available = available,
            Error = available ? null : unavailableReason ?? "not built",
            SucceededRuns = ok.Count,
            SucceededTimedRuns = timedOk.Count,
            FailedRuns = runs.Count - ok.Count + timed.Count - timedOk.Count,
            RunErrors = timed.Concat(runs).Where(r => !r.Succeeded).Select(r => $"{r.Mode} run {r.Index}: {r.Error}").Distinct().Take(5).ToList(),
            TimeToReadyMs = Statistic.Of(timedOk.Select(r => r.TimeToReadyMs ?? 0)),
            HookedTimeToReadyMs = Statistic.Of(ok.Select(r => r.TimeToReadyMs ?? 0)),
            HookReadyAtMs = Statistic.Of(ok.Select(r => r.Profile!.ReadyAtMs)),
            PeakRssMb = Statistic.Of(ok.Select(r => r.Profile!.PeakRssBytes / 1048576.0)),
            RssMb = Statistic.Of(ok.Select(r => r.Profile!.RssBytes / 1048576.0)),
            Assemblies = Statistic.Of(ok.Select(r => (double)r.Profile!.AssemblyCount)),
            HeavyAssemblies = Statistic.Of(ok.Select(r => (double)r.Profile!.HeavyAssemblies.Count)),
            HeavyNativeLibraries = Statistic.Of(ok.Select(r => (double)r.Profile!.HeavyNativeLibraries.Count)),
        };

        if (ok.Count > 0)
        {
            summary.HeavyAtReady = ok[0].Profile!.HeavyPackages;
            summary.HeavyTriggers = ok[0].Profile!.HeavyTriggers;
        }

        return summary;
    }

    private static void SummarizeFirstUse(HarnessReport report, List<RunResult> runs)
    {
        // The parts are whatever the apps report on their TIMING lines, in the order they first appear.
        var measured = runs.Where(r => r.Succeeded && r.Variant != BareConsole && r.Mode != WarmupMode).ToList();
        var parts = measured.SelectMany(r => r.FirstUseMs.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var group in measured.GroupBy(r => (r.Variant, r.Mode)))
        {
            var list = group.ToList();
            var summary = new FirstUseSummary { Variant = group.Key.Variant, Mode = group.Key.Mode, Runs = list.Count };
            foreach (var part in parts)
            {
                summary.Parts[part] = Statistic.Of(list.Where(r => r.FirstUseMs.ContainsKey(part)).Select(r => r.FirstUseMs[part]));
            }

            report.FirstUse.Add(summary);
        }
    }

    /// <summary>
    /// Compares the output of every successful run (warm-up included) with the first one of the same app, and the
    /// migrated app's output with the app as written. Compared: every line from the ready line on, except the
    /// documented <c>TIMING</c> lines.
    /// </summary>
    internal static void CompareOutputs(HarnessReport report, List<RunResult> runs)
    {
        var comparison = report.OutputComparison;
        foreach (var group in runs.Where(r => r.Succeeded).GroupBy(r => r.Variant))
        {
            var reference = AppRunner.Comparable(group.First().Output);
            comparison.Apps.Add(new AppOutputCheck
            {
                Variant = group.Key,
                Runs = group.Count(),
                DifferingRuns = group.Where(r => !AppRunner.Comparable(r.Output).SequenceEqual(reference, StringComparer.Ordinal))
                    .Select(r => $"{r.Mode} run {r.Index}")
                    .ToList(),
            });
        }

        var unstable = comparison.Apps.Where(a => a.DifferingRuns.Count > 0).ToList();
        var stability = unstable.Count == 0
            ? $"every app printed the same in all its runs ({string.Join(", ", comparison.Apps.Select(a => $"{a.Variant} {a.Runs}"))})"
            : "output varies between runs of " + string.Join("; ", unstable.Select(a => $"{a.Variant} ({a.DifferingRuns.Count} of {a.Runs} runs differ from its first, e.g. {a.DifferingRuns[0]})"));

        var before = runs.FirstOrDefault(r => r.Variant == Before && r.Succeeded);
        var after = runs.FirstOrDefault(r => r.Variant == After && r.Succeeded);
        var floor = runs.FirstOrDefault(r => r.Variant == Floor && r.Succeeded);
        if (before is not null && floor is not null)
        {
            comparison.FloorDifference = FirstDifference(AppRunner.Comparable(before.Output), AppRunner.Comparable(floor.Output));
            stability += comparison.FloorDifference is null
                ? "; floor vs app as written: identical"
                : "; floor vs app as written: DIFFERENT at " + comparison.FloorDifference;
        }

        if (before is null || after is null)
        {
            comparison.Note = (after is null ? "app as written vs migrated: not checked, the migrated app has no successful run" : "app as written vs migrated: not checked, the app as written has no successful run") + "; " + stability;
            return;
        }

        comparison.Checked = true;
        comparison.Before = AppRunner.Comparable(before.Output);
        comparison.After = AppRunner.Comparable(after.Output);
        var same = comparison.Before.SequenceEqual(comparison.After, StringComparer.Ordinal);
        var stable = comparison.Apps.Where(a => a.Variant is Before or After).All(a => a.DifferingRuns.Count == 0);
        comparison.Equal = same && stable;
        comparison.Note = (same ? "app as written vs migrated: identical" : "app as written vs migrated: DIFFERENT")
            + " (lines from the ready line on, TIMING lines excluded); " + stability;
    }

    /// <summary>"line N: `a` vs `b`" for the first line where two outputs differ (a missing line shows as nothing), or null when they are equal.</summary>
    internal static string? FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var a = i < expected.Count ? expected[i] : "(nothing)";
            var b = i < actual.Count ? actual[i] : "(nothing)";
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                return $"line {i + 1}: `{a}` vs `{b}`";
            }
        }

        return null;
    }

    private static void ComputeRatiosAndTargets(HarnessReport report)
    {
        VariantSummary Get(string name) => report.Variants.First(v => v.Name == name);
        double? Ready(string name) => Get(name).TimeToReadyMs?.Median;
        double? Divide(double? a, double? b) => a is null || b is null || b == 0 ? null : a / b;

        report.Ratios["after/floor"] = Divide(Ready(After), Ready(Floor));
        report.Ratios["after/bare"] = Divide(Ready(After), Ready(BareConsole));
        report.Ratios["before/after"] = Divide(Ready(Before), Ready(After));
        report.Ratios["before/floor"] = Divide(Ready(Before), Ready(Floor));

        var after = Get(After);
        var floor = Get(Floor);
        var ran = after.SucceededRuns > 0;
        string Show(double? value, string format) => value is null ? "n/a" : value.Value.ToString(format, CultureInfo.InvariantCulture);

        // Beside each target: what its result depends on besides the migration itself.
        var afterFloor = report.Ratios["after/floor"];
        report.Targets.Add(new TargetCheck("time to ready vs floor", "≤ 1.05 ×", Show(afterFloor, "0.00") + " ×", ran ? afterFloor <= 1.05 : null,
            "how the floor is built: what it still does before ready"));
        var speedup = report.Ratios["before/after"];
        report.Targets.Add(new TargetCheck("speed-up vs unmigrated", "≥ 10 ×", Show(speedup, "0.00") + " ×", ran ? speedup >= 10 : null,
            $"how much work the app as written does before ready (before: {Show(Ready(Before), "0")} ms); more eager work, higher ratio"));
        report.Targets.Add(new TargetCheck("heavy native libraries at ready", "0", Show(after.HeavyNativeLibraries?.Max, "0"), ran ? after.HeavyNativeLibraries?.Max == 0 : null));
        // Allowed: assemblies loaded only because a DI registration names the service type (see DiRegistrationEvidence).
        var explained = DiRegistrationEvidence.Explain(after.HeavyAtReady, after.HeavyTriggers, report.Migration.RegisteredServiceTypes, report.Migration.ServiceTypeAssemblies);
        report.Migration.DiNamedPackages = explained.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!);
        var unexplained = explained.Where(e => e.Value is null).Select(e => e.Key).ToList();
        var managedActual = Show(after.HeavyAssemblies?.Max, "0")
            + (report.Migration.DiNamedPackages.Count > 0
                ? " (named by DI registrations: " + string.Join("; ", report.Migration.DiNamedPackages.Select(p => $"{p.Value} → {after.HeavyAtReady[p.Key]}")) + ")"
                : "")
            + (unexplained.Count > 0 ? "; unexplained: " + string.Join(", ", unexplained) : "");
        report.Targets.Add(new TargetCheck("heavy managed assemblies at ready", "0, or only DI-named service types", managedActual, ran ? unexplained.Count == 0 : null));
        var rssDelta = after.PeakRssMb is null || floor.PeakRssMb is null ? (double?)null : after.PeakRssMb.Median - floor.PeakRssMb.Median;
        report.Targets.Add(new TargetCheck("peak RSS at ready vs floor", "≤ +3 MB", (rssDelta >= 0 ? "+" : "") + Show(rssDelta, "0.0") + " MB", ran ? rssDelta <= 3 : null,
            "how the floor is built: what it has loaded at ready"));
        var outputRuns = report.OutputComparison.Apps.Where(a => a.Variant is Before or After).Sum(a => a.Runs);
        report.Targets.Add(new TargetCheck(
            "output after migration",
            "identical in every run",
            report.OutputComparison.Checked ? (report.OutputComparison.Equal ? $"identical ({outputRuns} runs)" : "different") : "not checked",
            report.OutputComparison.Checked ? report.OutputComparison.Equal : null));
    }

    private static MachineInfo DescribeMachine()
    {
        var cpu = "";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "";
        }
        catch (IOException)
        {
            // Not Linux: leave it empty.
        }

        return new MachineInfo
        {
            Cores = Environment.ProcessorCount,
            CpuModel = cpu,
            Os = RuntimeInformation.OSDescription,
            Runtime = RuntimeInformation.FrameworkDescription,
        };
    }
}
