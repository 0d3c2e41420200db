using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace LazyMigrate.LoadingDifferential;

/// <summary>What to run.</summary>
internal sealed class DifferentialOptions
{
    public List<string> Only { get; } = new();

    public bool CiSubset { get; set; }

    /// <summary>Work folder for the generated programs; default artifacts/differential under the repository.</summary>
    public string? WorkDirectory { get; set; }

    public bool SkipMigration { get; set; }

    public IReadOnlyList<ProgramRow> SelectRows()
    {
        if (Only.Count > 0)
        {
            var unknown = Only.Where(id => ProgramTable.All.All(r => r.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException("unknown program id(s): " + string.Join(", ", unknown) + " (--list shows them)");
            }

            return ProgramTable.All.Where(r => Only.Contains(r.Id)).ToList();
        }

        return CiSubset ? ProgramTable.All.Where(r => r.InCiSubset).ToList() : ProgramTable.All;
    }
}

/// <summary>Everything measured for one program.</summary>
internal sealed class ProgramResult
{
    public ProgramResult(ProgramRow row)
    {
        Row = row;
    }

    public ProgramRow Row { get; }

    public List<string> BuildErrors { get; set; } = new();

    public List<Finding> Findings { get; set; } = new();

    public RunResult? Run { get; set; }

    public List<string> MigrationErrors { get; set; } = new();

    public List<Finding> FindingsAfter { get; set; } = new();

    public RunResult? RunAfter { get; set; }

    public bool MigrationChangedSources { get; set; }

    /// <summary>True when the program built and ran, so the runtime's answer exists.</summary>
    public bool Measured => BuildErrors.Count == 0 && Run is { Ok: true };

    public bool Loaded => Run?.Evidence?.LoadedHeavy == true;

    public IEnumerable<string> Rules => Findings.Select(f => f.RuleId).Distinct().OrderBy(r => r, StringComparer.Ordinal);

    public bool Reported(string rule) => Findings.Any(f => f.RuleId == rule);

    /// <summary>The after-migration verdict: null when it holds, else why not.</summary>
    public string? AfterMigrationFailure
    {
        get
        {
            if (MigrationErrors.Count > 0)
            {
                return "migration: " + MigrationErrors[0];
            }

            if (RunAfter is null)
            {
                return "not run";
            }

            if (!RunAfter.Ok)
            {
                return "run: " + RunAfter.Error;
            }

            if (Run is { Ok: true } && Run.Output != RunAfter.Output)
            {
                return "output differs from the unmigrated program";
            }

            if (RunAfter.Evidence!.LoadedHeavy && !Row.UsedBeforeReady)
            {
                return "still loads " + RunAfter.Evidence.Describe();
            }

            return null;
        }
    }
}

/// <summary>Generates, builds, scans, runs, migrates and reruns the selected programs.</summary>
internal static class Differential
{
    public static readonly string[] MigrationDiagnostics = { "LZM0001", "LZM0002", "LZM0003", "LZM0005", "LZM0008" };

    public static List<ProgramResult> Run(DifferentialOptions options, Action<string> log)
    {
        var total = Stopwatch.StartNew();
        var layout = RepositoryLayout.Find();
        layout.EnsureBuilt(log);
        var rows = options.SelectRows();
        var root = options.WorkDirectory ?? Path.Combine(layout.Root, "artifacts", "differential");
        var results = rows.Select(r => new ProgramResult(r)).ToList();
        log($"{rows.Count} program(s); work folder {root}");

        // 1. As written: generate, build (the analyzers run in the build and write SARIF), run under the hook.
        var before = new ProgramWorkspace(layout, Path.Combine(root, "before"));
        before.WriteSharedFiles();
        before.WritePrograms(rows);
        var stale = rows.Where(r => !before.IsUpToDate(r) || !File.Exists(before.SarifFile(r))).ToList();
        log($"[build] {stale.Count} of {rows.Count} program(s) to build ({rows.Count - stale.Count} up to date)");
        if (stale.Count > 0)
        {
            var errors = before.Build(before.WriteSolution(stale, "before"), stale, log);
            foreach (var result in results.Where(r => errors.ContainsKey(r.Row.Id)))
            {
                result.BuildErrors = errors[result.Row.Id];
            }
        }

        var index = 0;
        foreach (var result in results)
        {
            index++;
            result.Findings = SarifLog.Read(before.SarifFile(result.Row));
            if (result.BuildErrors.Count > 0)
            {
                log($"[run {index}/{results.Count}] {result.Row.Id}: does not build: {result.BuildErrors[0]}");
                continue;
            }

            result.Run = ProgramRunner.Run(layout, before.OutputDll(result.Row), Path.Combine(root, "profiles", "before", result.Row.Id + ".json"));
            log($"[run {index}/{results.Count}] {result.Row.Id}: {(result.Run.Ok ? result.Run.Evidence!.Describe() : "FAILED " + result.Run.Error)}; rules: {Rules(result.Findings)} ({result.Run.Seconds:0.0} s)");
        }

        if (!options.SkipMigration)
        {
            Migrate(layout, root, results, log);
        }

        log($"done in {total.Elapsed.TotalSeconds:0} s");
        return results;
    }

