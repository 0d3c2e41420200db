using System.Collections.Generic;
using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0002: heavy construction or call executed directly on a startup path, before the ready cut.
/// Reported at the outermost heavy expression, once per statement.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0002HeavyWorkOnStartupPathAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0002HeavyWorkOnStartupPath);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        StartupBodyActions.Register(context, alsoForLazyProxies: false, Analyze, AnalyzeInitializers);
    }

    private static void AnalyzeInitializers(SyntaxNodeAnalysisContext context, HeavyTypeResolver resolver)
    {
        var values = InstanceInitializers.Of(context.Node);

        var typeName = context.ContainingSymbol?.ContainingType?.Name ?? string.Empty;
        foreach (var value in values)
        {
            // An object a project method hands out is reported here too (LZM0008 reports its creation inside that
            // method): only the field can be made lazy so that the constructor no longer builds it.
            if ((HeavyExpressions.FindFirstTouch(value, context.SemanticModel, resolver, context.CancellationToken)
                ?? HeavyExpressions.FindObtained(value, context.SemanticModel, resolver, context.CancellationToken)) is { } heavy)
            {
                Report(context, heavy, StartupKind.HostedService, "a field initializer of " + typeName + " (its constructor runs it)", inBackground: false, readyHint: string.Empty);
            }
        }
    }

    private static bool IsExecuteAsync(SyntaxNode owner) =>
        owner is MethodDeclarationSyntax { Identifier.ValueText: "ExecuteAsync" };

    /// <summary>When the work runs, for messages.</summary>
    internal static string When(bool inBackground) => inBackground
        ? "on a background thread while the app starts (since Microsoft.Extensions.Hosting 10 the host does not wait for ExecuteAsync)"
        : "before the app is ready";

    private static void Analyze(SyntaxNodeAnalysisContext context, StartupBody body, HeavyTypeResolver resolver)
    {
        // One finding per heavy object: each creation, and the first static use of each heavy type.
        if (body.IsJob)
        {
            return;
        }

        var touchedStatically = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var (unit, beforeCut) in body.Units())
        {
            if (!beforeCut)
            {
                break;
            }

            // One finding per heavy object, where it is created: later calls on it are not reported.
            // In ExecuteAsync an object a project method hands out is reported where it arrives too: LZM0008 reports
            // its creation inside that method, but only here can the service's start wait for ready.
            if ((HeavyExpressions.FindFirstTouch(unit, context.SemanticModel, resolver, context.CancellationToken)
                ?? (IsExecuteAsync(body.Owner) ? HeavyExpressions.FindObtained(unit, context.SemanticModel, resolver, context.CancellationToken) : null)) is not { } heavy)
            {
                continue;
            }

            Report(context, heavy, body.Kind, body.DisplayName, body.InBackground, ReadyHint.For(body));
        }
    }

    private static void Report(SyntaxNodeAnalysisContext context, HeavyExpression heavy, StartupKind kind, string where, bool inBackground, string readyHint)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.PackageName, heavy.Info.PackageName);
        properties.Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(heavy.Type));
        properties.Add(DiagnosticProperties.StartupKind, kind.ToString());
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LZM0002HeavyWorkOnStartupPath,
            heavy.Syntax.GetLocation(),
            properties.ToImmutable(),
            heavy.Type.Name,
            heavy.Info.PackageName,
            heavy.HowUsed,
            where,
            When(inBackground),
            heavy.WhatRuns,
            readyHint));
    }
}
