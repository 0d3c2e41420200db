using System.Threading;
using BenchmarkDotNet.Attributes;

namespace LazyMigrate.Runtime.Benchmarks;

/// <summary>
/// Every way to read a <see cref="LazyValue"/> after it was built, against a plain field read (the
/// baseline: a mutable static read through <see cref="Volatile.Read{T}(ref readonly T)"/>, an ordinary
/// <c>mov</c> the JIT cannot hoist out of the loop). Besides the exact type (the hot path), a base
/// type, an interface, <c>object</c> and a value whose factory returned null take the slower path;
/// none may allocate. Each benchmark reads <see cref="Reads"/> times and consumes every result.
/// </summary>
[MemoryDiagnoser]
public class AccessPathBenchmarks
{
    private const int Reads = 1000;

    private static Widget s_field = new();
    private static readonly LazyValue s_widget = new(static () => new Widget());
    private static readonly LazyValue s_null = new(static () => null!);

    [GlobalSetup]
    public void Setup()
    {
        _ = s_widget.Get<Widget>();
        _ = s_null.Get<Widget>();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    public int FieldRead()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += Volatile.Read(ref s_field).Size;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int ExactType()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += s_widget.Get<Widget>().Size;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int BaseType()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += s_widget.Get<WidgetBase>().Size;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int Interface()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += s_widget.Get<IWidget>().Size;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int Object()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += s_widget.Get<object>() is null ? 0 : 1;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int NullValue()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
        {
            sum += s_null.Get<IWidget>() is null ? 1 : 0;
        }

        return sum;
    }

    public interface IWidget
    {
        int Size { get; }
    }

    public abstract class WidgetBase : IWidget
    {
        public abstract int Size { get; }
    }

    public sealed class Widget : WidgetBase
    {
        public override int Size => 3;
    }
}
