using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMigrate.Generator.Tests;

/// <summary>Runs the generator on one source file (at /src/Test.cs) against the runtime and fake heavy packages.</summary>
internal static class GeneratorHarness
{
    public const string SourcePath = "/src/Test.cs";

    private static readonly Lazy<MetadataReference> s_imageSharp = new(() => FakeHeavyPackages.Compile("SixLabors.ImageSharp", """
        namespace SixLabors.ImageSharp.PixelFormats { public struct Rgba32 { } }
        namespace SixLabors.ImageSharp
        {
            public class Image<TPixel> where TPixel : struct { public Image(int width, int height) { } }
            public struct Size { public int Width; }
        }
        """));

    public static GeneratorRun Run(string source, LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        var parseOptions = new CSharpParseOptions(languageVersion);
        var compilation = CSharpCompilation.Create(
            "Test",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, SourcePath) },
            FrameworkReferences.All
                .Add(MetadataReference.CreateFromFile(typeof(LazyValue).Assembly.Location))
                .Add(s_imageSharp.Value)
                .AddRange(FakeHeavyPackages.All),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The runtime targets net8.0, the framework references are newer: unification is expected.
                .WithSpecificDiagnosticOptions(new[] { new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress) }));
        var driver = CSharpGeneratorDriver.Create(new[] { new LazyValueGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        return new GeneratorRun(
            result.GeneratedTrees.ToImmutableDictionary(t => System.IO.Path.GetFileName(t.FilePath), t => t.GetText().ToString()),
            generatorDiagnostics,
            output.GetDiagnostics());
    }
}

/// <summary>What one generator run produced: files by name, its own diagnostics, and the compiler's on the result.</summary>
internal sealed record GeneratorRun(
    ImmutableDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    /// <summary>The single generated file.</summary>
    public string Source => Assert.Single(Sources).Value;

    /// <summary>Asserts the generator reported nothing and the output compiles without errors or warnings.</summary>
    public GeneratorRun AssertClean()
    {
        Assert.Empty(GeneratorDiagnostics);
        var problems = CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + Environment.NewLine + string.Join(Environment.NewLine, Sources.Values));
        return this;
    }
}
