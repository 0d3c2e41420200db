using System.Linq;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMigrate.Generator.Tests;

/// <summary>The generated file compiles in any nullable context of the user's file, and an unrelated edit regenerates nothing.</summary>
public sealed class NullableAndIncrementalTests
{
    [Fact]
    public void Property_declared_with_nullable_disabled_compiles_without_warnings()
    {
        GeneratorHarness.Run("""
            #nullable disable
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue]
                public static partial SessionOptions Options { get; }
                private static SessionOptions CreateOptions() => null;
            }
            """).AssertClean();
    }

    [Fact]
    public void Property_of_a_nullable_annotated_type_keeps_its_annotation_and_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue]
                public static partial SessionOptions? Options { get; }
                private static SessionOptions? CreateOptions() => null;
            }
            """).AssertClean();
        Assert.Contains("public static partial global::Microsoft.ML.OnnxRuntime.SessionOptions? Options", run.Source);
        Assert.Contains("public static readonly global::Microsoft.ML.OnnxRuntime.SessionOptions? Value", run.Source);
    }

    [Fact]
    public void An_edit_elsewhere_in_the_file_reuses_the_cached_output()
    {
        const string source = """
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue]
                public static partial SessionOptions Options { get; }
                private static SessionOptions CreateOptions() => new SessionOptions();
                public static int Other() => 1;
            }
            """;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source, parseOptions, GeneratorHarness.SourcePath);
        var compilation = CSharpCompilation.Create("Test", new[] { tree },
            FrameworkReferences.All.Add(MetadataReference.CreateFromFile(typeof(LazyValue).Assembly.Location)).AddRange(FakeHeavyPackages.All),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new LazyValueGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(source.IndexOf("=> 1", System.StringComparison.Ordinal) + 3, 1, "2")));
        driver = driver.RunGenerators(edited);

        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}
