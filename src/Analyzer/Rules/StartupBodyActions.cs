using System;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>Registers a callback for every executable body on the startup path (shared by LZM0002/4/5/6).</summary>
internal static class StartupBodyActions
{
    private static readonly SyntaxKind[] s_owners =
    {
        SyntaxKind.CompilationUnit,
        SyntaxKind.MethodDeclaration,
        SyntaxKind.ConstructorDeclaration,
        SyntaxKind.ParenthesizedLambdaExpression,
        SyntaxKind.SimpleLambdaExpression,
        SyntaxKind.AnonymousMethodExpression,
    };

    public static void Register(
        AnalysisContext context,
        bool alsoForLazyProxies,
        Action<SyntaxNodeAnalysisContext, StartupBody, HeavyTypeResolver> analyze,
        Action<SyntaxNodeAnalysisContext, HeavyTypeResolver>? analyzeHostedServiceInitializers = null)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var environment = LazyMigrateEnvironment.TryCreate(start.Compilation, start.Options.AnalyzerConfigOptionsProvider, alsoForLazyProxies);
            if (environment is null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(
                c =>
                {
                    var resolver = environment.ResolverFor(c.Node.SyntaxTree);
                    var body = environment.ClassifyStartup(c.Node, c.SemanticModel, resolver.Options, c.CancellationToken);
                    if (body is not null)
                    {
                        analyze(c, body, resolver);
                    }
                },
                s_owners);

            if (analyzeHostedServiceInitializers is not null)
            {
                // A hosted service's instance field and property initializers run in its constructor, which the host calls as it starts.
                start.RegisterSyntaxNodeAction(
                    c =>
                    {
                        if (c.ContainingSymbol?.ContainingType is { TypeKind: TypeKind.Class } type && StartupPathClassifier.Implements(type, "IHostedService"))
                        {
                            analyzeHostedServiceInitializers(c, environment.ResolverFor(c.Node.SyntaxTree));
                        }
                    },
                    SyntaxKind.FieldDeclaration,
                    SyntaxKind.PropertyDeclaration);
            }
        });
    }
}
