using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;

namespace LazyMigrate.Runtime.Tests;

public sealed class FailureAndRetryTests
{
    [Fact]
    public void Value_failure_is_reported_identically_to_all_concurrent_waiters_then_retried_after_reset()
    {
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var calls = 0;
        var fail = true;
        var value = new LazyValue(() =>
        {
            Interlocked.Increment(ref calls);
            entered.Set();
            gate.WaitOrFail();
            return fail ? throw new InvalidOperationException("transient outage") : "recovered";
        })
        {
            RetryDelay = Timeout.InfiniteTimeSpan,
        };

        var errors = TestSupport.CatchTogether(16, i =>
        {
            if (i == 0)
            {
                // The last thread to arrive opens the gate once the factory is running.
                entered.WaitOrFail();
                gate.Set();
            }

            value.Get<string>();
        });

        var first = Assert.IsType<LazyLoadException>(errors[0]);
        Assert.All(errors, e => Assert.Same(first, e));
        Assert.Equal(1, calls);
        Assert.IsType<InvalidOperationException>(first.InnerException);
        Assert.Equal("factory", first.FailedComponent);

        // Policy: the failure is reported (no new attempt) until the retry delay passed ...
        Assert.Same(first, Assert.Throws<LazyLoadException>(() => value.Get<string>()));
        Assert.Equal(1, calls);

        // ... or until Reset, after which the next access retries.
        fail = false;
        Assert.True(value.Reset());
        Assert.Equal("recovered", value.Get<string>());
        Assert.Equal(2, calls);
        Assert.False(value.Reset());
    }