    private static void Migrate(RepositoryLayout layout, string root, List<ProgramResult> results, Action<string> log)
    {
        // 2. Migrated: a second copy, `dotnet format analyzers` with the README's ids over the copies that changed
        // (a stamp of sources + analyzers marks a finished migration), one build, run again.
        var after = new ProgramWorkspace(layout, Path.Combine(root, "after"));
        after.WriteSharedFiles();
        var buildable = results.Where(r => r.BuildErrors.Count == 0).ToList();
        var toMigrate = buildable.Where(r => ReadStamp(after, r.Row) != after.SourceStamp(r.Row) || !after.IsUpToDate(r.Row)).ToList();
        log($"[migrate] {toMigrate.Count} of {buildable.Count} program(s) to migrate ({buildable.Count - toMigrate.Count} up to date)");
        if (toMigrate.Count > 0)
        {
            var rows = toMigrate.Select(r => r.Row).ToList();
            after.WritePrograms(rows, force: true);
            foreach (var row in rows.Where(r => File.Exists(StampPath(after, r))))
            {
                File.Delete(StampPath(after, row));
            }

            var solution = after.WriteSolution(rows, "after");
            var arguments = new List<string> { "format", "analyzers", solution, "--diagnostics" };
            arguments.AddRange(MigrationDiagnostics);
            arguments.AddRange(new[] { "--severity", "info", "-v", "minimal" });
            var format = Tools.Dotnet(arguments, after.Directory, TimeSpan.FromMinutes(40));
            log($"  dotnet format analyzers --diagnostics {string.Join(" ", MigrationDiagnostics)} --severity info: exit {format.ExitCode} in {format.Elapsed.TotalSeconds:0} s");
            if (!format.Succeeded)
            {
                foreach (var result in toMigrate)
                {
                    result.MigrationErrors.Add($"dotnet format failed (exit {format.ExitCode}): {format.Tail(5)}");
                }
            }

            var errors = after.Build(solution, rows, log);
            foreach (var result in toMigrate)
            {
                result.MigrationErrors.AddRange(errors[result.Row.Id].Select(e => "does not build: " + e));
                if (result.MigrationErrors.Count == 0)
                {
                    File.WriteAllText(StampPath(after, result.Row), after.SourceStamp(result.Row));
                }
            }
        }

        var index = 0;
        foreach (var result in buildable)
        {
            index++;
            result.FindingsAfter = SarifLog.Read(after.SarifFile(result.Row));
            result.MigrationChangedSources = ProgramWorkspace.Sources(result.Row)
                .Any(p => File.ReadAllText(Path.Combine(after.ProjectDirectory(result.Row), p.Key)) != p.Value);
            if (result.MigrationErrors.Count == 0)
            {
                result.RunAfter = ProgramRunner.Run(layout, after.OutputDll(result.Row), Path.Combine(root, "profiles", "after", result.Row.Id + ".json"));
            }

            var verdict = result.AfterMigrationFailure is { } failure ? "FAIL " + failure : "ok";
            log($"[after {index}/{buildable.Count}] {result.Row.Id}: {(result.RunAfter?.Evidence?.Describe() ?? "-")}; {verdict}");
        }
    }

    private static string StampPath(ProgramWorkspace workspace, ProgramRow row) => Path.Combine(workspace.ProjectDirectory(row), "obj", "migrated.stamp");

    private static string? ReadStamp(ProgramWorkspace workspace, ProgramRow row)
        => File.Exists(StampPath(workspace, row)) ? File.ReadAllText(StampPath(workspace, row)) : null;

    private static string Rules(IEnumerable<Finding> findings)
    {
        var rules = findings.Select(f => f.RuleId).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        return rules.Count == 0 ? "none" : string.Join(",", rules);
    }
}
