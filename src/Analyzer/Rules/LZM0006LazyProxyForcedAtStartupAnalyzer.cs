using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0006: a lazy proxy forced on the startup path before the ready cut: <c>.Value</c> of
/// <c>Lazy&lt;Heavy&gt;</c>/LazyValue, <c>LazyValue.Get&lt;T&gt;()</c>/<c>GetOrDefault&lt;T&gt;()</c>, <c>LazyPackage.EnsureLoaded()</c>,
/// <c>AsyncLazyValue.GetValueAsync()</c>. Reported at the member access or invocation, once per statement.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0006LazyProxyForcedAtStartupAnalyzer : DiagnosticAnalyzer
{
    private const int MaxReceiverText = 60;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0006LazyProxyForcedAtStartup);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        StartupBodyActions.Register(context, alsoForLazyProxies: true, Analyze);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, StartupBody body, HeavyTypeResolver resolver)
    {
        foreach (var (unit, beforeCut) in body.Units())
        {
            if (!beforeCut)
            {
                break;
            }

            foreach (var node in CodeUnits.OwnNodes(unit))
            {
                if (LazyForcing.ForcedReceiver(node, context.SemanticModel, resolver, context.CancellationToken) is not { } receiver)
                {
                    continue;
                }

                var form = CodeUnits.IsDiscarded(node) ? DiagnosticProperties.FormDiscardedStatement : DiagnosticProperties.FormValueUsed;
                var text = receiver.ToString();
                if (text.Length > MaxReceiverText)
                {
                    text = text.Substring(0, MaxReceiverText) + "…";
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.LZM0006LazyProxyForcedAtStartup,
                    node.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Form, form),
                    text));
                break;
            }
        }
    }
}
