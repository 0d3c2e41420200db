using System;
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

    /// <summary>Counter of lazy values built (factory completed); counted once the meter exists, i.e. after the first package load or value failure.</summary>
    public const string ValueBuildsCounterName = "lazymigrate.value.builds";

    /// <summary>Counter of lazy value builds that failed: the factory threw, the package failed, or the package name is unknown.</summary>
    public const string ValueFailuresCounterName = "lazymigrate.value.failures";

    /// <summary>Name of the activity started for each package load.</summary>
    public const string LoadActivityName = "LazyMigrate.LoadPackage";

    /// <summary>Name of the activity of a lazy value build: recorded for every failed build, and for successful builds once the first package load created the source.</summary>
    public const string BuildValueActivityName = "LazyMigrate.BuildValue";

    /// <summary>Tag holding a lazy value's declaration (<c>File.cs:line (member)</c>, no directory).</summary>
    public const string ValueTag = "value";

    /// <summary>Tag holding the package name.</summary>
    public const string PackageTag = "package";

    /// <summary>Tag holding the package priority.</summary>
    public const string PriorityTag = "priority";

    /// <summary>Tag holding what triggered the load or build: "background", "eager" or "first-access".</summary>
    public const string TriggerTag = "trigger";

    // Set once the meter and the activity source exist. Creating them is costly (the diagnostics
    // assembly loads): a package load pays that anyway, the first access to a lazy value must not.
    // So a value's build is counted and traced only once they exist; its failure always is.
    private static volatile bool s_active;

    /// <summary>True once a package load or a value failure created the meter and the activity source.</summary>
    internal static bool IsActive => s_active;

    internal static ActivitySource Source => Instruments.Source;

    internal static void RecordLoad(string package, int priority, string triggerKind, double milliseconds, bool success)
    {
        // Bounded-cardinality tags only: the trigger kind, never the call site.
        var tags = new TagList
        {
            { PackageTag, package },
            { PriorityTag, priority },
            { TriggerTag, triggerKind },
        };
        Instruments.Duration.Record(milliseconds, tags);
        if (success)
        {
            Instruments.Loads.Add(1, tags);
        }
        else
        {
            Instruments.Failures.Add(1, tags);
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

    /// <summary>Counts a successful value build, when the meter exists (see <see cref="IsActive"/>).</summary>
    internal static void RecordValueBuilt(string value, string? package, string triggerKind)
    {
        if (s_active)
        {
            Instruments.ValueBuilds.Add(1, ValueTags(value, package, triggerKind));
        }
    }

    /// <summary>
    /// Counts a failed value build and closes its activity with an error; without a running activity
    /// (the source did not exist when the build started) one is recorded for the build's span.
    /// </summary>
    /// <remarks>Typed <see cref="IDisposable"/> so that a value's build, which holds it, names no diagnostics type (the JIT would load their assembly).</remarks>
    internal static void RecordValueFailure(IDisposable? build, string value, string? package, string triggerKind, DateTimeOffset startedAt, string error)
    {
        var activity = build as Activity;
        Instruments.ValueFailures.Add(1, ValueTags(value, package, triggerKind));
        if (activity is null && Source.HasListeners())
        {
            activity = Source.StartActivity(BuildValueActivityName, ActivityKind.Internal, parentContext: default,
                tags: ValueActivityTags(value, package, triggerKind), startTime: startedAt);
            activity?.SetStatus(ActivityStatusCode.Error, error);
            activity?.Dispose();
            return;
        }

        activity?.SetStatus(ActivityStatusCode.Error, error);
    }

    /// <summary>Starts a value build's activity when the source exists and is listened to (see <see cref="IsActive"/>); dispose it when the build ends.</summary>
    internal static IDisposable? StartValueActivity(string value, string? package, string triggerKind)
    {
        if (!s_active || !Source.HasListeners())
        {
            return null;
        }

        return Source.StartActivity(BuildValueActivityName, ActivityKind.Internal, parentContext: default, tags: ValueActivityTags(value, package, triggerKind));
    }

    private static TagList ValueTags(string value, string? package, string triggerKind) => new()
    {
        { ValueTag, value },
        { PackageTag, package },
        { TriggerTag, triggerKind },
    };

    private static KeyValuePair<string, object?>[] ValueActivityTags(string value, string? package, string triggerKind) => new KeyValuePair<string, object?>[]
    {
        new(ValueTag, value),
        new(PackageTag, package),
        new(TriggerTag, triggerKind),
    };

    /// <summary>The meter, its instruments and the activity source, created on first use.</summary>
    private static class Instruments
    {
        public static readonly Meter Meter = new(MeterName, typeof(LazyMigrateDiagnostics).Assembly.GetName().Version?.ToString());
        public static readonly Counter<long> Loads = Meter.CreateCounter<long>(LoadsCounterName, "{load}", "Heavy packages loaded");
        public static readonly Counter<long> Failures = Meter.CreateCounter<long>(FailuresCounterName, "{failure}", "Heavy package loads that failed");
        public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(LoadDurationHistogramName, "ms", "Time to load a heavy package");
        public static readonly Counter<long> ValueBuilds = Meter.CreateCounter<long>(ValueBuildsCounterName, "{build}", "Lazy values built");
        public static readonly Counter<long> ValueFailures = Meter.CreateCounter<long>(ValueFailuresCounterName, "{failure}", "Lazy value builds that failed");
        public static readonly ActivitySource Source = new(ActivitySourceName);

        static Instruments()
        {
            s_active = true;
        }
    }
}
