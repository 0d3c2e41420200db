using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LazyMigrate.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Benchmarks;

/// <summary>
/// The analyzers on a realistic web API (<see cref="WebApiCompilation"/>: controllers, minimal API,
/// DI registrations, an EF Core DbContext, a hosted worker) against the real ASP.NET Core and EF Core
/// assemblies. Two groups, each with its own baseline: "driver" compares the rules with the do-nothing
/// analyzer (the analyzer driver's own work, which includes binding the compilation); "sdk" compares
/// the SDK's analyzers alone with the SDK's analyzers plus all LazyMigrate rules, as a build runs them
/// (shared semantic models, the SDK's default rule severities): its ratio minus one is what the rules add to
/// a build's analysis.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WebApiBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _sdkCompilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _sdkAnalyzers;

    /// <summary>Entity kinds; each adds an entity, a DTO, a service, a controller and two endpoints (about 110 lines).</summary>
    [Params(8)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = WebApiCompilation.Create(Resources);

        // Load the referenced assemblies once: every run analyzes a fresh copy of the compilation (the analyzer
        // driver makes one), which still binds all source code again, as a build does.
        _compilation.GetDiagnostics();

        _sdkAnalyzers = SdkAnalyzers.Load();
        _sdkCompilation = _compilation.WithOptions(_compilation.Options.WithSpecificDiagnosticOptions(SdkAnalyzers.DefaultSeverities()));
        _sdkCompilation.GetDiagnostics();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("driver")]
    public Task<int> EmptyAnalyzer() => Run(new EmptyAnalyzer());

    [Benchmark]
    [BenchmarkCategory("driver")]
    public Task<int> StartupPath_LZM0002_0004_0005_0006() => Run(
        new LZM0002HeavyWorkOnStartupPathAnalyzer(),
        new LZM0004HeavyServiceResolvedAtStartupAnalyzer(),
        new LZM0005HeavyTypeNamedInStartupMethodAnalyzer(),
        new LZM0006LazyProxyForcedAtStartupAnalyzer());

    [Benchmark]
    [BenchmarkCategory("driver")]
    public Task<int> CallGraph_LZM0008() => Run(new LZM0008HeavyWorkReachableFromStartupAnalyzer());

    [Benchmark]
    [BenchmarkCategory("driver")]
    public Task<int> AllRules() => Run(AllAnalyzers());

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("sdk")]
    public Task<int> SdkAnalyzers_Only() => Run(_sdkCompilation, _sdkAnalyzers);

    [Benchmark]
    [BenchmarkCategory("sdk")]
    public Task<int> SdkAnalyzers_AndAllRules() => Run(_sdkCompilation, _sdkAnalyzers.AddRange(AllAnalyzers()));

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

    /// <summary>For --check: how many SDK analyzers load, and the LazyMigrate findings when they run beside them.</summary>
    internal async Task<(int SdkAnalyzers, int Findings)> CheckSdk()
    {
        var diagnostics = await _sdkCompilation.WithAnalyzers(_sdkAnalyzers.AddRange(AllAnalyzers())).GetAnalyzerDiagnosticsAsync();
        return (_sdkAnalyzers.Length, diagnostics.Count(d => d.Id.StartsWith("LZM", System.StringComparison.Ordinal)));
    }

    /// <summary>For --check: compile errors of the generated app and the LazyMigrate findings on it.</summary>
    internal async Task<(int Errors, ImmutableArray<Diagnostic> Findings)> Check()
    {
        var errors = _compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var findings = await _compilation.WithAnalyzers(AllAnalyzers().ToImmutableArray()).GetAnalyzerDiagnosticsAsync();
        return (errors, findings);
    }

    private Task<int> Run(params DiagnosticAnalyzer[] analyzers) => Run(_compilation, analyzers.ToImmutableArray());

    private static async Task<int> Run(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Length;
    }
}
