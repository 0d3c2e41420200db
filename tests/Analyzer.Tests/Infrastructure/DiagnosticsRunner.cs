using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Tests.Infrastructure;

/// <summary>Runs all LazyMigrate analyzers on sources directly (for property checks and robustness runs).</summary>
internal static class DiagnosticsRunner
{
    public static CSharpCompilation Compile(IEnumerable<string> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            "TestProject",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{i}.cs")),
            FrameworkReferences.All.Concat(references ?? AnalyzerTestReferences.All),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Analyzer diagnostics plus analyzer exceptions (reported as AD0001 diagnostics).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, AnalyzerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers.Create(),
            new CompilationWithAnalyzersOptions(options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary) =>
        AnalyzeAsync(Compile(new[] { source }, outputKind));
}
