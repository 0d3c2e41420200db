using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using LazyMigrate.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Benchmarks;

/// <summary>
/// Runs each analyzer family over a large generated compilation. <see cref="HeavyReferences"/> = false
/// is the bail-out case (no catalog assembly referenced). The baseline is an analyzer that registers
/// nothing: the analyzer driver's own cost, to subtract.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [Params(100)]
    public int Files { get; set; }

    [Params(true, false)]
    public bool HeavyReferences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratedCompilation.Create(Files, HeavyReferences);

        // Bind everything once so every benchmark measures analysis, not first-time binding.
        _compilation.GetDiagnostics();
    }

    [Benchmark(Baseline = true)]
    public Task<int> EmptyAnalyzer() => Run(new EmptyAnalyzer());

    [Benchmark]
    public Task<int> StaticInitializers_LZM0001() => Run(new LZM0001StaticHeavyInitializerAnalyzer());

    [Benchmark]
    public Task<int> StartupPath_LZM0002_0004_0005_0006() => Run(
        new LZM0002HeavyWorkOnStartupPathAnalyzer(),
        new LZM0004HeavyServiceResolvedAtStartupAnalyzer(),
        new LZM0005HeavyTypeNamedInStartupMethodAnalyzer(),
        new LZM0006LazyProxyForcedAtStartupAnalyzer());

    [Benchmark]
    public Task<int> Registrations_LZM0003() => Run(new LZM0003EagerSingletonRegistrationAnalyzer());

    [Benchmark]
    public Task<int> Declarations_LZM0007() => Run(new LZM0007UnreferencedLazyAssemblyAnalyzer());

    [Benchmark]
    public Task<int> CallGraph_LZM0008() => Run(new LZM0008HeavyWorkReachableFromStartupAnalyzer());

    [Benchmark]
    public Task<int> AllRules() => Run(
        new LZM0001StaticHeavyInitializerAnalyzer(),
        new LZM0002HeavyWorkOnStartupPathAnalyzer(),
        new LZM0003EagerSingletonRegistrationAnalyzer(),
        new LZM0004HeavyServiceResolvedAtStartupAnalyzer(),
        new LZM0005HeavyTypeNamedInStartupMethodAnalyzer(),
        new LZM0006LazyProxyForcedAtStartupAnalyzer(),
        new LZM0007UnreferencedLazyAssemblyAnalyzer(),
        new LZM0008HeavyWorkReachableFromStartupAnalyzer());

    private async Task<int> Run(params DiagnosticAnalyzer[] analyzers)
    {
        var diagnostics = await _compilation.WithAnalyzers(analyzers.ToImmutableArray()).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Length;
    }
}

/// <summary>Registers one cheap action so the driver runs: the baseline cost of analysis itself.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = new("BENCH0001", "none", "none", "none", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.ClassDeclaration);
    }
}
