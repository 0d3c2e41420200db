using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMigrate.Analyzers.Benchmarks;

/// <summary>
/// A large generated project: many files with static initializers, startup methods, DI registrations,
/// lazy proxies and call chains; optionally referencing an in-memory assembly named like a catalog
/// entry (Microsoft.ML.OnnxRuntime), or a same-shaped light one (the bail-out case).
/// </summary>
internal static class GeneratedCompilation
{
    public static CSharpCompilation Create(int files, bool heavy)
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();

        // Same source either way; only the assembly name decides whether the catalog calls it heavy.
        var vendor = Compile(heavy ? "Microsoft.ML.OnnxRuntime" : "Contoso.Light", VendorSource, framework);
        var trees = new List<SyntaxTree> { Parse(ProgramSource(files), "Program.cs") };
        for (var i = 0; i < files; i++)
        {
            trees.Add(Parse(FileSource(i), $"File{i}.cs"));
        }

        return CSharpCompilation.Create(
            "Generated",
            trees,
            framework.Append(vendor),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    private const string VendorSource = """
        namespace Microsoft.ML.OnnxRuntime
        {
            public class InferenceSession
            {
                public InferenceSession(string path) { }
                public static InferenceSession Create(string path) => new InferenceSession(path);
                public float[] Run(float[] input) => input;
            }
            public class SessionOptions { }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService implementationInstance) where TService : class => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, System.Func<System.IServiceProvider, TService> implementationFactory) where TService : class => services;
            }
        }
        """;

    private static string ProgramSource(int files)
    {
        var builder = new StringBuilder("""
            using Microsoft.ML.OnnxRuntime;
            namespace Generated;
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var options = new SessionOptions();

            """);
        for (var i = 0; i < files; i += 10)
        {
            builder.Append("        Generated.Area").Append(i % 7).Append(".Module").Append(i).AppendLine(".Init();");
        }

        builder.AppendLine("    }").AppendLine("}");
        return builder.ToString();
    }

    private static string FileSource(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        namespace Generated.Area{{i % 7}};

        public static class Module{{i}}
        {
            private static readonly InferenceSession s_session = new InferenceSession("model{{i}}.onnx");
            private static readonly Lazy<InferenceSession> s_lazy = new(() => InferenceSession.Create("lazy{{i}}.onnx"));
            private static readonly List<string> s_names = new() { "a", "b", "c" };
            public static int Counter { get; set; } = {{i}};

            public static void Init() => Step{{i}}();

            private static void Step{{i}}()
            {
                var total = 0;
                for (var k = 0; k < s_names.Count; k++) { total += s_names[k].Length; }
                Load{{i}}(total);
            }

            private static void Load{{i}}(int seed) => InferenceSession.Create("load" + seed).Run(new float[seed]);

            public static void Register(IServiceCollection services)
            {
                services.AddSingleton(new InferenceSession("eager{{i}}.onnx"));
                services.AddSingleton(sp => new InferenceSession("factory{{i}}.onnx"));
            }

            public static float[] Handle(float[] input)
            {
                var session = s_lazy.Value;
                var copy = new List<float>(input);
                if (copy.Count > 3) { copy.RemoveAt(0); }
                return session.Run(copy.ToArray());
            }
        }

        public sealed class Worker{{i}}
        {
            private readonly Dictionary<string, int> _counts = new();
            public int Count(string key) => _counts.TryGetValue(key, out var c) ? c : 0;
            public void Add(string key) => _counts[key] = Count(key) + 1;
            public override string ToString() => string.Join(",", _counts.Keys);
        }
        """;

    private static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path);

    private static MetadataReference Compile(string name, string source, IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(name, new[] { Parse(source, name + ".cs") }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
