using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static LazyMigrate.AspNetCore.Tests.StatusJson;

namespace LazyMigrate.AspNetCore.Tests;

[Collection(KestrelCollection.Name)]
public sealed class BackgroundLoadingTests
{
    [Fact]
    public async Task App_answers_before_preloading_completes_and_progress_reaches_100_in_priority_order()
    {
        using var gate1 = new ManualResetEventSlim();
        using var gate2 = new ManualResetEventSlim();
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterGate(registry, "Gate.P1", 1, gate1);
        HeavyPackages.RegisterMagick(registry, 1);
        HeavyPackages.RegisterGate(registry, "Gate.P2", 2, gate2);
        HeavyPackages.RegisterOnnx(registry, 2);
        HeavyPackages.RegisterEfCore(registry, 3);

        try
        {
            await using var app = await KestrelTestApp.StartAsync(
                builder =>
                {
                    builder.Services.AddSingleton(registry);
                    builder.Services.AddLazyLoading(options => options.MaxParallelism = 2);
                    builder.Services.AddHealthChecks().AddLazyLoadingHealthCheck();
                },
                web =>
                {
                    web.MapLazyLoadingStatus();
                    web.MapHealthChecks("/healthz");
                });

            var percentages = new List<double>();
            void Record(System.Text.Json.JsonElement status) => percentages.Add(Percentage(status));

            // Priority 1 is held open by the gate: the app must already serve its own endpoint.
            var level1 = await app.WaitForStatusAsync(s => State(s, "Gate.P1") == "Loading", Record);
            Assert.Equal("pong", await app.Client.GetStringAsync("/ping"));
            Assert.True(Percentage(level1) < 100, level1.ToString());
            AssertStates(level1, "NotLoaded", "Gate.P2", HeavyPackages.Onnx, HeavyPackages.EfCore);
            Assert.Equal("Degraded", await app.Client.GetStringAsync("/healthz"));
            Assert.False(app.Loader.Completion.IsCompleted);

            // Priority 2 starts only after every priority-1 package settled; priority 3 still waits.
            gate1.Set();
            var level2 = await app.WaitForStatusAsync(s => State(s, "Gate.P2") == "Loading", Record);
            AssertStates(level2, "Loaded", "Gate.P1", HeavyPackages.Magick);
            AssertStates(level2, "NotLoaded", HeavyPackages.EfCore);
            Assert.Equal("pong", await app.Client.GetStringAsync("/ping"));
            Assert.Equal("Healthy", await app.Client.GetStringAsync("/healthz"));

            gate2.Set();
            var done = await app.WaitForStatusAsync(s => Percentage(s) >= 100, Record);
            AssertStates(done, "Loaded", "Gate.P1", HeavyPackages.Magick, "Gate.P2", HeavyPackages.Onnx, HeavyPackages.EfCore);
            Assert.Equal(5, done.GetProperty("progress").GetProperty("loadedPackages").GetInt32());
            Assert.True(done.GetProperty("isReady").GetBoolean());
            foreach (var package in Packages(done))
            {
                Assert.Equal("background", package.GetProperty("trigger").GetString());
                Assert.True(package.GetProperty("loadTimeMs").GetDouble() > 0, package.ToString());
                Assert.Equal(System.Text.Json.JsonValueKind.Null, package.GetProperty("error").ValueKind);
            }

            Assert.Equal(3, Package(done, HeavyPackages.EfCore).GetProperty("priority").GetInt32());
            Assert.Contains("libonnxruntime.so", Package(done, HeavyPackages.Onnx).GetProperty("loadedNativeLibraries").EnumerateArray().Select(e => e.GetString()));

            // Progress only moves forward and ends at 100 %.
            Assert.Equal(percentages.OrderBy(p => p), percentages);
            Assert.Equal(100, percentages[^1]);

            await app.Loader.Completion;
            var lines = app.Logs.LoaderMessages;
            foreach (var name in new[] { "Gate.P1", HeavyPackages.Magick, "Gate.P2", HeavyPackages.Onnx, HeavyPackages.EfCore })
            {
                Assert.Single(lines, l => l.Contains($"package {name} (priority", StringComparison.Ordinal) && l.Contains(" loaded in ", StringComparison.Ordinal));
            }

            Assert.Contains(lines, l => l.Contains("5 loaded, 0 failed, 0 not present", StringComparison.Ordinal));
        }
        finally
        {
            gate1.Set();
            gate2.Set();
        }
    }

