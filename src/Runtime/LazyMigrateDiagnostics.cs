using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LazyMigrate;

/// <summary>
/// Names of the metrics and traces the runtime publishes, for <c>dotnet-counters</c>
/// (<c>dotnet-counters monitor --counters LazyMigrate</c>) and OpenTelemetry
/// (<c>AddMeter(LazyMigrateDiagnostics.MeterName)</c>, <c>AddSource(LazyMigrateDiagnostics.ActivitySourceName)</c>).
/// </summary>
public static class LazyMigrateDiagnostics
{
    /// <summary>Name of the <see cref="Meter"/>.</summary>
    public const string MeterName = "LazyMigrate";

    /// <summary>Name of the <see cref="ActivitySource"/>; one activity per package load.</summary>
    public const string ActivitySourceName = "LazyMigrate";

    /// <summary>Counter of successful package loads.</summary>
    public const string LoadsCounterName = "lazymigrate.package.loads";

    /// <summary>Counter of failed package loads.</summary>
    public const string FailuresCounterName = "lazymigrate.package.failures";

    /// <summary>Histogram of package load durations, in milliseconds.</summary>
    public const string LoadDurationHistogramName = "lazymigrate.package.load.duration";

    /// <summary>Counter of lazy values built (factory completed).</summary>
    public const string ValueBuildsCounterName = "lazymigrate.value.builds";

    /// <summary>Counter of lazy value builds that failed: the factory threw, the package failed, or the package name is unknown.</summary>
    public const string ValueFailuresCounterName = "lazymigrate.value.failures";

    /// <summary>Name of the activity started for each package load.</summary>
    public const string LoadActivityName = "LazyMigrate.LoadPackage";

    /// <summary>Name of the activity started for each lazy value build.</summary>
    public const string BuildValueActivityName = "LazyMigrate.BuildValue";

    /// <summary>Tag holding a lazy value's declaration (<c>File.cs:line (member)</c>, no directory).</summary>
    public const string ValueTag = "value";

    /// <summary>Tag holding the package name.</summary>
    public const string PackageTag = "package";

    /// <summary>Tag holding the package priority.</summary>
    public const string PriorityTag = "priority";

    /// <summary>Tag holding what triggered the load or build: "background", "eager" or "first-access".</summary>
    public const string TriggerTag = "trigger";

    // Created on the first load or value build (this class has no other static state), never at startup.
    private static readonly Meter s_meter = new(MeterName, typeof(LazyMigrateDiagnostics).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> s_loads = s_meter.CreateCounter<long>(LoadsCounterName, "{load}", "Heavy packages loaded");
    private static readonly Counter<long> s_failures = s_meter.CreateCounter<long>(FailuresCounterName, "{failure}", "Heavy package loads that failed");
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(LoadDurationHistogramName, "ms", "Time to load a heavy package");

    private static readonly Counter<long> s_valueBuilds = s_meter.CreateCounter<long>(ValueBuildsCounterName, "{build}", "Lazy values built");
    private static readonly Counter<long> s_valueFailures = s_meter.CreateCounter<long>(ValueFailuresCounterName, "{failure}", "Lazy value builds that failed");

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static void RecordLoad(string package, int priority, string triggerKind, double milliseconds, bool success)
    {
        // Bounded-cardinality tags only: the trigger kind, never the call site.
        var tags = new TagList
        {
            { PackageTag, package },
            { PriorityTag, priority },
            { TriggerTag, triggerKind },
        };
        s_duration.Record(milliseconds, tags);
        if (success)
        {
            s_loads.Add(1, tags);
        }
        else
        {
            s_failures.Add(1, tags);
        }
    }

    internal static Activity? StartLoadActivity(string package, int priority, string triggerKind)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        return Source.StartActivity(LoadActivityName, ActivityKind.Internal, parentContext: default, tags: new KeyValuePair<string, object?>[]
        {
            new(PackageTag, package),
            new(PriorityTag, priority),
            new(TriggerTag, triggerKind),
        });
    }

    internal static void RecordValueBuild(string value, string? package, string triggerKind, bool success)
    {
        var tags = new TagList
        {
            { ValueTag, value },
            { PackageTag, package },
            { TriggerTag, triggerKind },
        };
        if (success)
        {
            s_valueBuilds.Add(1, tags);
        }
        else
        {
            s_valueFailures.Add(1, tags);
        }
    }

    internal static Activity? StartValueActivity(string value, string? package, string triggerKind)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        return Source.StartActivity(BuildValueActivityName, ActivityKind.Internal, parentContext: default, tags: new KeyValuePair<string, object?>[]
        {
            new(ValueTag, value),
            new(PackageTag, package),
            new(TriggerTag, triggerKind),
        });
    }
}
