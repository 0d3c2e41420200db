using System;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace LazyMigrate.Runtime.Benchmarks;

/// <summary>
/// One access per benchmark call (BenchmarkDotNet subtracts its own call overhead). Unlike the
/// loop in <see cref="AccessAfterLoadBenchmarks"/>, where the JIT hoists the plain field read out
/// of the loop, every read here really happens once per operation.
/// </summary>
[MemoryDiagnoser]
public class SingleAccessBenchmarks
{
    private static readonly object s_plain = new Service();
    private static readonly Lazy<Service> s_lazy = new(() => new Service());
    private static readonly LazyValue s_lazyValue = new(CreateService);

    [GlobalSetup]
    public void Setup()
    {
        _ = s_lazy.Value;
        _ = s_lazyValue.Get<Service>();
    }

    [Benchmark(Baseline = true)]
    public Service StaticField() => (Service)s_plain;

    [Benchmark]
    public Service LazyValueGet() => s_lazyValue.Get<Service>();

    [Benchmark]
    public Service LazyOfT() => s_lazy.Value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateService() => new Service();

    public sealed class Service
    {
    }
}
