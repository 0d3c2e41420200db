using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LazyMigrate.Runtime.Tests;

public sealed class BackgroundLoadingTests
{
    /// <summary>Test packages whose warm-up announces its start and then blocks on a gate.</summary>
    private sealed class GatedPackages : IDisposable
    {
        public readonly LazyPackageRegistry Registry = new();
        public readonly ConcurrentQueue<string> Started = new();
        public readonly SemaphoreSlim StartSignal = new(0);
        public readonly Dictionary<string, ManualResetEventSlim> Gates = new();
        public readonly ConcurrentDictionary<string, int> WarmUps = new();

        public LazyPackage Add(string name, int priority, bool gated)
        {
            var gate = new ManualResetEventSlim(!gated);
            Gates[name] = gate;
            return Registry.Register(name, priority, Array.Empty<string>(), warmUp: () =>
            {
                WarmUps.AddOrUpdate(name, 1, (_, n) => n + 1);
                Started.Enqueue(name);
                StartSignal.Release();
                gate.WaitOrFail();
            });
        }

        public void Dispose()
        {
            foreach (var gate in Gates.Values)
            {
                gate.Set();
            }
        }
    }

    [Fact]
    public async Task Loads_by_priority_level_with_bounded_parallelism_and_a_first_access_joins_the_running_load()
    {
        using var packages = new GatedPackages();
        var p1 = new[] { "p1a", "p1b", "p1c" }.Select(n => packages.Add(n, 1, gated: true)).ToArray();
        var p2 = packages.Add("p2a", 2, gated: false);
        var p3 = packages.Add("p3a", 3, gated: false);
        var absent = packages.Registry.Register("absent", 2, new[] { "Contoso.Absent.Assembly" });

        var background = packages.Registry.StartBackgroundLoading(new BackgroundLoadingOptions { MaxParallelism = 2 });

        // Two priority-1 loads run; nothing else can start while their gates are closed.
        packages.StartSignal.WaitOrFail();
        packages.StartSignal.WaitOrFail();
        Assert.False(background.IsCompleted);
        var running = packages.Started.ToArray();
        Assert.Equal(2, running.Length);
        Assert.All(running, name => Assert.StartsWith("p1", name));

        var during = packages.Registry.GetStatus();
        Assert.Equal(6, during.Progress.TotalPackages);
        Assert.Equal(2, during.Progress.LoadingPackages);
        Assert.Equal(0, during.Progress.LoadedPackages);
        foreach (var name in running)
        {
            var status = during.Packages.Single(p => p.Name == name);
            Assert.Equal(LazyPackageState.Loading, status.State);
            Assert.Equal("background", status.Trigger);
            Assert.NotNull(status.LoadTimeMs);
        }

        Assert.Equal(LazyPackageState.NotLoaded, during.Packages.Single(p => p.Name == "p2a").State);
        Assert.Equal(LazyPackageState.NotLoaded, during.Packages.Single(p => p.Name == "p3a").State);

        // A first access to a package that is loading in the background waits for that same load.
        var joined = p1.Single(p => p.Name == running[0]);
        var access = Task.Run(() => joined.EnsureLoaded());

        // Finish the other priority-1 loads (the third starts when a slot frees up).
        var others = p1.Where(p => p != joined).Select(p => p.Name).ToArray();
        packages.Gates[others[0]].Set();
        packages.Gates[others[1]].Set();
        packages.StartSignal.WaitOrFail();
        Assert.Equal(3, packages.Started.Count);
        Assert.False(access.IsCompleted, "the first access must wait for the running background load");

        packages.Gates[joined.Name].Set();
        await access.WaitOrFailAsync();
        await background.WaitOrFailAsync();

        Assert.Equal(1, packages.WarmUps[joined.Name]);
        Assert.All(packages.WarmUps.Values, n => Assert.Equal(1, n));

        // Level order: all of priority 1, then 2, then 3; the absent package never ran.
        var order = packages.Started.ToArray();
        Assert.Equal(new[] { "p1a", "p1b", "p1c" }, order.Take(3).OrderBy(n => n));
        Assert.Equal(new[] { "p2a", "p3a" }, order.Skip(3));

        var after = packages.Registry.GetStatus();
        Assert.Equal(5, after.Progress.LoadedPackages);
        Assert.Equal(0, after.Progress.FailedPackages);
        Assert.Equal(0, after.Progress.LoadingPackages);
        Assert.Equal(1, after.Progress.NotPresentPackages);

        // The app registered "absent" itself: its absence is not progress.
        Assert.Equal(Math.Round(100.0 * 5 / 6, 1), after.Progress.Percentage);
        Assert.Equal(LazyPackageState.NotPresent, absent.State);
        Assert.Null(after.Packages.Single(p => p.Name == "absent").Error);
        Assert.All(after.Packages.Where(p => p.State == LazyPackageState.Loaded), p =>
        {
            Assert.Equal("background", p.Trigger);
            Assert.NotNull(p.LoadTimeMs);
        });
        Assert.True(p2.IsLoaded);
        Assert.True(p3.IsLoaded);
    }

