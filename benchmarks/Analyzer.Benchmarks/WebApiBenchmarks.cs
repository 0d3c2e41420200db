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
/// The analyzers on a realistic web API (<see cref="WebApiCompilation"/>: controllers, minimal API,
/// DI registrations, an EF Core DbContext, a hosted worker) against the real ASP.NET Core and EF Core
/// assemblies. The baseline is the do-nothing analyzer: the ratio is the LazyMigrate rules' cost
/// relative to the analyzer driver's own.
/// </summary>
[MemoryDiagnoser]
public class WebApiBenchmarks
{
    private CSharpCompilation _compilation = null!;

    /// <summary>Entity kinds; each adds an entity, a DTO, a service, a controller and two endpoints (about 110 lines).</summary>
    [Params(8)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = WebApiCompilation.Create(Resources);

        // Bind everything once so every benchmark measures analysis, not first-time binding.
        _compilation.GetDiagnostics();
    }

    [Benchmark(Baseline = true)]
    public Task<int> EmptyAnalyzer() => Run(new EmptyAnalyzer());

    [Benchmark]
    public Task<int> StartupPath_LZM0002_0004_0005_0006() => Run(
        new LZM0002HeavyWorkOnStartupPathAnalyzer(),
        new LZM0004HeavyServiceResolvedAtStartupAnalyzer(),
        new LZM0005HeavyTypeNamedInStartupMethodAnalyzer(),
        new LZM0006LazyProxyForcedAtStartupAnalyzer());

    [Benchmark]
    public Task<int> CallGraph_LZM0008() => Run(new LZM0008HeavyWorkReachableFromStartupAnalyzer());

    [Benchmark]
    public Task<int> AllRules() => Run(AllAnalyzers());

    internal static DiagnosticAnalyzer[] AllAnalyzers() => new DiagnosticAnalyzer[]
    {
        new LZM0001StaticHeavyInitializerAnalyzer(),
        new LZM0002HeavyWorkOnStartupPathAnalyzer(),
        new LZM0003EagerSingletonRegistrationAnalyzer(),
        new LZM0004HeavyServiceResolvedAtStartupAnalyzer(),
        new LZM0005HeavyTypeNamedInStartupMethodAnalyzer(),
        new LZM0006LazyProxyForcedAtStartupAnalyzer(),
        new LZM0007UnreferencedLazyAssemblyAnalyzer(),
        new LZM0008HeavyWorkReachableFromStartupAnalyzer(),
    };

    /// <summary>For --check: compile errors of the generated app and the LazyMigrate findings on it.</summary>
    internal async Task<(int Errors, ImmutableArray<Diagnostic> Findings)> Check()
    {
        var errors = _compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var findings = await _compilation.WithAnalyzers(AllAnalyzers().ToImmutableArray()).GetAnalyzerDiagnosticsAsync();
        return (errors, findings);
    }

    private async Task<int> Run(params DiagnosticAnalyzer[] analyzers)
    {
        var diagnostics = await _compilation.WithAnalyzers(analyzers.ToImmutableArray()).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Length;
    }
}
