using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
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
        StartupBodyActions.Register(context, alsoForLazyProxies: false, Analyze);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, StartupBody body, HeavyTypeResolver resolver)
    {
        foreach (var (unit, beforeCut) in body.Units())
        {
            if (!beforeCut)
            {
                break;
            }

            if (HeavyExpressions.FindOutermost(unit, context.SemanticModel, resolver, context.CancellationToken) is not { } heavy)
            {
                continue;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticProperties.PackageName, heavy.Info.PackageName);
            properties.Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(heavy.Type));
            properties.Add(DiagnosticProperties.StartupKind, body.Kind.ToString());
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LZM0002HeavyWorkOnStartupPath,
                heavy.Syntax.GetLocation(),
                properties.ToImmutable(),
                heavy.Type.Name,
                heavy.Info.PackageName,
                body.DisplayName,
                ReadyHint.For(body)));
        }
    }
}
