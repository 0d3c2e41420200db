using System;
using System.Linq;
using System.Threading;

namespace LazyMigrate.Runtime.Tests;

public sealed class LazyValueTests
{
    [Fact]
    public void Single_build_under_contention_64_threads_many_rounds()
    {
        const int threads = 64;
        const int rounds = 60;
        var calls = new int[rounds];
        var values = Enumerable.Range(0, rounds).Select(r => new LazyValue(() =>
        {
            Interlocked.Increment(ref calls[r]);
            Thread.SpinWait(2000); // widen the race window
            return new object();
        })).ToArray();

        var seen = new object[rounds, threads];
        using var barrier = new Barrier(threads);
        TestSupport.RunTogether(threads, t =>
        {
            for (var r = 0; r < rounds; r++)
            {
                barrier.SignalAndWait();
                seen[r, t] = values[r].Get<object>();
            }

            return 0;
        });

        for (var r = 0; r < rounds; r++)
        {
            Assert.Equal(1, calls[r]);
            for (var t = 0; t < threads; t++)
            {
                Assert.Same(seen[r, 0], seen[r, t]);
            }
        }
    }

    [Fact]
    public void Package_bound_value_loads_the_package_once_then_builds_once_under_contention()
    {
        var registry = new LazyPackageRegistry();
        var warmUps = 0;
        var package = registry.Register(TestSupport.UniqueName("Contention"), 1, Array.Empty<string>(), warmUp: () => Interlocked.Increment(ref warmUps));
        var factoryCalls = 0;
        var value = package.Export(() =>
        {
            Assert.True(package.IsLoaded, "the package loads before the factory runs");
            Interlocked.Increment(ref factoryCalls);
            return new object();
        });

        var results = TestSupport.RunTogether(64, _ => value.Get<object>());

        Assert.Equal(1, warmUps);
        Assert.Equal(1, factoryCalls);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal(LazyPackageState.Loaded, package.State);
    }

    [Fact]
    public void Get_returns_the_typed_value_and_rejects_a_wrong_type_naming_the_declaration()
    {
        var value = new LazyValue(() => "text"); var line = TestSupport.Line();

        Assert.Equal("text", value.Get<string>());
        Assert.Equal("text", value.Value);
        Assert.True(value.IsValueCreated);
        var error = Assert.Throws<InvalidCastException>(() => value.Get<Uri>());
        Assert.Contains($"LazyValueTests.cs:{line}", error.Message);
        Assert.Contains("System.String", error.Message);
    }

    [Fact]
    public void Get_accepts_base_types_and_interfaces_of_the_value()
    {
        var value = new LazyValue(() => new InvalidOperationException("boom"));

        Assert.Equal("boom", value.Get<InvalidOperationException>().Message);
        Assert.Equal("boom", value.Get<Exception>().Message);
        Assert.NotNull(value.Get<System.Runtime.Serialization.ISerializable>());
        Assert.Same(value.Get<object>(), value.Get<Exception>());
    }

