using System.Collections.Generic;
using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0008 (compilation end): walks the startup call graph (<see cref="StartupCallGraph"/>: calls,
/// constructions, what dependency injection builds, from every startup method before the ready cut) and
/// reports the first heavy creation or static use of each reachable method, with the call chain. A
/// finding in a referenced project's source is reported at the call into that project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0008HeavyWorkReachableFromStartupAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0008HeavyWorkReachableFromStartup);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var environment = LazyMigrateEnvironment.TryCreate(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
            if (environment is null)
            {
                return;
            }

            var graph = new StartupCallGraph(start.Compilation, environment, collectTouches: false);
            graph.Register(start);
            start.RegisterCompilationEndAction(end => Report(end, graph));
        });
    }

    private static void Report(CompilationAnalysisContext context, StartupCallGraph graph)
    {
        var walk = graph.WalkFromStartup(context.CancellationToken);
        var reported = new HashSet<Location>();
        foreach (var finding in walk.Findings)
        {
            var heavy = finding.Heavy;
            var location = finding.Visit.Entry ?? heavy.Syntax.GetLocation();
            if (!reported.Add(location))
            {
                continue;
            }

            var chain = walk.Chain(finding.Method);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.PackageName, heavy.Info.PackageName)
                .Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(heavy.Type))
                .Add(DiagnosticProperties.CallChain, chain);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LZM0008HeavyWorkReachableFromStartup,
                location,
                properties,
                heavy.Type.Name,
                heavy.Info.PackageName,
                heavy.HowUsed,
                LZM0002HeavyWorkOnStartupPathAnalyzer.When(finding.Visit.Root.InBackground),
                chain,
                heavy.WhatRuns));
        }
    }
}
