using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0003: <c>AddSingleton(instance)</c> (and TryAdd/keyed variants) with a heavy instance built at
/// registration, anywhere. Reported at the instance argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0003EagerSingletonRegistrationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0003EagerSingletonRegistration);

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

            start.RegisterSyntaxNodeAction(c => Analyze(c, environment), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, LazyMigrateEnvironment environment)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (!SingletonRegistration.IsCandidate(invocation))
        {
            return;
        }

        var resolver = environment.ResolverFor(invocation.SyntaxTree);
        if (SingletonRegistration.Analyze(invocation, context.SemanticModel, resolver, context.CancellationToken) is not { } eager)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.PackageName, eager.Info.PackageName);
        properties.Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(eager.InstanceType));
        properties.Add(DiagnosticProperties.ServiceType, SymbolNames.Qualified(eager.ServiceType));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LZM0003EagerSingletonRegistration,
            eager.Instance.GetLocation(),
            properties.ToImmutable(),
            eager.InstanceType.Name,
            eager.Info.PackageName));
    }
}
