using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Explaining;
using LazyMigrate.Cli.Migration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LazyMigrate.Cli.Tests;

/// <summary>
/// What <c>migrate</c> says about a heavy package still loaded before ready: here a factory registration that names
/// the service type, so the JIT of the method holding it loads the type's assembly (no MSBuild: an in-memory solution).
/// </summary>
public sealed class RemainingLoadsTests
{
    private const string ProgramSource = """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML;

        var services = new ServiceCollection();
        services.AddSingleton(sp => new MLContext(1));

        namespace Microsoft.Extensions.DependencyInjection
        {
            public sealed class ServiceCollection
            {
            }

            public static class ServiceCollectionServiceExtensions
            {
                public static ServiceCollection AddSingleton<TService>(this ServiceCollection services, System.Func<object, TService> factory) => services;
            }
        }

        """;

    [Fact]
    public async Task A_load_only_a_registration_explains_is_reported_as_named_by_that_registration()
    {
        using var workspace = new AdhocWorkspace();
        var root = Path.Combine(Path.GetTempPath(), "lzm-remaining");
        var programPath = Path.Combine(root, "Program.cs");
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "App", "App", LanguageNames.CSharp,
            filePath: Path.Combine(root, "App.csproj"),
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication),
            metadataReferences: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), HeavyAssembly() }));
        workspace.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(project.Id), "Program.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(ProgramSource), VersionStamp.Default)),
            filePath: programPath));

        // As the profiler sees it: Microsoft.ML.Data loaded while the top-level statements were being compiled.
        var load = new HeavyLoad("Microsoft.ML", new[] { "Microsoft.ML.Data" }, 100, 5,
            new[] { new LoadFrame("Program+<<Main>$>d__0.MoveNext", new SourceSpan(programPath, 4, 1, 4, 40), "var services = new ServiceCollection();") },
            new[] { "Program+<<Main>$>d__0.MoveNext" });

        var remaining = await RemainingLoads.ExplainAsync(workspace.CurrentSolution, AnalyzerCatalog.Load(), null, new[] { load }, root, capReached: false, CancellationToken.None);

        var only = Assert.Single(remaining);
        Assert.Equal(("Microsoft.ML", RemainingLoads.DiRegistration), (only.Package, only.Kind));
        Assert.Equal(new[] { "Microsoft.ML.Data" }, only.Assemblies);
        Assert.StartsWith("the registration at Program.cs:5 (AddSingleton<MLContext>) names the service type", only.Reason);

        var text = new StringWriter();
        RemainingLoads.Write(remaining, text);
        Assert.Contains("  Microsoft.ML [Microsoft.ML.Data] (DI registration): the registration at Program.cs:5", text.ToString());
    }

    /// <summary>An assembly named like ML.NET's, defining its context type: the catalog knows the package by the assembly's name.</summary>
    private static MetadataReference HeavyAssembly()
    {
        var compilation = CSharpCompilation.Create(
            "Microsoft.ML.Data",
            new[] { CSharpSyntaxTree.ParseText("namespace Microsoft.ML { public sealed class MLContext { public MLContext(int seed) { } } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
