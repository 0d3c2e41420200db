using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0004: GetService/GetRequiredService/keyed variants resolving a heavy type on a startup path
/// (before the ready cut). Reported at the invocation, once per statement.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0004HeavyServiceResolvedAtStartupAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0004HeavyServiceResolvedAtStartup);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        StartupBodyActions.Register(context, alsoForLazyProxies: false, Analyze);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, StartupBody body, HeavyTypeResolver resolver)
    {
        if (body.IsJob)
        {
            return;
        }

        foreach (var (unit, beforeCut) in body.Units())
        {
            if (!beforeCut)
            {
                break;
            }

            if (FindResolution(unit, context.SemanticModel, resolver, context.CancellationToken) is { } found)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.LZM0004HeavyServiceResolvedAtStartup,
                    found.Invocation.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.PackageName, found.Info.PackageName)
                        .Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(found.Type)),
                    found.Type.Name,
                    found.Info.PackageName));
            }
        }
    }

    /// <summary>The first heavy service resolution a unit owns.</summary>
    internal static (InvocationExpressionSyntax Invocation, ITypeSymbol Type, HeavyInfo Info)? FindResolution(
        SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var node in CodeUnits.OwnNodes(unit))
        {
            if (node is InvocationExpressionSyntax invocation
                && ServiceResolution.IsCandidate(invocation)
                && ServiceResolution.HeavyResolved(invocation, model, resolver, cancellationToken) is { } resolved)
            {
                return (invocation, resolved.Type, resolved.Info);
            }
        }

        return null;
    }
}
