using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Infrastructure;

/// <summary>
/// References for test compilations: the installed SDK's reference assemblies with the real DI and
/// hosting abstractions (<see cref="FrameworkReferences"/>, nothing downloaded at test time), tiny
/// stand-ins compiled here under the real catalog assembly names (the analyzer decides "heavy"
/// by assembly name, so the stand-ins are heavy exactly as the real packages are), and optionally
/// the real LazyMigrate.Runtime.
/// </summary>
internal static class TestReferences
{
    /// <summary>
    /// No reference-assembly package: the framework comes from <see cref="Framework"/>, added to every
    /// project of a test (the testing library would otherwise download packages into a shared temp folder).
    /// </summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static ImmutableArray<MetadataReference> Framework => FrameworkReferences.All;

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_heavy = new(BuildHeavyAssemblies, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<MetadataReference> Heavy => s_heavy.Value;

    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(LazyMigrate.LazyValue).Assembly.Location);

    private static readonly (string Assembly, string Source)[] s_sources =
    {
        ("Microsoft.ML.OnnxRuntime", """
            namespace Microsoft.ML.OnnxRuntime
            {
                public class InferenceSession : System.IDisposable
                {
                    public InferenceSession(string modelPath) { }
                    public InferenceSession(string modelPath, SessionOptions options) { }
                    public string Run(string input) => input;
                    public void Dispose() { }
                }

                public class SessionOptions
                {
                    public int LogVerbosityLevel { get; set; }
                    public static SessionOptions MakeSessionOptionWithCudaProvider() => new SessionOptions();
                }

                public interface IModel { string Name { get; } }

                public sealed class OnnxModel : IModel
                {
                    public OnnxModel(string name) { Name = name; }
                    public string Name { get; }
                }
            }
            """),
        ("Magick.NET-Q8-x64", """
            namespace ImageMagick
            {
                public class MagickImage
                {
                    public MagickImage() { }
                    public MagickImage(string fileName) { }
                    public int Width => 1;
                }

                public static class MagickNET
                {
                    public static string Version => "7";
                    public static void Initialize() { }
                    public static System.Collections.Generic.IReadOnlyCollection<MagickFormatInfo> SupportedFormats => new[] { new MagickFormatInfo() };
                }

                public enum MagickFormat { Png, Jxl, Avif }

                public sealed class MagickFormatInfo
                {
                    public MagickFormat Format => MagickFormat.Jxl;
                    public bool SupportsReading => true;
                }
            }
            """),
        ("Microsoft.ML.Data", """
            namespace Microsoft.ML
            {
                public sealed class MLContext
                {
                    public MLContext(int? seed = null) { }
                    public string Data => "data";
                }
            }
            """),
        ("Azure.Storage.Blobs", """
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
            """),
        ("Microsoft.EntityFrameworkCore", """
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContext : System.IDisposable
                {
                    public DbContext() { }
                    public void Dispose() { }
                    public int SaveChanges() => 0;
                }
            }
            """),
    };

    private static ImmutableArray<MetadataReference> BuildHeavyAssemblies()
    {
        var references = Framework;
        var result = new List<MetadataReference>();
        foreach (var (assembly, source) in s_sources)
        {
            var compilation = CSharpCompilation.Create(
                assembly,
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            if (!emit.Success)
            {
                throw new InvalidOperationException($"Stand-in {assembly} does not compile: " + string.Join(Environment.NewLine, emit.Diagnostics));
            }

            result.Add(MetadataReference.CreateFromImage(stream.ToArray()));
        }

        return result.ToImmutableArray();
    }
}
