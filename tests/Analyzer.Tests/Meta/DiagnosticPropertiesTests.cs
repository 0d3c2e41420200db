using System.Linq;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Analyzers.Tests.Meta;

/// <summary>The properties the code fixes rely on (docs/rules/*.md "Contract with the code fix").</summary>
public sealed class DiagnosticPropertiesTests
{
    [Fact]
    public async Task LZM0001_carries_package_heavy_type_and_kind()
    {
        var diagnostics = await DiagnosticsRunner.AnalyzeAsync("""
            using Microsoft.ML.OnnxRuntime;
            class Models
            {
                static readonly InferenceSession A = new InferenceSession("a");
                static ImageMagick.MagickImage B { get; } = new();
                static readonly Contoso.Vision.Detector C;
                static Models() { C = new Contoso.Vision.Detector(); }
            }
            """);
        var byKind = diagnostics.Where(d => d.Id == "LZM0001").ToDictionary(d => d.Properties["Kind"]!);
        Assert.Equal(3 - 1, byKind.Count); // Detector is not heavy without configuration
        Assert.Equal("Microsoft.ML.OnnxRuntime", byKind["FieldInitializer"].Properties["PackageName"]);
        Assert.Equal("Microsoft.ML.OnnxRuntime.InferenceSession", byKind["FieldInitializer"].Properties["HeavyType"]);
        Assert.Equal("Magick.NET", byKind["PropertyInitializer"].Properties["PackageName"]);
        Assert.Equal("ImageMagick.MagickImage", byKind["PropertyInitializer"].Properties["HeavyType"]);
    }

    [Fact]
    public async Task LZM0001_static_constructor_kind_and_user_marked_package_is_the_assembly_name()
    {
        var diagnostics = await DiagnosticsRunner.AnalyzeAsync("""
            [LazyMigrate.Heavy] class Engine { }
            class Holder { static readonly Engine E; static Holder() { E = new Engine(); } }
            """);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "LZM0001");
        Assert.Equal("StaticConstructor", diagnostic.Properties["Kind"]);
        Assert.Equal("TestProject", diagnostic.Properties["PackageName"]);
        Assert.Equal("Engine", diagnostic.Properties["HeavyType"]);
    }

    [Theory]
    [InlineData("static void Main() { var s = new Microsoft.ML.OnnxRuntime.InferenceSession(\"m\"); }", "EntryPoint")]
    [InlineData("[System.Runtime.CompilerServices.ModuleInitializer] internal static void Init() => ImageMagick.MagickNET.Initialize();", "ModuleInitializer")]
    public async Task LZM0002_carries_the_startup_kind(string member, string kind)
    {
        var diagnostics = await DiagnosticsRunner.AnalyzeAsync("static class Program { " + member + " }");
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "LZM0002");
        Assert.Equal(kind, diagnostic.Properties["StartupKind"]);
        Assert.False(string.IsNullOrEmpty(diagnostic.Properties["PackageName"]));
        Assert.False(string.IsNullOrEmpty(diagnostic.Properties["HeavyType"]));
    }

    [Fact]
    public async Task LZM0002_top_level_and_hosted_service_kinds()
    {
        var topLevel = await DiagnosticsRunner.AnalyzeAsync(
            "ImageMagick.MagickNET.Initialize(); LazyMigrate.LazyLoading.MarkReady();", OutputKind.ConsoleApplication);
        Assert.Equal("TopLevel", Assert.Single(topLevel, d => d.Id == "LZM0002").Properties["StartupKind"]);

        var hosted = await DiagnosticsRunner.AnalyzeAsync("""
            using System.Threading; using System.Threading.Tasks;
            class W : Microsoft.Extensions.Hosting.IHostedService
            {
                public Task StartAsync(CancellationToken c) { ImageMagick.MagickNET.Initialize(); return Task.CompletedTask; }
                public Task StopAsync(CancellationToken c) => Task.CompletedTask;
            }
            """);
        Assert.Equal("HostedService", Assert.Single(hosted, d => d.Id == "LZM0002").Properties["StartupKind"]);
    }

    [Fact]
    public async Task LZM0003_carries_the_declared_service_type()
    {
        var diagnostics = await DiagnosticsRunner.AnalyzeAsync("""
            using Microsoft.Extensions.DependencyInjection;
            static class R
            {
                static void A(IServiceCollection s) => s.AddSingleton<System.IDisposable>(new ImageMagick.MagickImage());
                static void B(IServiceCollection s) => s.AddSingleton(new Microsoft.ML.OnnxRuntime.InferenceSession("m"));
            }
            """);
        var services = diagnostics.Where(d => d.Id == "LZM0003").OrderBy(d => d.Location.SourceSpan.Start).Select(d => (d.Properties["ServiceType"]!, d.Properties["HeavyType"]!)).ToList();
        Assert.Equal(new[] { ("System.IDisposable", "ImageMagick.MagickImage"), ("Microsoft.ML.OnnxRuntime.InferenceSession", "Microsoft.ML.OnnxRuntime.InferenceSession") }, services);
    }

    [Fact]
    public async Task LZM0006_distinguishes_discarded_statements_from_used_values()
    {
        var diagnostics = await DiagnosticsRunner.AnalyzeAsync("""
            static class Program
            {
                static readonly System.Lazy<ImageMagick.MagickImage> Image = new(() => new ImageMagick.MagickImage());
                static void Main()
                {
                    _ = Image.Value;
                    var width = Image.Value.Width;
                }
            }
            """);
        var forms = diagnostics.Where(d => d.Id == "LZM0006").OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Properties["Form"]).ToList();
        Assert.Equal(new[] { "DiscardedStatement", "ValueUsed" }, forms);
    }

    [Fact]
    public async Task LZM0008_carries_the_call_chain()
    {
        var diagnostics = await DiagnosticsRunner.AnalyzeAsync("""
            static class Program
            {
                static void Main() => Init();
                static void Init() => Loader.Load();
            }
            static class Loader { public static void Load() => ImageMagick.MagickNET.Initialize(); }
            """);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "LZM0008");
        Assert.Equal("Program.Main → Init → Loader.Load", diagnostic.Properties["CallChain"]);
        Assert.Equal("ImageMagick.MagickNET", diagnostic.Properties["HeavyType"]);
    }
}