    [Fact]
    public async Task Cancellation_stops_before_the_next_priority_level()
    {
        using var packages = new GatedPackages();
        var first = packages.Add("first", 1, gated: true);
        var second = packages.Add("second", 2, gated: false);
        using var cancel = new CancellationTokenSource();

        var background = packages.Registry.StartBackgroundLoading(cancellationToken: cancel.Token);
        packages.StartSignal.WaitOrFail();
        cancel.Cancel();
        packages.Gates["first"].Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => background.WaitAsync(TestSupport.Hang));
        Assert.True(background.IsCanceled);

        // The load that was running completes (a type load cannot be aborted); the next level never starts.
        await first.EnsureLoadedAsync().WaitOrFailAsync();
        Assert.Equal(LazyPackageState.Loaded, first.State);
        Assert.Equal(LazyPackageState.NotLoaded, second.State);
        Assert.False(packages.WarmUps.ContainsKey("second"));
    }

    [Fact]
    public async Task Failures_show_in_status_and_do_not_fault_the_background_task()
    {
        var registry = new LazyPackageRegistry();
        var broken = registry.Register("broken", 1, Array.Empty<string>(), warmUp: () => throw new InvalidOperationException("codec table corrupt"));
        var fine = registry.Register("fine", 2, Array.Empty<string>());

        await registry.StartBackgroundLoading().WaitOrFailAsync();

        var status = registry.GetStatus();
        Assert.Equal(1, status.Progress.FailedPackages);
        Assert.Equal(1, status.Progress.LoadedPackages);
        var failed = status.Packages.Single(p => p.Name == "broken");
        Assert.Equal(LazyPackageState.Failed, failed.State);
        Assert.Contains("codec table corrupt", failed.Error);
        Assert.Equal("background", failed.Trigger);
        Assert.True(fine.IsLoaded);

        // A later first access reports the background failure (same message) within the retry delay.
        var error = Assert.Throws<LazyLoadException>(() => broken.EnsureLoaded());
        Assert.Equal(failed.Error, error.Message);
        Assert.Equal("background", error.FirstUseSite);
    }

    [Fact]
    public async Task Options_filter_packages_and_priorities()
    {
        var registry = new LazyPackageRegistry();
        var a = registry.Register("a", 1, Array.Empty<string>());
        var b = registry.Register("b", 2, Array.Empty<string>());
        var c = registry.Register("c", 3, Array.Empty<string>());

        await registry.StartBackgroundLoading(new BackgroundLoadingOptions { Packages = new[] { "A", "c" }, Priorities = new[] { 3 } }).WaitOrFailAsync();

        Assert.False(a.IsLoaded);
        Assert.False(b.IsLoaded);
        Assert.True(c.IsLoaded);
        // Bad options fail synchronously, before any work starts.
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = registry.StartBackgroundLoading(new BackgroundLoadingOptions { MaxParallelism = 0 }); });
    }

    [Fact]
    public void Status_serializes_to_camel_case_json_with_string_states_and_round_trips()
    {
        var registry = new LazyPackageRegistry();
        registry.Register("loaded-one", 1, Array.Empty<string>()).EnsureLoaded();
        registry.Register("waiting-one", 3, new[] { "Contoso.Waiting" }, new[] { "contoso_native" });

        var status = registry.GetStatus();
        var json = status.ToJson();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal(2, root.GetProperty("progress").GetProperty("totalPackages").GetInt32());
        Assert.Equal(1, root.GetProperty("progress").GetProperty("loadedPackages").GetInt32());
        Assert.Equal(50.0, root.GetProperty("progress").GetProperty("percentage").GetDouble());
        var packages = root.GetProperty("packages").EnumerateArray().ToArray();
        Assert.Equal("loaded-one", packages[0].GetProperty("name").GetString());
        Assert.Equal("Loaded", packages[0].GetProperty("state").GetString());
        Assert.Contains(nameof(Status_serializes_to_camel_case_json_with_string_states_and_round_trips), packages[0].GetProperty("trigger").GetString());
        Assert.Equal("NotLoaded", packages[1].GetProperty("state").GetString());
        Assert.Equal(3, packages[1].GetProperty("priority").GetInt32());
        Assert.Equal("Contoso.Waiting", packages[1].GetProperty("assemblies")[0].GetString());

        var back = JsonSerializer.Deserialize(json, LazyLoadingJsonContext.Default.LazyLoadingStatus)!;
        Assert.Equal(status.Progress.TotalPackages, back.Progress.TotalPackages);
        Assert.Equal(LazyPackageState.Loaded, back.Packages[0].State);
        Assert.Equal(status.Packages[0].LoadTimeMs, back.Packages[0].LoadTimeMs);
    }

    [Fact]
    public void Default_registry_is_pre_registered_from_the_catalog_with_priorities()
    {
        var packages = LazyPackageRegistry.Default.Packages.Where(p => p.IsBuiltIn).ToArray();

        Assert.Equal(Catalog.HeavyPackageCatalog.All.Count, packages.Length);
        foreach (var entry in Catalog.HeavyPackageCatalog.All)
        {
            var package = LazyPackageRegistry.Default.Get(entry.Name);
            Assert.Equal(entry.Priority, package.Priority);
            Assert.Equal(entry.Assemblies, package.Assemblies);
        }

        var error = Assert.Throws<KeyNotFoundException>(() => LazyPackageRegistry.Default.Get("Contoso.Unknown"));
        Assert.Contains("Magick.NET", error.Message);
    }
}
