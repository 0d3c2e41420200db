using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static LazyMigrate.AspNetCore.Tests.StatusJson;

namespace LazyMigrate.AspNetCore.Tests;

[Collection(KestrelCollection.Name)]
public sealed class ShutdownTests
{
    [Fact]
    public async Task Shutdown_during_loading_stops_without_waiting_for_the_running_load_and_leaves_no_unobserved_exceptions()
    {
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;

        using var gate = new ManualResetEventSlim();
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterGate(registry, "Gate.Shutdown", 1, gate);
        HeavyPackages.RegisterOnnx(registry, 2);
        HeavyPackages.RegisterEfCore(registry, 3);
        try
        {
            var app = await KestrelTestApp.StartAsync(
                builder =>
                {
                    builder.Services.AddSingleton(registry);
                    builder.Services.AddLazyLoading();
                },
                web => web.MapLazyLoadingStatus());

            await app.WaitForStatusAsync(s => State(s, "Gate.Shutdown") == "Loading");
            var loader = app.Loader;

            // The gate stays closed: a loader that waited for the running load would never finish.
            using var hostTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var stop = app.App.StopAsync(hostTimeout.Token);
            var finished = await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(50)));
            Assert.Same(stop, finished);
            await stop;
            Assert.False(hostTimeout.IsCancellationRequested, "StopAsync only finished because the host's shutdown token fired.");
            Assert.False(gate.IsSet);

            // Preloading was cancelled: no load of a later priority started.
            Assert.True(loader.Completion.IsCanceled);
            Assert.Equal(LazyPackageState.NotLoaded, registry.Get(HeavyPackages.Onnx).State);
            Assert.Equal(LazyPackageState.NotLoaded, registry.Get(HeavyPackages.EfCore).State);
            Assert.Contains(app.Logs.LoaderMessages, l => l.Contains("stopped by host shutdown", StringComparison.Ordinal));

            // Let the abandoned load finish, then make sure nothing faulted unobserved.
            gate.Set();
            await registry.Get("Gate.Shutdown").EnsureLoadedAsync();
            app.Client.Dispose();
            await app.App.DisposeAsync();
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            Assert.Empty(unobserved);
            Assert.Equal(LazyPackageState.NotLoaded, registry.Get(HeavyPackages.Onnx).State);
        }
        finally
        {
            gate.Set();
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }
}

[Collection(KestrelCollection.Name)]
public sealed class StartConditionTests
{
    [Fact]
    public async Task Nothing_loads_during_DelayAfterReady_and_shutdown_cancels_the_delay()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMagick(registry, 1);
        var app = await KestrelTestApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(registry);
                builder.Services.AddLazyLoading(options => options.DelayAfterReady = LazyLoadingOptions.MaxAllowedDelayAfterReady);
            },
            web => web.MapLazyLoadingStatus());

        var status = await app.GetStatusAsync();
        Assert.Equal("NotLoaded", State(status, HeavyPackages.Magick));
        Assert.True(status.GetProperty("isReady").GetBoolean());
        Assert.Equal("pong", await app.Client.GetStringAsync("/ping"));

        // A ten-minute delay: StopAsync returns well before it only if shutdown cancels it.
        using var hostTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await app.App.StopAsync(hostTimeout.Token);
        Assert.False(hostTimeout.IsCancellationRequested);
        Assert.True(app.Loader.Completion.IsCanceled);
        Assert.Equal(LazyPackageState.NotLoaded, registry.Get(HeavyPackages.Magick).State);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Disabled_preloading_loads_nothing_and_packages_still_load_on_first_access()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMagick(registry, 1);
        await using var app = await KestrelTestApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(registry);
                builder.Services.AddLazyLoading(options => options.Enabled = false);
            },
            web =>
            {
                web.MapLazyLoadingStatus();
                web.MapGet("/image", (LazyPackageRegistry packages) =>
                {
                    packages.Get(HeavyPackages.Magick).EnsureLoaded();
                    return "loaded";
                });
            });

        await app.Loader.Completion;
        Assert.Equal("NotLoaded", State(await app.GetStatusAsync(), HeavyPackages.Magick));
        Assert.Contains(app.Logs.LoaderMessages, l => l.Contains("disabled", StringComparison.Ordinal));

        Assert.Equal("loaded", await app.Client.GetStringAsync("/image"));
        var after = Package(await app.GetStatusAsync(), HeavyPackages.Magick);
        Assert.Equal("Loaded", after.GetProperty("state").GetString());

        // The trigger is the first-use call site (the endpoint), not "background".
        Assert.NotEqual("background", after.GetProperty("trigger").GetString());
    }
}
