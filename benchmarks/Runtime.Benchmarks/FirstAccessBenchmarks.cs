using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace LazyMigrate.Runtime.Benchmarks;

/// <summary>
/// First access under contention: <see cref="Threads"/> workers (Parallel.For) ask a fresh
/// value at the same time; one factory runs, the others wait for it. Compared with <see cref="Lazy{T}"/>
/// (ExecutionAndPublication). Each invocation builds a new proxy, so allocation includes it.
/// </summary>
[MemoryDiagnoser]
public class FirstAccessBenchmarks
{
    [Params(8)]
    public int Threads { get; set; }

    [Benchmark(Baseline = true)]
    public object LazyOfT_FirstAccess()
    {
        var lazy = new Lazy<object>(() => new object(), LazyThreadSafetyMode.ExecutionAndPublication);
        return RunTogether(() => lazy.Value);
    }

    [Benchmark]
    public object LazyValue_FirstAccess()
    {
        var value = new LazyValue(static () => new object());
        return RunTogether(() => value.Get<object>());
    }

    [Benchmark]
    public object LazyValue_FirstAccess_SingleThread()
    {
        var value = new LazyValue(static () => new object());
        return value.Get<object>();
    }

    [GlobalSetup(Target = nameof(LazyValue_FirstAccess_NoSiteCapture))]
    public void DisableSiteCapture() => LazyLoading.CaptureFirstUseSites = false;

    [GlobalCleanup(Target = nameof(LazyValue_FirstAccess_NoSiteCapture))]
    public void EnableSiteCapture() => LazyLoading.CaptureFirstUseSites = true;

    /// <summary>Without the first-use stack walk (<see cref="LazyLoading.CaptureFirstUseSites"/> off).</summary>
    [Benchmark]
    public object LazyValue_FirstAccess_NoSiteCapture()
    {
        var value = new LazyValue(static () => new object());
        return RunTogether(() => value.Get<object>());
    }

    private object RunTogether(Func<object> access)
    {
        // Every worker reads the same fresh proxy; the harness cost is identical for both proxies.
        object? first = null;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ =>
        {
            var got = access();
            Interlocked.CompareExchange(ref first, got, null);
        });
        return first!;
    }
}
