using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0007: a string literal naming an assembly in <c>new LazyPackage(...)</c>,
/// <c>LazyPackageRegistry.Register(...)</c> or <c>[assembly: HeavyAssembly("X")]</c> when the compilation
/// references no assembly of that name (catalog drift). Reported at the literal.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0007UnreferencedLazyAssemblyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0007UnreferencedLazyAssembly);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (!DeclaresLazyPackages(compilation))
            {
                return;
            }

            var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                referenced.Add(identity.Name);
            }

            if (compilation.AssemblyName is { } own)
            {
                referenced.Add(own);
            }

            start.RegisterSyntaxNodeAction(c => AnalyzeCall(c, referenced), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression, SyntaxKind.InvocationExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeAttribute(c, referenced), SyntaxKind.Attribute);
        });
    }

    private static bool DeclaresLazyPackages(Compilation compilation) =>
        compilation.GetTypeByMetadataName("LazyMigrate.LazyPackage") is not null
        || compilation.GetTypeByMetadataName("LazyMigrate.LazyPackageRegistry") is not null
        || compilation.GetTypeByMetadataName("LazyMigrate.HeavyAssemblyAttribute") is not null
        || compilation.ContainsSymbolsWithName(n => n is "LazyPackage" or "LazyPackageRegistry" or "HeavyAssemblyAttribute", SymbolFilter.Type);

    private static void AnalyzeCall(SyntaxNodeAnalysisContext context, HashSet<string> referenced)
    {
        var node = context.Node;
        if (node is InvocationExpressionSyntax invocation && CodeUnits.InvokedName(invocation) != "Register")
        {
            return;
        }

        var operation = context.SemanticModel.GetOperation(node, context.CancellationToken);
        var (method, arguments) = operation switch
        {
            IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
            IInvocationOperation call => (call.TargetMethod, call.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        var container = method?.ContainingType;
        var isDeclaration = method is not null
            && (LazyMigrateEnvironment.IsLazyMigrateType(container, "LazyPackage")
                || (LazyMigrateEnvironment.IsLazyMigrateType(container, "LazyPackageRegistry") && method.Name == "Register"));
        if (!isDeclaration)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter
                && parameter.Name.IndexOf("assembl", StringComparison.OrdinalIgnoreCase) >= 0
                && argument.Syntax is ArgumentSyntax syntax)
            {
                CheckLiterals(context, syntax.Expression, referenced, depth: 0);
            }
        }
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, HashSet<string> referenced)
    {
        var attribute = (AttributeSyntax)context.Node;
        var simpleName = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        if (simpleName is not ("HeavyAssembly" or "HeavyAssemblyAttribute") || attribute.ArgumentList is not { Arguments.Count: > 0 } list)
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is IMethodSymbol constructor
            && LazyMigrateEnvironment.IsLazyMigrateType(constructor.ContainingType, "HeavyAssemblyAttribute"))
        {
            CheckLiterals(context, list.Arguments[0].Expression, referenced, depth: 0);
        }
    }

    private static void CheckLiterals(SyntaxNodeAnalysisContext context, ExpressionSyntax expression, HashSet<string> referenced, int depth)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                var name = literal.Token.ValueText.Trim();
                if (name.Length > 0 && !IsReferenced(name, referenced))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.LZM0007UnreferencedLazyAssembly,
                        literal.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.AssemblyName, name),
                        name));
                }

                break;
            case ArrayCreationExpressionSyntax { Initializer: { } initializer } when depth == 0:
                CheckAll(context, initializer, referenced);
                break;
            case ImplicitArrayCreationExpressionSyntax implicitArray when depth == 0:
                CheckAll(context, implicitArray.Initializer, referenced);
                break;
            case BaseObjectCreationExpressionSyntax { Initializer: { } collection } when depth == 0:
                CheckAll(context, collection, referenced);
                break;
            case CollectionExpressionSyntax collectionExpression when depth == 0:
                foreach (var element in collectionExpression.Elements)
                {
                    if (element is ExpressionElementSyntax item)
                    {
                        CheckLiterals(context, item.Expression, referenced, depth + 1);
                    }
                }

                break;
        }
    }

    private static void CheckAll(SyntaxNodeAnalysisContext context, InitializerExpressionSyntax initializer, HashSet<string> referenced)
    {
        foreach (var item in initializer.Expressions)
        {
            CheckLiterals(context, item, referenced, depth: 1);
        }
    }

    private static bool IsReferenced(string name, HashSet<string> referenced)
    {
        if (!name.EndsWith("*", StringComparison.Ordinal))
        {
            return referenced.Contains(name);
        }

        foreach (var assembly in referenced)
        {
            if (HeavyPackageCatalog.AssemblyPatternMatches(name, assembly))
            {
                return true;
            }
        }

        return false;
    }
}
