using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace LazyMigrate.Runtime.Tests;

public sealed class ObservabilityTests
{
    [Fact]
    public void Loads_and_failures_are_published_as_metrics_and_activities()
    {
        var okName = TestSupport.UniqueName("Metrics.Ok");
        var badName = TestSupport.UniqueName("Metrics.Bad");
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LazyMigrateDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, ToDictionary(tags))));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, ToDictionary(tags))));
        meterListener.Start();

        var activities = new ConcurrentBag<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LazyMigrateDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(activityListener);

        var registry = new LazyPackageRegistry();
        registry.Register(okName, 2, Array.Empty<string>()).EnsureLoaded();
        Assert.Throws<LazyLoadException>(() => registry.Register(badName, 3, new[] { "Contoso.Metrics.Missing" }).EnsureLoaded());

        var ok = measurements.Where(m => Equals(m.Tags.GetValueOrDefault(LazyMigrateDiagnostics.PackageTag), okName)).ToArray();
        var bad = measurements.Where(m => Equals(m.Tags.GetValueOrDefault(LazyMigrateDiagnostics.PackageTag), badName)).ToArray();
        Assert.Single(ok, m => m.Instrument == LazyMigrateDiagnostics.LoadsCounterName && m.Value == 1);
        Assert.Single(ok, m => m.Instrument == LazyMigrateDiagnostics.LoadDurationHistogramName && m.Value >= 0);
        Assert.DoesNotContain(ok, m => m.Instrument == LazyMigrateDiagnostics.FailuresCounterName);
        Assert.Single(bad, m => m.Instrument == LazyMigrateDiagnostics.FailuresCounterName);
        Assert.All(ok, m =>
        {
            Assert.Equal(2, m.Tags[LazyMigrateDiagnostics.PriorityTag]);
            Assert.Equal("first-access", m.Tags[LazyMigrateDiagnostics.TriggerTag]);
        });

        var okActivity = Assert.Single(activities, a => Equals(a.GetTagItem(LazyMigrateDiagnostics.PackageTag), okName));
        Assert.Equal(LazyMigrateDiagnostics.LoadActivityName, okActivity.OperationName);
        var badActivity = Assert.Single(activities, a => Equals(a.GetTagItem(LazyMigrateDiagnostics.PackageTag), badName));
        Assert.Equal(ActivityStatusCode.Error, badActivity.Status);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
