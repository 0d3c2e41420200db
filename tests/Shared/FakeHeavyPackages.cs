using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMigrate.Tests.Shared;

/// <summary>
/// Tiny in-memory assemblies named like heavy packages of the catalog (Microsoft.ML.OnnxRuntime,
/// Magick.NET-Q8-x64, Microsoft.ML.Data, Microsoft.EntityFrameworkCore, Microsoft.Data.Sqlite,
/// Azure.Storage.Blobs) and one vendor assembly the catalog does not know (Contoso.Vision, heavy only
/// by configuration). The analyzer decides "heavy" by assembly name, so these are heavy exactly as
/// the real packages are, without downloading them. One set serves the analyzer and the fix tests:
/// a member one of them needs is added here, never in a second copy.
/// </summary>
internal static class FakeHeavyPackages
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(() => ImmutableArray.Create(
        OnnxRuntime, Magick, MlData, EntityFrameworkCore, Sqlite, AzureBlobs, Vendor));

    /// <summary>Every fake package.</summary>
    public static ImmutableArray<MetadataReference> All => s_all.Value;

    public static MetadataReference OnnxRuntime => s_onnx.Value;

    public static MetadataReference Magick => s_magick.Value;

    public static MetadataReference MlData => s_mlData.Value;

    public static MetadataReference EntityFrameworkCore => s_ef.Value;

    public static MetadataReference Sqlite => s_sqlite.Value;

    public static MetadataReference AzureBlobs => s_azureBlobs.Value;

    /// <summary>LibGit2Sharp (catalog package; not in <see cref="All"/>: the tests that need it add it).</summary>
    public static MetadataReference LibGit2Sharp => s_libGit2Sharp.Value;

    private static readonly Lazy<MetadataReference> s_libGit2Sharp = new(() => Compile("LibGit2Sharp", """
        namespace LibGit2Sharp
        {
            public sealed class Repository : System.IDisposable
            {
                public Repository(string path) { }
                public string Head => "main";
                public void Dispose() { }
            }
        }
        """));

    /// <summary>"Contoso.Vision": not in the catalog; heavy only by configuration.</summary>
    public static MetadataReference Vendor => s_vendor.Value;

    private static readonly Lazy<MetadataReference> s_onnx = new(() => Compile("Microsoft.ML.OnnxRuntime", """
        namespace Microsoft.ML.OnnxRuntime
        {
            public class SessionOptions
            {
                public SessionOptions() { }
                public int LogVerbosityLevel { get; set; }
                public static SessionOptions MakeDefault() => new SessionOptions();
                public static SessionOptions MakeSessionOptionWithCudaProvider() => new SessionOptions();
            }
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
                public string Run(string input) => input;
                public void Dispose() { }
            }
            public enum GraphOptimizationLevel { None, All }
            public struct OrtTensorInfo { public int Rank; }
            public class OnnxRuntimeException : System.Exception { }
            public interface IModel { string Name { get; } }
            public sealed class OnnxModel : IModel
            {
                public OnnxModel(string name) { Name = name; }
                public string Name { get; }
            }
        }
        """));

    private static readonly Lazy<MetadataReference> s_magick = new(() => Compile("Magick.NET-Q8-x64", """
        namespace ImageMagick
        {
            public static class MagickNET
            {
                public static string Version => "7";
                public static void Initialize() { }
                public static string Features => "";
                public static System.Collections.Generic.IReadOnlyCollection<MagickFormatInfo> SupportedFormats => new[] { new MagickFormatInfo() };
            }
            public class MagickImage : System.IDisposable
            {
                public MagickImage() { }
                public MagickImage(string fileName) { }
                public int Width => 1;
                public void Resize(int w, int h) { }
                public void Dispose() { }
            }
            public enum MagickFormat { Png, Jxl, Avif }
            public sealed class MagickFormatInfo
            {
                public MagickFormat Format => MagickFormat.Jxl;
                public bool SupportsReading => true;
            }
        }
        """));

    private static readonly Lazy<MetadataReference> s_mlData = new(() => Compile("Microsoft.ML.Data", """
        namespace Microsoft.ML
        {
            public sealed class MLContext
            {
                public MLContext(int? seed = null) { }
                public string Data => "data";
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
                public int SaveChanges() => 0;
                public Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database => new Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade();
                public void Dispose() { }
            }
            public class DbContextOptionsBuilder { public DbContextOptionsBuilder UseSqlite(string cs) => this; }
            public static class RelationalDatabaseFacadeExtensions
            {
                public static void Migrate(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) { }
            }
        }
        namespace Microsoft.EntityFrameworkCore.Infrastructure
        {
            public class DatabaseFacade { public bool EnsureCreated() => true; }
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

    private static readonly Lazy<MetadataReference> s_azureBlobs = new(() => Compile("Azure.Storage.Blobs", """
        namespace Azure.Storage.Blobs
        {
            public class BlobServiceClient
            {
                public BlobServiceClient(string connectionString) { }
                public string GetBlobContainerClient(string name) => name;
            }
            public interface IBlobStore { string Name { get; } }
            public sealed class BlobStore : IBlobStore
            {
                public BlobStore(string name) { Name = name; }
                public string Name { get; }
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

    /// <summary>Compiles <paramref name="source"/> against the framework into an in-memory assembly named <paramref name="assemblyName"/>.</summary>
    public static MetadataReference Compile(string assemblyName, string source)
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
