using System;
using System.Runtime.CompilerServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace LazyMigrate.Runtime.Benchmarks;

/// <summary>
/// The hot path: what a caller pays per access to a value that is already built, compared with
/// reading a field. Two groups (each with its own baseline, ratios are within a group):
/// <list type="bullet">
/// <item><b>Loop</b>: the access inlined into a loop of <see cref="Reads"/> reads (the per-access cost
/// is a fraction of a nanosecond, so one read per call would be lost in the call overhead). Every
/// read's result is consumed (<c>sum += x.Id</c>) so no read can be eliminated.</item>
/// <item><b>Call</b>: one call per access to a non-inlined static property getter, the shape the
/// code fixes generate (<c>static Heavy X =&gt; s_x.Get&lt;Heavy&gt;();</c>) when the JIT does not
/// inline it into the caller; compared with the same getter over a plain field.</item>
/// </list>
/// Why the baselines are what they are:
/// <list type="bullet">
/// <item><see cref="StaticField"/> (the baseline): a mutable static field read through
/// <see cref="Volatile.Read{T}(ref readonly T)"/>. On x64 that is an ordinary <c>mov</c>, the same
/// instruction as any field read; it only stops the JIT from hoisting the read out of the loop. Every
/// proxy (<see cref="LazyValue"/>, <see cref="LazyValue{T}"/>, <see cref="Lazy{T}"/>) reads its
/// state with acquire semantics, which the JIT cannot hoist either, so both sides really read memory
/// on every iteration.</item>
/// <item><see cref="InstanceFieldOfStaticHolder"/>: a mutable instance field of an object held in a
/// <c>static readonly</c> field: the same memory shape as the proxy (constant object → field → value)
/// without the "is it built, is it a T" check. The proxy's extra cost over this row is exactly the check.</item>
/// <item><see cref="HolderGetter"/> / <see cref="HolderGetter_GetterCall"/>: exactly what the LZM0001
/// code fix generates for class types with the runtime (docs/rules/LZM0001.md): the value in the
/// <c>static readonly</c> field of a nested <c>[LazyValueHolder]</c> class, initialized on the first
/// read (<c>XHolder.Value ?? s_x.Get&lt;Heavy&gt;()</c>). Once the holder is initialized, the tier-1 JIT
/// reads the field as a constant and drops the null check and the cold call, so the caller's loop is
/// a plain static read again.</item>
/// <item><see cref="CachedGetter"/> / <see cref="CachedGetter_GetterCall"/>: what the fix generates for
/// class types without the runtime's holder API or in a generic type: the getter reads a static cache
/// field of the value's own type first (<c>s_xValue ??= s_x.Get&lt;Heavy&gt;()</c>), so after the first
/// build an access is one field read and a null check.</item>
/// <item><see cref="GeneratedProperty"/> / <see cref="GeneratedProperty_GetterCall"/>: a
/// <c>[LazyValue] static partial</c> property implemented by the source generator (docs/generator.md), which
/// writes the holder shape above: it should cost what <see cref="HolderGetter"/> costs.</item>
/// <item><see cref="StaticReadonlyField_Hoistable"/>: the old baseline, a <c>static readonly</c> field
/// read with nothing preventing the JIT from treating it as a constant and hoisting it: the loop then
/// measures almost only the addition. Kept to show the best case a plain field can get, not as the
/// yardstick (no lazy value can be a JIT-time constant).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class AccessAfterLoadBenchmarks
{
    private const int Reads = 1000;
    private const string Loop = "Loop";
    private const string Call = "Call";

    private static readonly Service s_readonly = new();
    private static Service s_mutable = new();
    private static readonly Holder s_holder = new() { Service = new Service() };
    private static readonly Lazy<Service> s_lazy = new(() => new Service());
    private static readonly LazyValue s_lazyValue = new(CreateService);
    private static readonly LazyValue<Service> s_typedLazyValue = new(() => new Service());
    private static readonly LazyValue s_openClassValue = new(() => new OpenService());

    // The LZM0001 fix's output for a class type: proxy, cache field, [NoInlining] factory.
    private static readonly LazyValue s_generated = new(CreateGenerated);
    private static Service? s_generatedValue;

    // The LZM0001 fix's output for a class type with the runtime: proxy, holder class, [NoInlining] factory.
    private static readonly LazyValue s_held = new(CreateHeld);

    [GlobalSetup]
    public void Setup()
    {
        // Build every value once: these benchmarks measure access after load.
        _ = s_lazy.Value;
        _ = s_lazyValue.Get<Service>();
        _ = s_typedLazyValue.Value;
        _ = s_openClassValue.Get<OpenService>();
        _ = Generated;
        _ = Held;
        _ = GeneratedLazy;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int StaticField()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += PlainMutable.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int InstanceFieldOfStaticHolder()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += Volatile.Read(ref s_holder.Service)!.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int StaticReadonlyField_Hoistable()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += PlainReadonly.Id;
        }

        return sum;
    }

    /// <summary>The generated shape: a property getter over <see cref="LazyValue.Get{T}"/>, inlined.</summary>
    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int LazyValueGet()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += Proxied.Id;
        }

        return sum;
    }

    /// <summary>The generated shape for class types: the cached getter, inlined.</summary>
    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int CachedGetter()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += Generated.Id;
        }

        return sum;
    }

    /// <summary>The generated shape for class types with the runtime: the holder getter, inlined.</summary>
    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int HolderGetter()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += Held.Id;
        }

        return sum;
    }

    /// <summary>The [LazyValue] partial property the generator implements, inlined.</summary>
    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int GeneratedProperty()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += GeneratedLazy.Id;
        }

        return sum;
    }

    /// <summary>A non-sealed value type argument: the exact-type check still costs one compare.</summary>
    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int LazyValueGet_NonSealedType()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += s_openClassValue.Get<OpenService>().Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int TypedLazyValue()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += s_typedLazyValue.Value.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Loop)]
    public int LazyOfT()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += s_lazy.Value.Id;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Call)]
    public int StaticField_GetterCall()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += PlainMutableCall.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Call)]
    public int LazyValueGet_GetterCall()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += ProxiedCall.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Call)]
    public int CachedGetter_GetterCall()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += GeneratedCall.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Call)]
    public int HolderGetter_GetterCall()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += HeldCall.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Call)]
    public int GeneratedProperty_GetterCall()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += GeneratedLazyCall.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory(Call)]
    public int LazyOfT_GetterCall()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += LazyCall.Id;
        }

        return sum;
    }

    // The shapes the code fixes generate: a static property over the field.
    private static Service PlainReadonly => s_readonly;

    private static Service PlainMutable => Volatile.Read(ref s_mutable);

    private static Service Proxied => s_lazyValue.Get<Service>();

    private static Service Generated => s_generatedValue ??= s_generated.Get<Service>();

    // A failed first build leaves the holder's field null and every access asks the proxy.
    private static Service Held => HeldHolder.Value ?? s_held.Get<Service>();

    // The same getters when the JIT does not inline them into the caller. A call is opaque to the
    // JIT, so a plain read behind it is not hoisted either (no Volatile needed).
    private static Service PlainMutableCall
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => s_mutable;
    }

    private static Service ProxiedCall
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => s_lazyValue.Get<Service>();
    }

    private static Service GeneratedCall
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => s_generatedValue ??= s_generated.Get<Service>();
    }

    private static Service HeldCall
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => HeldHolder.Value ?? s_held.Get<Service>();
    }

    // The generated getter behind a call the JIT cannot inline (it inlines the generated getter into this one).
    private static Service GeneratedLazyCall
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => GeneratedLazy;
    }

    private static Service LazyCall
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => s_lazy.Value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateService() => new Service();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateGenerated() => new Service();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateHeld() => new Service();

    // The generator writes the getter, the lazy value, the factory wrapper and the holder. The package is
    // this assembly (the runtime binds a value to an assembly of the app by its name).
    [LazyValue("LazyMigrate.Runtime.Benchmarks")]
    private static partial Service GeneratedLazy { get; }

    private static Service CreateGeneratedLazy() => new Service();

    public class OpenService
    {
        public int Id { get; } = 7;
    }

    public sealed class Service
    {
        private static int s_next;

        public int Id { get; } = ++s_next;
    }

    [LazyValueHolder]
    private static class HeldHolder
    {
        // Initialized on the first read of Held; from then on the JIT reads it as a constant.
        public static readonly Service? Value = s_held.GetOrDefault<Service>();
    }

    private sealed class Holder
    {
        public Service? Service;
    }
}
