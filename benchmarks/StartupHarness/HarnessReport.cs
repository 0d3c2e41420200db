using System.Collections.Generic;

namespace LazyMigrate.StartupHarness;

/// <summary>Everything one harness session measured; written as startup.json.</summary>
internal sealed class HarnessReport
{
    /// <summary>The measured app (its project name); the report covers it, its floor, its migrated copy and the bare app.</summary>
    public string App { get; set; } = "";

    public MachineInfo Machine { get; set; } = new();

    public string StartedAtUtc { get; set; } = "";

    public int Runs { get; set; }

    public int PreloadRuns { get; set; }

    public int IdleMilliseconds { get; set; }

    public bool Smoke { get; set; }

    /// <summary>The harness's arguments, as given.</summary>
    public List<string> Arguments { get; set; } = new();

    /// <summary>Seed of the shuffled run order (--seed replays it).</summary>
    public int Seed { get; set; }

    public List<VariantSummary> Variants { get; set; } = new();

    /// <summary>First-use timings per (variant, mode): mode "ready" = used right after ready; "idle" / "idle+preload" after the idle pause.</summary>
    public List<FirstUseSummary> FirstUse { get; set; } = new();

    public MigrationSummary Migration { get; set; } = new();

    public OutputComparison OutputComparison { get; set; } = new();

    public Dictionary<string, double?> Ratios { get; set; } = new();

    public List<TargetCheck> Targets { get; set; } = new();

    public List<RunResult> RunDetails { get; set; } = new();
}

internal sealed class MachineInfo
{
    public int Cores { get; set; }

    public string CpuModel { get; set; } = "";

    public string Os { get; set; } = "";

    public string Runtime { get; set; } = "";

    /// <summary>One-minute load average (/proc/loadavg) when measuring started; null where it cannot be read.</summary>
    public double? LoadAtStart { get; set; }

    /// <summary>The highest one-minute load average read at the start of a round.</summary>
    public double? LoadHighest { get; set; }

    /// <summary>One-minute load average when measuring ended.</summary>
    public double? LoadAtEnd { get; set; }
}

/// <summary>One app (bare, floor, before, after) over its measured runs at ready.</summary>
internal sealed class VariantSummary
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public bool Available { get; set; }

    public string? Error { get; set; }

    /// <summary>Successful runs under the startup hook (profile at ready).</summary>
    public int SucceededRuns { get; set; }

    /// <summary>Successful runs with nothing attached (time to ready).</summary>
    public int SucceededTimedRuns { get; set; }

    public int FailedRuns { get; set; }

    public List<string> RunErrors { get; set; } = new();

    /// <summary>Time to ready measured by the harness in the runs with nothing attached.</summary>
    public Statistic? TimeToReadyMs { get; set; }

    /// <summary>Time to ready measured by the harness in the runs under the startup hook (includes the hook's own cost).</summary>
    public Statistic? HookedTimeToReadyMs { get; set; }

    public Statistic? HookReadyAtMs { get; set; }

    public Statistic? PeakRssMb { get; set; }

    public Statistic? RssMb { get; set; }

    public Statistic? Assemblies { get; set; }

    public Statistic? HeavyAssemblies { get; set; }

    public Statistic? HeavyNativeLibraries { get; set; }

    /// <summary>Heavy package → its assemblies/native libraries loaded at ready (first successful run).</summary>
    public Dictionary<string, string> HeavyAtReady { get; set; } = new();

    /// <summary>Heavy assembly → the first non-framework frame that loaded it (first successful run).</summary>
    public Dictionary<string, string> HeavyTriggers { get; set; } = new();
}

internal sealed class FirstUseSummary
{
    public string Variant { get; set; } = "";

    public string Mode { get; set; } = "";

    public int Runs { get; set; }

    public Dictionary<string, Statistic?> Parts { get; set; } = new();
}

internal sealed class MigrationSummary
{
    public string FixerCommand { get; set; } = "";

    public bool Succeeded { get; set; }

    public string? Error { get; set; }

    public List<string> ChangedFiles { get; set; } = new();

    public string? MigratedSourcesDirectory { get; set; }

    /// <summary>Service types the migrated Program.cs registers in DI (short names).</summary>
    public List<string> RegisteredServiceTypes { get; set; } = new();

    /// <summary>Registered service type → the assemblies of the migrated build that define it.</summary>
    public Dictionary<string, List<string>> ServiceTypeAssemblies { get; set; } = new();

    /// <summary>Heavy packages at ready explained by a DI registration: package → service type.</summary>
    public Dictionary<string, string> DiNamedPackages { get; set; } = new();
}

internal sealed class OutputComparison
{
    /// <summary>True when both the app as written and the migrated app had a successful run to compare.</summary>
    public bool Checked { get; set; }

    /// <summary>The two apps printed the same, and each printed the same in every one of its runs.</summary>
    public bool Equal { get; set; }

    public string Note { get; set; } = "";

    public List<string> Before { get; set; } = new();

    public List<string> After { get; set; } = new();

    /// <summary>Every app's runs compared with its first run.</summary>
    public List<AppOutputCheck> Apps { get; set; } = new();

    /// <summary>
    /// Where the floor's output first differs from the app as written ("line N: …"), or null when they print the
    /// same or either has no successful run. A floor must print what its app prints, or it bounds another app.
    /// </summary>
    public string? FloorDifference { get; set; }
}

/// <summary>One app's successful runs, each compared with the first.</summary>
internal sealed class AppOutputCheck
{
    public string Variant { get; set; } = "";

    public int Runs { get; set; }

    /// <summary>"mode run N" of each run whose output differs from the app's first run.</summary>
    public List<string> DifferingRuns { get; set; } = new();
}

/// <param name="DependsOn">What the result depends on besides the migration (how the app was built), or null.</param>
internal sealed record TargetCheck(string Name, string Target, string Actual, bool? Met, string? DependsOn = null);