    [Fact]
    public void Package_failure_is_shared_by_concurrent_waiters_and_retried_once_the_retry_delay_passed()
    {
        var registry = new LazyPackageRegistry();
        var attempts = 0;
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var package = registry.Register(TestSupport.UniqueName("Flaky"), 2, Array.Empty<string>(), warmUp: () =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                entered.Set();
                gate.WaitOrFail();
                throw new TimeoutException("license server did not answer");
            }
        });
        package.RetryDelay = Timeout.InfiniteTimeSpan;

        var errors = TestSupport.CatchTogether(16, i =>
        {
            if (i == 0)
            {
                entered.WaitOrFail();
                gate.Set();
            }

            package.EnsureLoaded();
        });

        var first = Assert.IsType<LazyLoadException>(errors[0]);
        Assert.All(errors, e => Assert.Same(first, e));
        Assert.Equal(1, attempts);
        Assert.Equal(package.Name, first.PackageName);
        Assert.Equal("warm-up", first.FailedComponent);
        Assert.IsType<TimeoutException>(first.InnerException);
        Assert.Equal(LazyPackageState.Failed, package.State);
        Assert.Equal(first.Message, package.LastError);
        Assert.Equal(first.Message, registry.GetStatus().Packages.Single().Error);

        // A zero delay has passed as soon as the attempt failed: the next access retries and succeeds.
        package.RetryDelay = TimeSpan.Zero;
        package.EnsureLoaded();
        Assert.Equal(2, attempts);
        Assert.Equal(LazyPackageState.Loaded, package.State);
        Assert.Null(registry.GetStatus().Packages.Single().Error);
    }

    [Fact]
    public void Package_with_a_missing_assembly_names_it_and_the_registration_site()
    {
        var registry = new LazyPackageRegistry();
        var name = TestSupport.UniqueName("Contoso.Ocr");
        var package = registry.Register(name, 2, new[] { "Contoso.Ocr.Engine" }); var line = TestSupport.Line();

        Assert.False(package.IsAvailable);
        var error = Assert.Throws<LazyLoadException>(() => package.EnsureLoaded());

        Assert.Equal(name, error.PackageName);
        Assert.Equal("assembly 'Contoso.Ocr.Engine'", error.FailedComponent);
        Assert.EndsWith($"FailureAndRetryTests.cs:{line} ({nameof(Package_with_a_missing_assembly_names_it_and_the_registration_site)})", error.DeclarationSite);
        Assert.Contains(nameof(Package_with_a_missing_assembly_names_it_and_the_registration_site), error.FirstUseSite);
        Assert.IsType<System.IO.FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void A_family_name_without_its_own_assembly_loads_the_family_members()
    {
        // Like ML.NET: the package is called Microsoft.ML but ships Microsoft.ML.Data, Microsoft.ML.Core, ...
        // This test app contains xunit.core and xunit.assert but no xunit.dll.
        var registry = new LazyPackageRegistry();
        var package = registry.Register(TestSupport.UniqueName("xunit"), 2, new[] { "xunit", "xunit.*" });

        package.EnsureLoaded();

        Assert.Equal(LazyPackageState.Loaded, package.State);
        var loaded = registry.GetStatus().Packages.Single().LoadedAssemblies;
        Assert.Contains("xunit.core", loaded);
        Assert.DoesNotContain("xunit", loaded);
    }

    [Fact]
    public void A_missing_main_assembly_still_fails_when_nothing_of_the_package_is_present()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register(TestSupport.UniqueName("Contoso.Family"), 2, new[] { "Contoso.Family", "Contoso.Family.*" });

        var error = Assert.Throws<LazyLoadException>(() => package.EnsureLoaded());

        Assert.Equal("assembly 'Contoso.Family'", error.FailedComponent);
        Assert.Equal(LazyPackageState.Failed, package.State);
    }

    [Fact]
    public void A_value_whose_package_failed_reports_the_package_failure_with_its_own_sites()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register(TestSupport.UniqueName("Broken"), 1, new[] { "Contoso.Broken.Assembly" });
        var factoryCalls = 0;
        var value = new LazyValue(package, () => ++factoryCalls); var line = TestSupport.Line();

        var error = Assert.Throws<LazyLoadException>(() => value.Value);

        Assert.Equal(0, factoryCalls);
        Assert.Equal(package.Name, error.PackageName);
        Assert.Equal("assembly 'Contoso.Broken.Assembly'", error.FailedComponent);
        Assert.EndsWith($"FailureAndRetryTests.cs:{line} ({nameof(A_value_whose_package_failed_reports_the_package_failure_with_its_own_sites)})", error.DeclarationSite);
        Assert.Equal(LazyPackageState.Failed, package.State);
    }

    [Fact]
    public void Factory_failure_is_the_values_own_in_message_status_metrics_and_traces_while_its_package_stays_loaded()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register(TestSupport.UniqueName("Models"), 2, Array.Empty<string>());
        var failures = new ConcurrentQueue<string?>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LazyMigrateDiagnostics.MeterName && instrument.Name == LazyMigrateDiagnostics.ValueFailuresCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == LazyMigrateDiagnostics.PackageTag)
                {
                    failures.Enqueue(tag.Value as string);
                }
            }
        });
        meterListener.Start();
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LazyMigrateDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);

        var value = package.Export(() => throw new InvalidOperationException("model file locked")); var line = TestSupport.Line();
        var failedAt = DateTimeOffset.UtcNow;
        var error = Assert.Throws<LazyLoadException>(() => value.Get<object>());

        // The message says the value failed, not that the package could not be loaded.
        Assert.True(error.IsFactoryFailure);
        Assert.StartsWith($"Lazy value of package '{package.Name}' could not be built: its factory failed (the package itself loaded).", error.Message);
        Assert.DoesNotContain("could not be loaded", error.Message);
        Assert.Equal("factory", error.FailedComponent);

        // Status: the package is loaded, the value failed, the two are counted apart.
        var status = registry.GetStatus();
        Assert.Equal(LazyPackageState.Loaded, status.Packages.Single().State);
        Assert.Null(status.Packages.Single().Error);
        Assert.Equal(0, status.Progress.FailedPackages);
        Assert.Equal(1, status.Progress.FailedValues);
        var entry = Assert.Single(status.Values);
        Assert.Equal(LazyValueState.Failed, entry.State);
        Assert.Equal(package.Name, entry.Package);
        Assert.Equal(error.Message, entry.Error);
        Assert.EndsWith($"FailureAndRetryTests.cs:{line} ({nameof(Factory_failure_is_the_values_own_in_message_status_metrics_and_traces_while_its_package_stays_loaded)})", entry.DeclarationSite);
        Assert.Contains(nameof(Factory_failure_is_the_values_own_in_message_status_metrics_and_traces_while_its_package_stays_loaded), entry.FirstUseSite);
        Assert.NotNull(entry.NextRetryAt);
        Assert.InRange(entry.NextRetryAt!.Value, failedAt + value.RetryDelay, DateTimeOffset.UtcNow + value.RetryDelay);

        // Metric and trace.
        Assert.Single(failures, p => p == package.Name);
        var activity = Assert.Single(activities, a => a.OperationName == LazyMigrateDiagnostics.BuildValueActivityName && Equals(a.GetTagItem(LazyMigrateDiagnostics.PackageTag), package.Name));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);

        // A value bound to no package names none (no "(no package)" placeholder).
        var unbound = Assert.Throws<LazyLoadException>(() => new LazyValue(() => throw new FormatException("bad setting")).Get<object>());
        Assert.True(unbound.IsFactoryFailure);
        Assert.Equal(string.Empty, unbound.PackageName);
        Assert.StartsWith("Lazy value could not be built: its factory failed.", unbound.Message);
    }
}
