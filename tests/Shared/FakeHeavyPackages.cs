using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMigrate.Analyzers.Tests.Infrastructure;

/// <summary>
/// Tiny in-memory assemblies whose names match catalog entries (Microsoft.ML.OnnxRuntime, Magick.NET-Q8-x64,
/// Microsoft.EntityFrameworkCore, Microsoft.Data.Sqlite), a non-catalog vendor assembly for configuration
/// tests, and a look-alike of the LazyMigrate runtime API. The analyzer decides "heavy" by assembly name,
/// so these stand in for the real packages without downloading them.
/// </summary>
internal static class FakeHeavyAssemblies
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(() => ImmutableArray.Create(
        OnnxRuntime, Magick, EntityFrameworkCore, Sqlite, Vendor, Runtime));

    public static ImmutableArray<MetadataReference> All => s_all.Value;

    public static MetadataReference OnnxRuntime => s_onnx.Value;

    public static MetadataReference Magick => s_magick.Value;

    public static MetadataReference EntityFrameworkCore => s_ef.Value;

    public static MetadataReference Sqlite => s_sqlite.Value;

    /// <summary>"Contoso.Vision": not in the catalog; heavy only by configuration.</summary>
    public static MetadataReference Vendor => s_vendor.Value;

    /// <summary>A look-alike of LazyMigrate.Runtime's public API (the analyzer matches by metadata name).</summary>
    public static MetadataReference Runtime => s_runtime.Value;

    private static readonly Lazy<MetadataReference> s_onnx = new(() => Compile("Microsoft.ML.OnnxRuntime", """
        namespace Microsoft.ML.OnnxRuntime
        {
            public class SessionOptions { public SessionOptions() { } public static SessionOptions MakeDefault() => new SessionOptions(); }
            public class InferenceSession : System.IDisposable
            {
                public InferenceSession(string modelPath) { }
                public InferenceSession(string modelPath, SessionOptions options) { }
                public static InferenceSession Create(string modelPath) => new InferenceSession(modelPath);
                public static readonly InferenceSession Shared = new InferenceSession("shared");
                public static InferenceSession Default => Shared;
                public const string Version = "1.0";
                public string ModelPath => "";
                public float[] Run(float[] input) => input;
                public void Dispose() { }
            }
            public enum GraphOptimizationLevel { None, All }
            public struct OrtTensorInfo { public int Rank; }
            public class OnnxRuntimeException : System.Exception { }
        }
        """));

    private static readonly Lazy<MetadataReference> s_magick = new(() => Compile("Magick.NET-Q8-x64", """
        namespace ImageMagick
        {
            public static class MagickNET
            {
                public static void Initialize() { }
                public static string Features => "";
                public static System.Collections.Generic.IEnumerable<string> SupportedFormats => new string[0];
            }
            public class MagickImage : System.IDisposable
            {
                public MagickImage() { }
                public MagickImage(string file) { }
                public int Width => 0;
                public void Resize(int w, int h) { }
                public void Dispose() { }
            }
        }
        """));

    private static readonly Lazy<MetadataReference> s_ef = new(() => Compile("Microsoft.EntityFrameworkCore", """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContextOptions { }
            public class DbContext : System.IDisposable
            {
                public DbContext() { }
                public DbContext(DbContextOptions options) { }
                public void Dispose() { }
            }
            public class DbContextOptionsBuilder { public DbContextOptionsBuilder UseSqlite(string cs) => this; }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class EntityFrameworkServiceCollectionExtensions
            {
                public static IServiceCollection AddDbContext<TContext>(this IServiceCollection services, System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder> configure) => services;
            }
        }
        """));

    private static readonly Lazy<MetadataReference> s_sqlite = new(() => Compile("Microsoft.Data.Sqlite", """
        namespace Microsoft.Data.Sqlite
        {
            public class SqliteConnection : System.IDisposable
            {
                public SqliteConnection(string connectionString) { }
                public void Open() { }
                public void Dispose() { }
            }
        }
        """));

    private static readonly Lazy<MetadataReference> s_vendor = new(() => Compile("Contoso.Vision", """
        namespace Contoso.Vision
        {
            public class Detector { public Detector() { } public int Detect() => 0; }
            public class Light { public Light() { } }
        }
        namespace Contoso.Vision.Models
        {
            public class FaceModel { public FaceModel() { } }
        }
        """));

    private static readonly Lazy<MetadataReference> s_runtime = new(() => Compile("LazyMigrate.Runtime", """
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

    private static MetadataReference Compile(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            FrameworkReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            throw new InvalidOperationException($"Fake assembly {assemblyName} does not compile:{Environment.NewLine}{errors}");
        }

        return MetadataReference.CreateFromImage(stream.ToArray(), filePath: assemblyName + ".dll");
    }
}
