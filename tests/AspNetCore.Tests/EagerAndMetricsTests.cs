using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LazyMigrate.AspNetCore.Tests;

[Collection(KestrelCollection.Name)]
public sealed class EagerAndMetricsTests
{
    [Fact]
    public async Task Eager_mode_loads_everything_before_the_host_reports_started()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMagick(registry, 1);
        HeavyPackages.RegisterOnnx(registry, 2);
        var seenAtStarted = new List<LazyPackageState>();

        await using var app = await KestrelTestApp.StartAsync(builder =>
        {
            builder.Services.AddSingleton(registry);
            builder.Services.AddLazyLoading(options => options.Eager = true);
            builder.Services.AddHostedService(sp => new StartedProbe(sp.GetRequiredService<IHostApplicationLifetime>(), () =>
            {
                seenAtStarted.AddRange(registry.Packages.Select(p => p.State));
            }));
        });

        Assert.Equal(new[] { LazyPackageState.Loaded, LazyPackageState.Loaded }, seenAtStarted);
        Assert.True(app.Loader.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Eager_mode_fails_startup_naming_the_package_that_cannot_load()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMagick(registry, 1);
        HeavyPackages.RegisterMissing(registry, 2);

        var error = await Assert.ThrowsAsync<LazyLoadException>(() => KestrelTestApp.StartAsync(builder =>
        {
            builder.Services.AddSingleton(registry);
            builder.Services.AddLazyLoading(options =>
            {
                options.Eager = true;
                options.SkipUnavailable = false;
            });
        }));

        Assert.Contains("1 package(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{HeavyPackages.Missing}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("assembly 'Contoso.NotInstalled'", error.Message, StringComparison.Ordinal);
        Assert.Equal(LazyPackageState.Loaded, registry.Get(HeavyPackages.Magick).State);
    }

    [Fact]
    public async Task Runtime_meter_is_visible_in_the_host()
    {
        const string packageName = "Magick.NET (metrics test)";
        var measurements = new ConcurrentQueue<(string Instrument, string? Package, string? Trigger)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LazyMigrateDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? package = null, trigger = null;
            foreach (var tag in tags)
            {
                if (tag.Key == LazyMigrateDiagnostics.PackageTag)
                {
                    package = tag.Value as string;
                }
                else if (tag.Key == LazyMigrateDiagnostics.TriggerTag)
                {
                    trigger = tag.Value as string;
                }
            }

            measurements.Enqueue((instrument.Name, package, trigger));
        }

        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        listener.Start();

        var registry = new LazyPackageRegistry();
        registry.Register(packageName, 1, new[] { "Magick.NET-Q8-x64" }, new[] { "Magick.Native-Q8-x64" });

        await using var app = await KestrelTestApp.StartAsync(builder =>
        {
            builder.Services.AddSingleton(registry);
            builder.Services.AddLazyLoading();
        });
        await app.Loader.Completion;

        var ours = measurements.Where(m => m.Package == packageName).ToList();
        Assert.Contains(ours, m => m.Instrument == LazyMigrateDiagnostics.LoadsCounterName && m.Trigger == "background");
        Assert.Contains(ours, m => m.Instrument == LazyMigrateDiagnostics.LoadDurationHistogramName);
        Assert.DoesNotContain(ours, m => m.Instrument == LazyMigrateDiagnostics.FailuresCounterName);
    }

    /// <summary>Runs a callback at ApplicationStarted, to see what had happened by then.</summary>
    private sealed class StartedProbe : IHostedService
    {
        public StartedProbe(IHostApplicationLifetime lifetime, Action onStarted) => lifetime.ApplicationStarted.Register(onStarted);

        public Task StartAsync(System.Threading.CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(System.Threading.CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
