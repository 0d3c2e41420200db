using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LazyMigrate.Runtime.Tests;

/// <summary>Background loading builds the lazy values bound to each package right after it loads.</summary>
public sealed class BackgroundValueBuildingTests
{
    /// <summary>Counts factory calls; a class so factories can capture it without capturing the test.</summary>
    private sealed class Calls
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int Add() => Interlocked.Increment(ref _count);
    }

    [Fact]
    public async Task Builds_every_kind_of_value_bound_to_a_package_without_any_access()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register("preload-all", 1, Array.Empty<string>());
        var exported = new Calls();
        var byObject = new Calls();
        var typed = new Calls();
        var async = new Calls();
        var unbound = new Calls();

        var export = package.Export(() => { exported.Add(); return new object(); });
        var value = new LazyValue(package, () => { byObject.Add(); return new StringBuilder("session"); });
        var typedValue = new LazyValue<StringBuilder>(package, () => { typed.Add(); return new StringBuilder("typed"); });
        var asyncValue = new AsyncLazyValue<string>(package, async _ => { await Task.Yield(); async.Add(); return "token"; });
        var unboundValue = new LazyValue(() => { unbound.Add(); return new object(); });

        await registry.StartBackgroundLoading().WaitOrFailAsync();

        Assert.True(package.IsLoaded);
        Assert.Equal("background", package.Trigger);
        Assert.True(export.IsValueCreated);
        Assert.True(value.IsValueCreated);
        Assert.True(typedValue.IsValueCreated);
        Assert.True(asyncValue.IsValueCreated);
        Assert.False(unboundValue.IsValueCreated);
        Assert.Equal(new[] { 1, 1, 1, 1, 0 }, new[] { exported.Count, byObject.Count, typed.Count, async.Count, unbound.Count });
        Assert.Equal("background", export.FirstUseSite);
        Assert.Equal("background", value.FirstUseSite);
        Assert.Equal("background", typedValue.Untyped.FirstUseSite);
        Assert.Equal("background", asyncValue.FirstUseSite);

        // The first real access finds the values built: no factory runs again.
        Assert.Equal("session", value.Get<StringBuilder>().ToString());
        Assert.Equal("typed", typedValue.Value.ToString());
        Assert.Equal("token", await asyncValue.GetValueAsync());
        Assert.NotNull(export.Value);
        Assert.Equal(new[] { 1, 1, 1, 1 }, new[] { exported.Count, byObject.Count, typed.Count, async.Count });
        Assert.Equal("background", value.FirstUseSite);
    }

    [Fact]
    public async Task A_value_declared_by_name_is_built_by_the_default_registry_and_nothing_is_resolved_at_declaration()
    {
        var name = TestSupport.UniqueName("Contoso.Preload");
        var calls = new Calls();
        var value = new LazyValue(name, () => { calls.Add(); return new object(); });

        // Declaration registered nothing (not even an implicit package) and left the value unbound.
        Assert.False(LazyPackageRegistry.Default.TryGet(name, out _));
        Assert.Null(value.Package);

        // A registry other than the default never builds it: a name resolves against the default registry.
        var other = new LazyPackageRegistry();
        var sameName = other.Register(name, 1, Array.Empty<string>());
        await other.StartBackgroundLoading().WaitOrFailAsync();
        Assert.True(sameName.IsLoaded);
        Assert.False(value.IsValueCreated);

        var package = LazyPackageRegistry.Default.Register(name, 2, Array.Empty<string>());
        await LazyPackageRegistry.Default.StartBackgroundLoading(new BackgroundLoadingOptions { Packages = new[] { name } }).WaitOrFailAsync();

        Assert.True(value.IsValueCreated);
        Assert.Equal(1, calls.Count);
        Assert.Same(package, value.Package);
        Assert.Equal("background", value.FirstUseSite);
        Assert.Equal("background", LazyPackageRegistry.Default.GetStatus().Packages.Single(p => p.Name == name).Trigger);
    }

    [Fact]
    public async Task Values_are_built_within_their_priority_level_and_a_first_access_joins_the_background_build()
    {
        var registry = new LazyPackageRegistry();
        var events = new ConcurrentQueue<string>();
        using var valueGate = new ManualResetEventSlim(false);
        using var valueStarted = new SemaphoreSlim(0);
        LazyPackage Add(string name, int priority) =>
            registry.Register(name, priority, Array.Empty<string>(), warmUp: () => events.Enqueue("load " + name));

        var a = Add("level1-a", 1);
        var b = Add("level1-b", 1);
        var c = Add("level2-c", 2);
        var slowCalls = new Calls();
        var slow = a.Export(() =>
        {
            slowCalls.Add();
            events.Enqueue("value level1-a");
            valueStarted.Release();
            valueGate.WaitOrFail();
            return new object();
        });
        var fromB = b.Export(() => { events.Enqueue("value level1-b"); return new object(); });
        var fromC = c.Export(() => { events.Enqueue("value level2-c"); return new object(); });

        try
        {
            var background = registry.StartBackgroundLoading(new BackgroundLoadingOptions { MaxParallelism = 2 });
            valueStarted.WaitOrFail();

            // The level is not done while one of its values is building: the next level has not started.
            var access = Task.Run(() => slow.Value);
            Assert.False(background.IsCompleted);
            Assert.Equal(LazyPackageState.NotLoaded, c.State);
            Assert.False(fromC.IsValueCreated);

            valueGate.Set();
            var accessed = await access.WaitAsync(TestSupport.Hang);
            await background.WaitOrFailAsync();

            // The first access waited for the background build and got its value: one factory call.
            Assert.Equal(1, slowCalls.Count);
            Assert.Same(slow.Value, accessed);
            Assert.Equal("background", slow.FirstUseSite);
            Assert.True(fromB.IsValueCreated);
            Assert.True(fromC.IsValueCreated);

            var order = events.ToArray();
            Assert.Equal(6, order.Length);
            Assert.Equal(
                new[] { "load level1-a", "load level1-b", "value level1-a", "value level1-b" },
                order.Take(4).OrderBy(e => e, StringComparer.Ordinal));
            Assert.True(Array.IndexOf(order, "load level1-a") < Array.IndexOf(order, "value level1-a"));
            Assert.True(Array.IndexOf(order, "load level1-b") < Array.IndexOf(order, "value level1-b"));
            Assert.Equal(new[] { "load level2-c", "value level2-c" }, order.Skip(4));
        }
        finally
        {
            valueGate.Set();
        }
    }

    [Fact]
    public async Task A_factory_failure_in_the_background_does_not_stop_the_job_and_the_next_access_follows_the_retry_policy()
    {
        var registry = new LazyPackageRegistry();
        var models = registry.Register("models", 1, Array.Empty<string>());
        var storage = registry.Register("storage", 2, Array.Empty<string>());
        var stickyCalls = new Calls();
        var retryCalls = new Calls();

        // Both factories fail on their first call only (a transient failure).
        var sticky = models.Export(() => stickyCalls.Add() == 1 ? throw new InvalidOperationException("model file locked") : new object());
        sticky.RetryDelay = Timeout.InfiniteTimeSpan;
        var retrying = models.Export(() => retryCalls.Add() == 1 ? throw new InvalidOperationException("model file locked") : new object());
        retrying.RetryDelay = TimeSpan.Zero;
        var later = storage.Export(() => new object());

        var background = registry.StartBackgroundLoading();
        await background.WaitOrFailAsync();

        Assert.True(background.IsCompletedSuccessfully);
        Assert.True(later.IsValueCreated);
        var status = registry.GetStatus();
        Assert.Equal(2, status.Progress.LoadedPackages);
        Assert.Equal(0, status.Progress.FailedPackages);

        // The failure is the value's, recorded as a first-access failure would be.
        Assert.False(sticky.IsValueCreated);
        Assert.False(retrying.IsValueCreated);
        Assert.Equal(1, stickyCalls.Count);
        Assert.Equal(1, retryCalls.Count);

        // Within the retry delay (here: never over) the next access reports the same failure, with the background trigger.
        var error = Assert.Throws<LazyLoadException>(() => sticky.Value);
        Assert.Equal("models", error.PackageName);
        Assert.Equal("factory", error.FailedComponent);
        Assert.Equal("background", error.FirstUseSite);
        Assert.Contains("model file locked", error.InnerException!.Message);
        Assert.Equal(1, stickyCalls.Count);
        Assert.True(sticky.Reset());
        Assert.NotNull(sticky.Value);
        Assert.Equal(2, stickyCalls.Count);

        // With a zero retry delay the next access retries at once.
        Assert.NotNull(retrying.Value);
        Assert.Equal(2, retryCalls.Count);
    }

    [Fact]
    public async Task Cancellation_stops_building_values_and_the_next_levels()
    {
        var registry = new LazyPackageRegistry();
        using var loadGate = new ManualResetEventSlim(false);
        using var loadStarted = new SemaphoreSlim(0);
        var first = registry.Register("cancel-first", 1, Array.Empty<string>(), warmUp: () =>
        {
            loadStarted.Release();
            loadGate.WaitOrFail();
        });
        var second = registry.Register("cancel-second", 2, Array.Empty<string>());
        var firstCalls = new Calls();
        var secondCalls = new Calls();
        var fromFirst = first.Export(() => { firstCalls.Add(); return new object(); });
        var fromSecond = second.Export(() => { secondCalls.Add(); return new object(); });
        using var cancel = new CancellationTokenSource();

        try
        {
            var background = registry.StartBackgroundLoading(cancellationToken: cancel.Token);
            loadStarted.WaitOrFail();
            cancel.Cancel();
            loadGate.Set();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => background.WaitAsync(TestSupport.Hang));
            Assert.True(background.IsCanceled);
        }
        finally
        {
            loadGate.Set();
        }

        // The running load completed, but no value was built after the cancellation; the next level never started.
        await first.EnsureLoadedAsync().WaitOrFailAsync();
        Assert.True(first.IsLoaded);
        Assert.False(fromFirst.IsValueCreated);
        Assert.Equal(LazyPackageState.NotLoaded, second.State);
        Assert.False(fromSecond.IsValueCreated);
        Assert.Equal(0, firstCalls.Count);
        Assert.Equal(0, secondCalls.Count);

        // Values still build normally on first access.
        Assert.NotNull(fromFirst.Value);
        Assert.Equal(1, firstCalls.Count);
    }

    /// <summary>An object with a per-instance lazy value whose factory refers back to its owner (a connection per object).</summary>
    private sealed class Owner
    {
        public Owner(LazyPackage package, Calls calls)
        {
            Connection = new LazyValue(package, () =>
            {
                calls.Add();
                return Open();
            });
        }

        public LazyValue Connection { get; }

        private object Open() => new StringBuilder(GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference DeclareOwner(LazyPackage package, Calls calls) => new(new Owner(package, calls));

    [Fact]
    public async Task Instance_values_are_collectable_with_their_owner_and_a_collected_one_is_skipped()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register("per-object", 1, Array.Empty<string>());
        var deadCalls = new Calls();
        var liveCalls = new Calls();
        var dead = DeclareOwner(package, deadCalls);
        var live = new Owner(package, liveCalls);

        // The tracking list holds values weakly: nothing keeps the owner (or its value) alive.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(dead.IsAlive, "the background-loading tracking kept a collected owner's lazy value alive");

        await registry.StartBackgroundLoading().WaitOrFailAsync();

        Assert.Equal(0, deadCalls.Count);
        Assert.Equal(1, liveCalls.Count);
        Assert.True(live.Connection.IsValueCreated);
        GC.KeepAlive(live);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference DeclareDropped(LazyPackage package, Calls calls) => new(package.Export(() => { calls.Add(); return new object(); }));

    [Fact]
    public async Task Values_declared_concurrently_are_all_tracked_and_collected_ones_are_unlinked_between_live_ones()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register("many", 1, Array.Empty<string>());
        var keptCalls = new Calls();
        var droppedCalls = new Calls();
        const int Threads = 4;
        const int PerThread = 250;

        // Lock-free pushes from several threads, live and soon-dead values interleaved.
        var declared = TestSupport.RunTogether(Threads, _ =>
        {
            var kept = new LazyValue[PerThread];
            var dropped = new WeakReference[PerThread];
            for (var i = 0; i < PerThread; i++)
            {
                kept[i] = package.Export(() => { keptCalls.Add(); return new object(); });
                dropped[i] = DeclareDropped(package, droppedCalls);
            }

            return (kept, dropped);
        });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.All(declared.SelectMany(d => d.dropped), w => Assert.False(w.IsAlive));

        // A first walk (for another package) unlinks the dead nodes; the walk for "many" then must still see every live one.
        registry.Register("walker", 1, Array.Empty<string>());
        await registry.StartBackgroundLoading(new BackgroundLoadingOptions { Packages = new[] { "walker" } }).WaitOrFailAsync();
        Assert.Equal(0, keptCalls.Count);

        await registry.StartBackgroundLoading().WaitOrFailAsync();
        var kept = declared.SelectMany(d => d.kept).ToArray();
        Assert.Equal(Threads * PerThread, kept.Length);
        Assert.All(kept, v => Assert.True(v.IsValueCreated));
        Assert.Equal(Threads * PerThread, keptCalls.Count);
        Assert.Equal(0, droppedCalls.Count);

        // A second pass walks the list the first one pruned: nothing is built twice.
        await registry.StartBackgroundLoading().WaitOrFailAsync();
        Assert.Equal(Threads * PerThread, keptCalls.Count);
    }

    [Fact]
    public async Task A_package_loaded_by_a_first_access_still_gets_its_other_values_built()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register("half-used", 1, Array.Empty<string>());
        var used = package.Export(() => new object());
        var otherCalls = new Calls();
        var other = package.Export(() => { otherCalls.Add(); return new object(); });

        Assert.NotNull(used.Value);
        Assert.True(package.IsLoaded);
        Assert.False(other.IsValueCreated);

        await registry.StartBackgroundLoading().WaitOrFailAsync();

        Assert.True(other.IsValueCreated);
        Assert.Equal(1, otherCalls.Count);
        Assert.Equal("background", other.FirstUseSite);
        Assert.NotEqual("background", used.FirstUseSite);
    }

    [Fact]
    public async Task With_BuildValues_off_only_packages_load_and_unbound_values_are_never_built()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register("load-only", 1, Array.Empty<string>());
        var boundCalls = new Calls();
        var unboundCalls = new Calls();
        var bound = package.Export(() => { boundCalls.Add(); return new object(); });
        var unbound = new LazyValue(() => { unboundCalls.Add(); return new object(); });
        var unboundTyped = new LazyValue<int>(() => { unboundCalls.Add(); return 42; });

        await registry.StartBackgroundLoading(new BackgroundLoadingOptions { BuildValues = false }).WaitOrFailAsync();

        Assert.True(package.IsLoaded);
        Assert.False(bound.IsValueCreated);
        Assert.Equal(0, boundCalls.Count);

        await registry.StartBackgroundLoading().WaitOrFailAsync();

        Assert.True(bound.IsValueCreated);
        Assert.Equal(1, boundCalls.Count);
        Assert.False(unbound.IsValueCreated);
        Assert.False(unboundTyped.IsValueCreated);
        Assert.Equal(0, unboundCalls.Count);
        Assert.True(new BackgroundLoadingOptions().BuildValues);
    }
}