    [Fact]
    public void Access_after_the_build_allocates_nothing()
    {
        var value = new LazyValue(() => new Payload());
        var typed = new LazyValue<Payload>(() => new Payload());

        // The first round builds the values and JIT-compiles the loop; the second is measured.
        SumReads(value, typed);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = SumReads(value, typed);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_000 * 2 * Payload.Weight, sum);
    }

    [Fact]
    public void Access_after_the_build_as_a_base_type_an_interface_object_or_of_a_null_value_allocates_nothing()
    {
        var widget = new LazyValue(() => new Widget2());
        var nothing = new LazyValue(() => null!);

        // The first round builds the values and JIT-compiles the loop; the second is measured.
        ReadEveryWay(widget, nothing);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = ReadEveryWay(widget, nothing);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_000 * (Widget2.Weight + Widget2.Weight + 1 + 1), sum);
    }

    private static int ReadEveryWay(LazyValue widget, LazyValue nothing)
    {
        var sum = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += widget.Get<IWidget>().Size;
            sum += widget.Get<WidgetBase>().Size;
            sum += widget.Get<object>() is Widget2 ? 1 : 0;
            sum += nothing.Get<IWidget>() is null ? 1 : 0;
        }

        return sum;
    }

    private interface IWidget
    {
        int Size { get; }
    }

    private abstract class WidgetBase : IWidget
    {
        public abstract int Size { get; }
    }

    private sealed class Widget2 : WidgetBase
    {
        public const int Weight = 5;

        public override int Size => Weight;
    }

    private static int SumReads(LazyValue value, LazyValue<Payload> typed)
    {
        var sum = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += value.Get<Payload>().Size + typed.Value.Size;
        }

        return sum;
    }

    private sealed class Payload
    {
        public const int Weight = 3;

        public int Size { get; } = Weight;
    }

    [Fact]
    public void Factory_returning_null_is_built_once_and_yields_null()
    {
        var calls = 0;
        var value = new LazyValue(() =>
        {
            calls++;
            return null!;
        });

        Assert.False(value.IsValueCreated);
        Assert.Null(value.Get<string>());
        Assert.Null(value.Value);
        Assert.Equal(0, value.Get<int>());
        Assert.True(value.IsValueCreated);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Declaration_and_first_use_sites_are_recorded()
    {
        var value = new LazyValue(() => new object()); var line = TestSupport.Line();

        Assert.EndsWith($"LazyValueTests.cs:{line} ({nameof(Declaration_and_first_use_sites_are_recorded)})", value.DeclarationSite);
        Assert.Null(value.FirstUseSite);
        _ = value.Value;
        Assert.Contains($"{nameof(LazyValueTests)}.{nameof(Declaration_and_first_use_sites_are_recorded)}", value.FirstUseSite);
        Assert.Contains("LazyValueTests.cs:", value.FirstUseSite);
    }

    [Fact]
    public void Select_derives_a_sub_export_from_a_parent_value()
    {
        var parentCalls = 0;
        var torch = new LazyValue(() =>
        {
            parentCalls++;
            return new Uri("https://example.org/nn/functional");
        });
        var nn = torch.Select(root => ((Uri)root!).Segments[1]);
        var functional = torch.Select(root => ((Uri)root!).Segments[2]);

        Assert.False(torch.IsValueCreated);
        Assert.Equal("nn/", nn.Get<string>());
        Assert.Equal("functional", functional.Get<string>());
        Assert.Equal(1, parentCalls);
        Assert.EndsWith($"({nameof(Select_derives_a_sub_export_from_a_parent_value)})", nn.DeclarationSite);
    }

    [Fact]
    public void Typed_lazy_value_with_null_result_runs_the_factory_once_and_keeps_yielding_null()
    {
        // A reference-type T uses the value itself as the "built" signal; null must not re-run the factory.
        var calls = 0;
        var value = new LazyValue<string?>(() =>
        {
            calls++;
            return null;
        });

        Assert.Null(value.Value);
        Assert.Null(value.Value);
        Assert.Null(value.Value);
        Assert.Equal(1, calls);
        Assert.True(value.IsValueCreated);
    }

    [Fact]
    public void Typed_lazy_value_holds_nullable_value_types_including_null()
    {
        var calls = 0;
        var empty = new LazyValue<int?>(() =>
        {
            calls++;
            return null;
        });
        var filled = new LazyValue<int?>(() => 7);

        Assert.Null(empty.Value);
        Assert.Null(empty.Value);
        Assert.Equal(1, calls);
        Assert.Equal(7, filled.Value);
        Assert.Equal(7, filled.Value);
    }

    [Fact]
    public void Typed_lazy_value_under_contention_gives_every_caller_the_same_instance()
    {
        for (var round = 0; round < 50; round++)
        {
            var calls = 0;
            var value = new LazyValue<object>(() =>
            {
                Interlocked.Increment(ref calls);
                return new object();
            });

            var results = TestSupport.RunTogether(16, _ => value.Value);

            Assert.Equal(1, calls);
            Assert.All(results, result => Assert.Same(results[0], result));
        }
    }

    [Fact]
    public void Typed_lazy_value_holds_value_types()
    {
        var calls = 0;
        var value = new LazyValue<int>(() => ++calls * 41);

        Assert.Equal(41, value.Value);
        Assert.Equal(41, value.Value);
        Assert.Equal(1, calls);
        Assert.True(value.IsValueCreated);
    }

    [Fact]
    public void Misspelled_package_name_fails_the_first_access_with_a_suggestion_and_registers_nothing()
    {
        var calls = 0;
        var value = new LazyValue("Magik.NET", () => ++calls); var line = TestSupport.Line();

        var error = Assert.Throws<UnknownLazyPackageException>(() => value.Get<int>());

        Assert.Equal("Magik.NET", error.PackageName);
        Assert.Equal("Magick.NET", error.Suggestions[0]);
        Assert.Contains("No lazy package named 'Magik.NET'", error.Message);
        Assert.Contains("is registered or in the built-in catalog (did you mean 'Magick.NET'?). Declared at ", error.Message);
        Assert.Contains($"LazyValueTests.cs:{line}", error.Message);
        Assert.Contains(nameof(Misspelled_package_name_fails_the_first_access_with_a_suggestion_and_registers_nothing), error.FirstUseSite);
        Assert.False(error.IsFactoryFailure);
        Assert.Equal(0, calls);
        Assert.False(value.IsValueCreated);
        Assert.False(LazyPackageRegistry.Default.TryGet("Magik.NET", out _));

        // A holder's GetOrDefault gives default; the next Get reports the same failure (retry policy).
        Assert.Equal(0, value.GetOrDefault<int>());
        Assert.Same(error, Assert.Throws<UnknownLazyPackageException>(() => value.Get<int>()));
    }

    [Fact]
    public void Unknown_package_name_without_a_close_match_says_how_to_register_it_and_resolves_once_registered()
    {
        var name = TestSupport.UniqueName("nonexistent_package");
        var value = new LazyValue(name, () => "x") { RetryDelay = Timeout.InfiniteTimeSpan };

        var error = Assert.Throws<UnknownLazyPackageException>(() => value.Get<string>());

        Assert.Empty(error.Suggestions);
        Assert.Contains($"register it first with LazyPackageRegistry.Default.Register(\"{name}\"", error.Message);
        Assert.IsAssignableFrom<LazyLoadException>(error);

        // Registering the name and retrying resolves it.
        var package = LazyPackageRegistry.Default.Register(name, 3, Array.Empty<string>());
        Assert.True(value.Reset());
        Assert.Equal("x", value.Get<string>());
        Assert.Same(package, value.Package);
    }

    [Fact]
    public void A_package_name_that_is_an_assembly_of_the_app_gets_a_package_of_that_assembly()
    {
        // What the code fixes generate for a type marked [Heavy]: its assembly's name. This test app
        // contains xunit.assert; neither a registration nor the catalog names it.
        Assert.False(LazyPackageRegistry.Default.TryGet("xunit.assert", out _));
        var value = new LazyValue("xunit.assert", () => "asserted");

        Assert.Equal("asserted", value.Get<string>());
        var package = LazyPackageRegistry.Default.Get("xunit.assert");
        Assert.Same(package, value.Package);
        Assert.Equal(new[] { "xunit.assert" }, package.Assemblies);
        Assert.Equal(LazyPackageState.Loaded, package.State);
        Assert.False(package.IsBuiltIn);
    }

    [Fact]
    public void Catalog_package_missing_from_the_app_fails_with_its_main_assembly()
    {
        // TorchSharp is in the built-in catalog but not in this test app.
        var value = new LazyValue("TorchSharp", () => new object()); var line = TestSupport.Line();

        var error = Assert.Throws<LazyLoadException>(() => value.Get<object>());

        Assert.Equal("TorchSharp", error.PackageName);
        Assert.Equal("assembly 'TorchSharp'", error.FailedComponent);
        Assert.EndsWith($"LazyValueTests.cs:{line} ({nameof(Catalog_package_missing_from_the_app_fails_with_its_main_assembly)})", error.DeclarationSite);
        Assert.Contains(nameof(Catalog_package_missing_from_the_app_fails_with_its_main_assembly), error.FirstUseSite);
        Assert.IsType<System.IO.FileNotFoundException>(error.InnerException);
        Assert.Contains("'TorchSharp'", error.Message);
        Assert.Contains(error.DeclarationSite!, error.Message);
        Assert.Contains(error.FirstUseSite!, error.Message);
    }

    [Fact]
    public void Recursive_initialisation_is_reported_instead_of_deadlocking()
    {
        LazyValue? self = null;
        self = new LazyValue(() => self!.Value!);

        var error = Assert.Throws<LazyLoadException>(() => self.Value);

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("recursive", error.InnerException!.Message);
    }
}
