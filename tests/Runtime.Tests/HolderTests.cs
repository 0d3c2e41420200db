using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LazyMigrate.Runtime.Tests;

/// <summary>
/// The holder shape the LZM0001 fix generates for heavy class types (docs/rules/LZM0001.md):
/// <c>X => XHolder.Value ?? s_x.Get&lt;T&gt;()</c> with a nested <c>[LazyValueHolder]</c> class whose
/// static readonly field is <c>s_x.GetOrDefault&lt;T&gt;()</c>. Each test owns its holder classes
/// (type initialization is process-wide).
/// </summary>
public sealed class HolderTests
{
    [Fact]
    public void GetOrDefault_returns_the_value_or_default_on_failure_and_records_the_failure_for_Get()
    {
        var fail = true;
        var calls = 0;
        var value = new LazyValue(() =>
        {
            calls++;
            return fail ? throw new InvalidOperationException("transient outage") : "recovered";
        })
        {
            RetryDelay = Timeout.InfiniteTimeSpan,
        };

        Assert.Null(value.GetOrDefault<string>());
        Assert.Equal(1, calls);

        // The failure is not lost: Get reports it (no new attempt) until the retry policy allows one.
        var error = Assert.Throws<LazyLoadException>(() => value.Get<string>());
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Null(value.GetOrDefault<string>());
        Assert.Equal(1, calls);

        fail = false;
        Assert.True(value.Reset());
        Assert.Equal("recovered", value.GetOrDefault<string>());
        Assert.Same(value.Get<string>(), value.GetOrDefault<string>());
        Assert.Equal(2, calls);

        // A wrong type is a programming error, not a load failure: it is not swallowed.
        Assert.Throws<InvalidCastException>(() => value.GetOrDefault<Uri>());
    }

    [Fact]
    public void Holder_caches_the_built_value_and_its_first_use_site_is_the_getter_not_the_holder()
    {
        var first = Working.Value;
        Assert.Same(first, Working.Value);
        Assert.Same(first, Working.Proxy.Get<Payload>());
        Assert.Equal(1, Working.Calls);

        // The build ran inside ValueHolder's static constructor, which the runtime skips.
        Assert.Matches(@"^LazyMigrate\.Runtime\.Tests\.HolderTests\+Working\.get_Value in .*HolderTests\.cs:\d+$", Working.Proxy.FirstUseSite);
    }

    [Fact]
    public void Static_constructor_of_an_unmarked_holder_is_reported_as_the_first_use_site()
    {
        // The control for the test above: without [LazyValueHolder] the holder's static constructor is the first user frame.
        _ = Unmarked.Value;
        Assert.Contains("HolderTests+Unmarked+ValueHolder..cctor", Unmarked.Proxy.FirstUseSite);
    }

    [Fact]
    public void Failed_build_leaves_the_holder_empty_so_the_getter_reports_the_failure_and_retries_per_policy()
    {
        // The holder's static constructor does not throw (that would be a TypeInitializationException
        // for the life of the process): the getter falls back to the proxy, which reports the failure.
        var error = Assert.Throws<LazyLoadException>(() => Failing.Value);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(1, Failing.Calls);
        Assert.Matches(@"^LazyMigrate\.Runtime\.Tests\.HolderTests\+Failing\.get_Value in .*HolderTests\.cs:\d+$", error.FirstUseSite);

        // Until the retry delay passed (infinite here) or Reset, the same failure is reported without a new attempt.
        Assert.Same(error, Assert.Throws<LazyLoadException>(() => Failing.Value));
        Assert.Equal(1, Failing.Calls);

        // After Reset the next access retries through the proxy and succeeds; the holder stays empty,
        // so later accesses keep asking the proxy, which returns the same instance.
        Failing.Fail = false;
        Assert.True(Failing.Proxy.Reset());
        var value = Failing.Value;
        Assert.Same(value, Failing.Value);
        Assert.Equal(2, Failing.Calls);
    }

    private sealed class Payload
    {
    }

    private static class Working
    {
        public static int Calls;

        public static readonly LazyValue Proxy = new(Create);

        public static Payload Value
        {
            // Not inlined, so the stack shows the getter whatever the JIT mode.
            [MethodImpl(MethodImplOptions.NoInlining)]
            get => ValueHolder.Value ?? Proxy.Get<Payload>();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static object Create()
        {
            Calls++;
            return new Payload();
        }

        [LazyValueHolder]
        private static class ValueHolder
        {
            public static readonly Payload? Value = Proxy.GetOrDefault<Payload>();
        }
    }

    private static class Unmarked
    {
        public static readonly LazyValue Proxy = new(() => new Payload());

        public static Payload Value
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            get => ValueHolder.Value ?? Proxy.Get<Payload>();
        }

        private static class ValueHolder
        {
            public static readonly Payload? Value = Proxy.GetOrDefault<Payload>();
        }
    }

    private static class Failing
    {
        public static bool Fail = true;
        public static int Calls;

        public static readonly LazyValue Proxy = new(Create) { RetryDelay = Timeout.InfiniteTimeSpan };

        public static Payload Value
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            get => ValueHolder.Value ?? Proxy.Get<Payload>();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static object Create()
        {
            Calls++;
            return Fail ? throw new InvalidOperationException("outage") : new Payload();
        }

        [LazyValueHolder]
        private static class ValueHolder
        {
            public static readonly Payload? Value = Proxy.GetOrDefault<Payload>();
        }
    }
}