    [Fact]
    public async Task Packages_that_cannot_load_show_as_failed_with_reason_while_the_app_keeps_serving_degraded()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterNetVips(registry, 1);
        HeavyPackages.RegisterMissing(registry, 1);
        HeavyPackages.RegisterEfCore(registry, 2);

        await using var app = await KestrelTestApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(registry);

                // Attempt packages the app lacks too, so the missing assembly is a failure, not "not present".
                builder.Services.AddLazyLoading(options => options.SkipUnavailable = false);
                builder.Services.AddHealthChecks().AddLazyLoadingHealthCheck();
            },
            web =>
            {
                web.MapLazyLoadingStatus();
                web.MapHealthChecks("/healthz");
            });

        var done = await app.WaitForStatusAsync(AllSettled);
        AssertStates(done, "Failed", HeavyPackages.NetVips, HeavyPackages.Missing);
        Assert.Equal(33.3, Percentage(done));
        AssertStates(done, "Loaded", HeavyPackages.EfCore);
        Assert.Equal(2, done.GetProperty("progress").GetProperty("failedPackages").GetInt32());

        var vipsError = Error(done, HeavyPackages.NetVips);
        Assert.NotNull(vipsError);
        Assert.Contains("Lazy package 'NetVips' could not be loaded: warm-up failed", vipsError);
        Assert.Contains("DllNotFoundException", vipsError);
        Assert.Contains("libvips", vipsError);

        var missingError = Error(done, HeavyPackages.Missing);
        Assert.NotNull(missingError);
        Assert.Contains("assembly 'Contoso.NotInstalled'", missingError);

        // Healthy-but-degraded: the health endpoint answers 200 "Degraded" and the app keeps serving.
        using var health = await app.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        Assert.Equal("pong", await app.Client.GetStringAsync("/ping"));

        await app.Loader.Completion;
        var failures = app.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains(" failed after ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Message.Contains("package NetVips (priority 1)", StringComparison.Ordinal) && f.Message.Contains("libvips", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Message.Contains($"package {HeavyPackages.Missing} (priority 1)", StringComparison.Ordinal) && f.Message.Contains("FileNotFoundException", StringComparison.Ordinal));
        Assert.Contains(app.Logs.LoaderMessages, l => l.Contains("1 loaded, 2 failed, 0 not present", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registered_package_the_app_does_not_contain_is_not_present_degrades_health_and_is_logged_as_a_warning()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMissing(registry, 1);
        HeavyPackages.RegisterMagick(registry, 1);

        await using var app = await KestrelTestApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(registry);
                builder.Services.AddLazyLoading();
                builder.Services.AddHealthChecks().AddLazyLoadingHealthCheck();
            },
            web =>
            {
                web.MapLazyLoadingStatus();
                web.MapHealthChecks("/healthz");
            });

        var done = await app.WaitForStatusAsync(AllSettled);
        AssertStates(done, "NotPresent", HeavyPackages.Missing);
        AssertStates(done, "Loaded", HeavyPackages.Magick);
        Assert.Equal(50.0, Percentage(done));

        // The app registered it: its absence is a defect the health check and the log must show.
        Assert.Equal("Degraded", await app.Client.GetStringAsync("/healthz"));
        await app.Loader.Completion;
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains($"package {HeavyPackages.Missing} (priority 1) is registered or named by a lazy value but not present", StringComparison.Ordinal));
    }
}
