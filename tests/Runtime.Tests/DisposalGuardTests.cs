using System;

namespace LazyMigrate.Runtime.Tests;

/// <summary>
/// <see cref="LazyValue.DisposalGuard"/> in the shapes the LZM0002 fix writes for a <c>using</c> of a heavy
/// object: the value is disposed at the end of the scope if and only if it was built, and never built for it.
/// </summary>
public sealed class DisposalGuardTests
{
    [Fact]
    public void Using_declaration_over_an_unused_value_builds_nothing_and_disposes_nothing()
    {
        var probe = new Probe();
        var value = new LazyValue(probe.Create);

        Scope(value, use: false);

        Assert.Equal(0, probe.Created);
        Assert.Equal(0, probe.Disposed);
        Assert.False(value.IsValueCreated);
    }

    [Fact]
    public void Using_declaration_over_a_used_value_disposes_it_once_at_the_end_of_the_scope()
    {
        var probe = new Probe();
        var value = new LazyValue(probe.Create);

        var disposedInScope = Scope(value, use: true);

        Assert.Equal(0, disposedInScope);
        Assert.Equal(1, probe.Created);
        Assert.Equal(1, probe.Disposed);
    }

    [Fact]
    public void Using_statement_disposes_the_value_when_its_body_built_it()
    {
        var probe = new Probe();
        var value = new LazyValue(probe.Create);

        using (value.DisposalGuard())
        {
            Assert.Equal(0, value.Get<Disposable>().Probe.Disposed);
        }

        Assert.Equal(1, probe.Disposed);

        var unused = new Probe();
        using (new LazyValue(unused.Create).DisposalGuard())
        {
        }

        Assert.Equal((0, 0), (unused.Created, unused.Disposed));
    }

    [Fact]
    public void A_failed_build_is_not_retried_or_disposed_and_the_guard_does_not_throw()
    {
        var calls = 0;
        var value = new LazyValue(() =>
        {
            calls++;
            throw new InvalidOperationException("no model");
        });

        using (value.DisposalGuard())
        {
            Assert.Throws<LazyLoadException>(() => value.Get<Disposable>());
        }

        Assert.Equal(1, calls);
        Assert.False(value.IsValueCreated);
    }

    [Fact]
    public void A_value_that_is_not_disposable_or_null_is_left_alone()
    {
        var plain = new LazyValue(() => new object());
        var empty = new LazyValue(() => null!);
        using (plain.DisposalGuard())
        using (empty.DisposalGuard())
        {
            _ = plain.Get<object>();
            Assert.Null(empty.Get<object>());
        }

        Assert.True(plain.IsValueCreated && empty.IsValueCreated);
    }

    [Fact]
    public void The_guard_allocates_nothing()
    {
        var probe = new Probe();
        var value = new LazyValue(probe.Create);
        _ = value.Get<Disposable>();
        Scope(value, use: true);   // JIT-compiles the path once

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Scope(value, use: true);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // The shape the fix writes in place of "using var x = new Heavy(..);": returns the disposals seen inside the scope.
    private static int Scope(LazyValue value, bool use)
    {
        using var xGuard = value.DisposalGuard();
        return use ? value.Get<Disposable>().Probe.Disposed : 0;
    }

    private sealed class Probe
    {
        public int Created { get; private set; }

        public int Disposed { get; set; }

        public object Create()
        {
            Created++;
            return new Disposable(this);
        }
    }

    private sealed class Disposable(Probe probe) : IDisposable
    {
        public Probe Probe { get; } = probe;

        public void Dispose() => Probe.Disposed++;
    }
}
