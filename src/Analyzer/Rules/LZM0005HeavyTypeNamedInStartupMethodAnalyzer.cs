using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0005: a heavy type named in a startup method's signature or body (typeof, generic argument,
/// declared type, cast, pattern, code after the ready cut…): the JIT loads its assembly when it compiles
/// the method. At most one diagnostic per statement (and one for the signature); statements that already
/// carry LZM0002, LZM0003, LZM0004 or LZM0006 are skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0005HeavyTypeNamedInStartupMethodAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0005HeavyTypeNamedInStartupMethod);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        StartupBodyActions.Register(context, alsoForLazyProxies: false, Analyze);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, StartupBody body, HeavyTypeResolver resolver)
    {
        var model = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        foreach (var signature in SignatureParts(body.Owner))
        {
            if (HeavyExpressions.FindHeavyTypeName(signature, isUnit: false, model, resolver, cancellationToken) is { } named)
            {
                Report(context, body, named.Syntax, named.Type, named.Info, inRegistration: false);
                break;
            }
        }

        foreach (var (unit, beforeCut) in body.Units())
        {
            if (IsReportedByOtherRule(unit, beforeCut, body.Owner, model, resolver, cancellationToken))
            {
                continue;
            }

            // A type only the compiled code names (var, a property's type, a return type…) is reported where
            // moving the code defers the load: after the ready cut, or in code that runs only on some paths.
            var includeImplicit = !beforeCut || IsConditional(unit, body.Owner);
            if (JitTypeMentions.FindFirst(unit, isUnit: true, model, resolver, node => ServiceRegistration.IsPackageRegistrationNode(node, model, cancellationToken), cancellationToken, includeImplicit) is { } mention)
            {
                Report(context, body, mention.Syntax, mention.Type, mention.Info, InRegistration(mention.Syntax, unit, model, cancellationToken));
            }
        }
    }

    private static bool IsReportedByOtherRule(SyntaxNode unit, bool beforeCut, SyntaxNode owner, SemanticModel model, HeavyTypeResolver resolver, System.Threading.CancellationToken cancellationToken)
    {
        if (beforeCut
            && (HeavyExpressions.FindOutermost(unit, model, resolver, cancellationToken) is not null
                || LZM0004HeavyServiceResolvedAtStartupAnalyzer.FindResolution(unit, model, resolver, cancellationToken) is not null
                || (owner is MethodDeclarationSyntax { Identifier.ValueText: "ExecuteAsync" } && HeavyExpressions.FindObtained(unit, model, resolver, cancellationToken) is not null)))
        {
            return true;
        }

        foreach (var node in CodeUnits.OwnNodes(unit))
        {
            if (beforeCut && LazyForcing.ForcedReceiver(node, model, resolver, cancellationToken) is not null)
            {
                return true;
            }

            if (node is InvocationExpressionSyntax invocation
                && SingletonRegistration.IsCandidate(invocation)
                && SingletonRegistration.Analyze(invocation, model, resolver, cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="unit"/> sits in a branch, loop body, switch section or catch block of the body.</summary>
    private static bool IsConditional(SyntaxNode unit, SyntaxNode owner)
    {
        for (var child = unit; child.Parent is { } parent && child != owner; child = parent)
        {
            switch (parent)
            {
                case IfStatementSyntax when child is StatementSyntax:
                case ElseClauseSyntax or SwitchSectionSyntax or CatchClauseSyntax:
                case WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax when child is StatementSyntax:
                    return true;
            }
        }

        return false;
    }

    private static SyntaxNode[] SignatureParts(SyntaxNode owner) => owner switch
    {
        MethodDeclarationSyntax method => new SyntaxNode[] { method.ReturnType, method.ParameterList },
        ConstructorDeclarationSyntax constructor => new SyntaxNode[] { constructor.ParameterList },
        ParenthesizedLambdaExpressionSyntax lambda => lambda.ReturnType is { } returnType
            ? new SyntaxNode[] { returnType, lambda.ParameterList }
            : new SyntaxNode[] { lambda.ParameterList },
        SimpleLambdaExpressionSyntax simple => new SyntaxNode[] { simple.Parameter },
        AnonymousMethodExpressionSyntax { ParameterList: { } parameters } => new SyntaxNode[] { parameters },
        _ => System.Array.Empty<SyntaxNode>(),
    };

    /// <summary>True when <paramref name="syntax"/> is part of a service registration (AddSingleton…) within <paramref name="unit"/>.</summary>
    private static bool InRegistration(SyntaxNode syntax, SyntaxNode unit, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        for (var current = syntax; current is not null; current = current.Parent)
        {
            if (current is InvocationExpressionSyntax invocation && ServiceRegistration.IsLifetimeRegistration(invocation, model, cancellationToken))
            {
                return true;
            }

            if (current == unit)
            {
                break;
            }
        }

        return false;
    }

    private static void Report(SyntaxNodeAnalysisContext context, StartupBody body, SyntaxNode syntax, ITypeSymbol type, HeavyInfo info, bool inRegistration)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.PackageName, info.PackageName)
            .Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(type));
        if (inRegistration)
        {
            // A registration runs during startup wherever it is written: the code fix has nothing to move.
            properties = properties.Add(DiagnosticProperties.Kind, DiagnosticProperties.KindRegistration);
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LZM0005HeavyTypeNamedInStartupMethod,
            syntax.GetLocation(),
            properties,
            type.Name,
            info.PackageName,
            body.DisplayName,
            ReadyHint.For(body)));
    }
}
