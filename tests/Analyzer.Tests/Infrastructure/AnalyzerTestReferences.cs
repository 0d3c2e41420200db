using System;
using System.Collections.Immutable;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references an analyzer test compiles against by default: the fake heavy packages and a
/// look-alike of LazyMigrate.Runtime's public API (the analyzer matches the runtime by metadata name,
/// so it needs no build of the real one; the fix tests use the real runtime, whose code they generate calls to).
/// </summary>
internal static class AnalyzerTestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(() => FakeHeavyPackages.All.Add(Runtime));

    /// <summary>The fake heavy packages and the runtime look-alike.</summary>
    public static ImmutableArray<MetadataReference> All => s_all.Value;

    /// <summary>A look-alike of LazyMigrate.Runtime's public API.</summary>
    public static MetadataReference Runtime => s_runtime.Value;

    private static readonly Lazy<MetadataReference> s_runtime = new(() => FakeHeavyPackages.Compile("LazyMigrate.Runtime", """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        namespace LazyMigrate
        {
            public sealed class LazyPackage
            {
                public LazyPackage(string name, int priority, IEnumerable<string> assemblies) { Name = name; }
                public string Name { get; }
                public bool IsLoaded => false;
                public void EnsureLoaded() { }
                public Task EnsureLoadedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
            }
            public sealed class LazyPackageRegistry
            {
                public static LazyPackageRegistry Default { get; } = new LazyPackageRegistry();
                public LazyPackage Register(string name, int priority, IEnumerable<string> assemblies, IEnumerable<string>? nativeLibraries = null, Action? warmUp = null) => new LazyPackage(name, priority, assemblies);
                public LazyPackage Get(string name) => throw new KeyNotFoundException(name);
            }
            public sealed class LazyValue
            {
                public LazyValue(string packageName, Func<object> factory) { }
                public LazyValue(Func<object> factory) { }
                public object Value => new object();
                public T Get<T>() => (T)Value;
                public T? GetOrDefault<T>() => (T)Value;
                public bool IsValueCreated => false;
            }
            public sealed class LazyValue<T>
            {
                public LazyValue(Func<T> factory) { }
                public T Value => default!;
            }
            public sealed class AsyncLazyValue<T>
            {
                public AsyncLazyValue(Func<CancellationToken, Task<T>> factory) { }
                public ValueTask<T> GetValueAsync(CancellationToken cancellationToken = default) => default;
            }
            public static class LazyLoading
            {
                public static bool EagerMode => false;
                public static void MarkReady() { }
            }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
            public sealed class HeavyAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class LazyValueHolderAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
            public sealed class HeavyAssemblyAttribute : Attribute { public HeavyAssemblyAttribute(string assemblyName) { } }
        }
        """));
}
