using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>A heavy expression: where it is, which heavy type it constructs or calls into, and its package.</summary>
internal readonly struct HeavyExpression
{
    public HeavyExpression(ExpressionSyntax syntax, ITypeSymbol type, HeavyInfo info)
    {
        Syntax = syntax;
        Type = type;
        Info = info;
    }

    public ExpressionSyntax Syntax { get; }

    public ITypeSymbol Type { get; }

    public HeavyInfo Info { get; }
}

/// <summary>
/// Finds heavy work (construction of, or calls into, a heavy type) in a unit of code: the outermost
/// heavy expression, pre-order. Does not enter lambdas, local functions, nested statements,
/// <c>nameof</c>/<c>typeof</c>/<c>default</c>, nor eager-singleton arguments (LZM0003 owns those).
/// </summary>
internal static class HeavyExpressions
{
    public static HeavyExpression? FindOutermost(SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken) =>
        CodeUnits.IsCodeBoundary(unit) ? null : Visit(unit, unit, model, resolver, cancellationToken);

    private static HeavyExpression? Visit(SyntaxNode node, SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        if (node != unit && CodeUnits.IsUnitBoundary(node))
        {
            return null;
        }

        switch (node)
        {
            case TypeOfExpressionSyntax or SizeOfExpressionSyntax or DefaultExpressionSyntax:
                return null;
            case InvocationExpressionSyntax invocation when CodeUnits.IsNameOf(invocation):
                return null;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax registration } } argument
                when SingletonRegistration.IsCandidate(registration)
                    && SingletonRegistration.Analyze(registration, model, resolver, cancellationToken) is { } eager
                    && eager.Instance == argument.Expression:
                return null;
            case ExpressionSyntax expression when IsHeavy(expression, model, resolver, cancellationToken) is { } heavy:
                return heavy;
        }

        foreach (var child in node.ChildNodes())
        {
            if (Visit(child, unit, model, resolver, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The heavy type this single expression constructs or calls into, ignoring its children.</summary>
    public static HeavyExpression? IsHeavy(ExpressionSyntax expression, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case BaseObjectCreationExpressionSyntax creation:
            {
                var type = model.GetTypeInfo(creation, cancellationToken).Type;
                return Make(creation, type, resolver);
            }

            case InvocationExpressionSyntax invocation:
            {
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
                {
                    return null;
                }

                if (method.IsExtensionMethod)
                {
                    // Extension methods of heavy packages on framework receivers (services.AddDbContext<T>())
                    // only register; an extension on a heavy receiver is heavy work on that instance.
                    var receiver = method.ReducedFrom is not null ? method.ReceiverType : (method.Parameters.Length > 0 ? method.Parameters[0].Type : null);
                    return Make(invocation, receiver, resolver);
                }

                return Make(invocation, method.ContainingType, resolver);
            }

            case MemberAccessExpressionSyntax member when member.Parent is not InvocationExpressionSyntax invoked || invoked.Expression != member:
            {
                var symbol = model.GetSymbolInfo(member, cancellationToken).Symbol;
                if (symbol is IPropertySymbol or IEventSymbol || symbol is IFieldSymbol { IsConst: false })
                {
                    return Make(member, symbol.ContainingType, resolver);
                }

                return null;
            }

            default:
                return null;
        }
    }

    private static HeavyExpression? Make(ExpressionSyntax syntax, ITypeSymbol? type, HeavyTypeResolver resolver)
    {
        if (type is null)
        {
            return null;
        }

        var info = resolver.GetHeavy(type);
        return info is null ? null : new HeavyExpression(syntax, type, info);
    }

    /// <summary>
    /// The first type syntax in a unit that names a heavy type (LZM0005): the outermost name,
    /// e.g. <c>Ns.Heavy</c> rather than its parts; <c>List&lt;Heavy&gt;</c> yields <c>Heavy</c>.
    /// </summary>
    public static (NameSyntax Syntax, ITypeSymbol Type, HeavyInfo Info)? FindHeavyTypeName(SyntaxNode root, bool isUnit, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken, System.Func<SyntaxNode, bool>? skip = null)
    {
        return VisitNames(root, root, isUnit, model, resolver, skip, cancellationToken);
    }

    private static (NameSyntax, ITypeSymbol, HeavyInfo)? VisitNames(SyntaxNode node, SyntaxNode root, bool isUnit, SemanticModel model, HeavyTypeResolver resolver, System.Func<SyntaxNode, bool>? skip, CancellationToken cancellationToken)
    {
        if (node != root && (isUnit ? CodeUnits.IsUnitBoundary(node) : CodeUnits.IsCodeBoundary(node)))
        {
            return null;
        }

        if (skip is not null && skip(node))
        {
            return null;
        }

        if (node is InvocationExpressionSyntax invocation && CodeUnits.IsNameOf(invocation))
        {
            return null;
        }

        if (node is NameSyntax name && !(name is IdentifierNameSyntax { IsVar: true }) && name.Parent is not QualifiedNameSyntax and not AliasQualifiedNameSyntax)
        {
            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (symbol is IAliasSymbol alias)
            {
                symbol = alias.Target;
            }

            if (symbol is ITypeSymbol type && resolver.GetHeavy(type) is { } info)
            {
                return (name, type, info);
            }
        }

        foreach (var child in node.ChildNodes())
        {
            if (VisitNames(child, root, isUnit, model, resolver, skip, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
