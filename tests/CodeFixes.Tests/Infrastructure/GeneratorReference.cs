using System.Collections.Immutable;
using LazyMigrate.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.CodeFixes.Tests.Infrastructure;

/// <summary>
/// The [LazyValue] source generator as a project's analyzer reference, as the LazyMigrate.Analyzers
/// package adds it: the workspace runs it whenever it compiles the project, so fixed code that uses
/// partial properties compiles with the generated implementations (and the fixes see the generator).
/// </summary>
internal sealed class GeneratorReference : AnalyzerReference
{
    public static GeneratorReference Instance { get; } = new();

    // The workspace maps each generator back to its reference: the same instance every time.
    private readonly ImmutableArray<ISourceGenerator> _generators = ImmutableArray.Create(new LazyValueGenerator().AsSourceGenerator());

    private GeneratorReference()
    {
    }

    public override string FullPath => typeof(LazyValueGenerator).Assembly.Location;

    public override object Id => typeof(LazyValueGenerator).Assembly.GetName().Name!;

    public override string Display => "LazyMigrate.Generator";

    public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

    public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

    public override ImmutableArray<ISourceGenerator> GetGenerators(string language)
        => language == LanguageNames.CSharp ? _generators : ImmutableArray<ISourceGenerator>.Empty;

    public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => _generators;
}
