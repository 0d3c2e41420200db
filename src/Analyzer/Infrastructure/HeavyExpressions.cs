using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>A heavy expression: where it is, which heavy type it constructs or calls into, and its package.</summary>
internal readonly struct HeavyExpression
{
    public HeavyExpression(ExpressionSyntax syntax, ITypeSymbol type, HeavyInfo info, string? receiverName = null, bool isObtained = false)
    {
        Syntax = syntax;
        Type = type;
        Info = info;
        ReceiverName = receiverName;
        IsObtained = isObtained;
    }

    /// <summary>For a call of a project method that returns the heavy object (it is built inside that method).</summary>
    public bool IsObtained { get; }

    /// <summary>For a member of an object that a property or call hands out: that property or call.</summary>
    public string? ReceiverName { get; }

    public ExpressionSyntax Syntax { get; }

    public ITypeSymbol Type { get; }

    public HeavyInfo Info { get; }

    /// <summary>
    /// How the expression first touches the heavy type, for messages: <c>created</c>, or
    /// <c>used through static member 'X'</c>.
    /// </summary>
    public string HowUsed => Syntax is BaseObjectCreationExpressionSyntax
        ? "created"
        : IsObtained ? "obtained from '" + MemberName + "'"
        : ReceiverName is { } receiver ? "used through '" + MemberName + "' on the object '" + receiver + "' hands out" : "used through static member '" + MemberName + "'";

    /// <summary>What runs besides the assembly load, for messages: <c>its constructor</c>, or <c>'X'</c>.</summary>
    public string WhatRuns => Syntax is BaseObjectCreationExpressionSyntax
        ? "its constructor"
        : IsObtained ? "'" + MemberName + "', which builds it,"
        : ReceiverName is { } receiver ? "'" + receiver + "' (which may build the object) and '" + MemberName + "'" : "'" + MemberName + "'";

    private string MemberName => Syntax switch
    {
        InvocationExpressionSyntax invocation => CodeUnits.InvokedName(invocation) ?? Type.Name,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => Type.Name,
    };
}

/// <summary>
/// Finds heavy work (construction of, or calls into, a heavy type) in a unit of code: the outermost
/// heavy expression, pre-order. Does not enter lambdas, local functions, nested statements,
/// <c>nameof</c>/<c>typeof</c>/<c>default</c>, nor eager-singleton arguments (LZM0003 owns those).
/// </summary>
internal static class HeavyExpressions
{
    public static HeavyExpression? FindOutermost(SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken) =>
        CodeUnits.IsCodeBoundary(unit) ? null : Visit(unit, unit, model, resolver, creationsOnly: false, cancellationToken);

    /// <summary>
    /// The outermost expression of a unit that brings a heavy type into play: a construction, or a
    /// static member (method, property, field, event) of a heavy type. Calls and property reads on an
    /// object that already exists are not: the object was reported where it was created (or resolved).
    /// </summary>
    public static HeavyExpression? FindFirstTouch(SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken) =>
        CodeUnits.IsCodeBoundary(unit) ? null : Visit(unit, unit, model, resolver, creationsOnly: true, cancellationToken);

    /// <summary>
    /// The first call in the unit's own code to a method of the project (it has source) that returns a heavy
    /// object: the object is built inside that method (LZM0008 reports the creation there), and arrives here.
    /// </summary>
    public static HeavyExpression? FindObtained(SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        foreach (var node in CodeUnits.OwnNodes(unit))
        {
            if (node is InvocationExpressionSyntax invocation
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 } method
                && !method.ReturnsVoid
                && resolver.GetHeavyWork(method.ReturnType) is { } info)
            {
                return new HeavyExpression(invocation, method.ReturnType, info, isObtained: true);
            }
        }

        return null;
    }

    private static HeavyExpression? Visit(SyntaxNode node, SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, bool creationsOnly, CancellationToken cancellationToken)
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
            case ExpressionSyntax expression when (creationsOnly ? IsFirstTouch(expression, model, resolver, cancellationToken) : IsHeavy(expression, model, resolver, cancellationToken)) is { } heavy:
                return heavy;
        }

        foreach (var child in node.ChildNodes())
        {
            if (Visit(child, unit, model, resolver, creationsOnly, cancellationToken) is { } found)
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

    /// <summary>
    /// A construction of a heavy type, a static member of one, or a member of a heavy object that a
    /// property or method call hands out (it may build the object right then, like a lazy property);
    /// not a use of an object held in a local, parameter or field, nor of one just resolved (LZM0004).
    /// </summary>
    public static HeavyExpression? IsFirstTouch(ExpressionSyntax expression, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case BaseObjectCreationExpressionSyntax creation:
                return Make(creation, model.GetTypeInfo(creation, cancellationToken).Type, resolver);

            case InvocationExpressionSyntax invocation:
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { IsExtensionMethod: false } method)
                {
                    return null;
                }

                if (method.IsStatic)
                {
                    return method.MethodKind == MethodKind.Ordinary ? Make(invocation, method.ContainingType, resolver) : null;
                }

                return invocation.Expression is MemberAccessExpressionSyntax called && HandedOutBy(called.Expression, model, resolver, cancellationToken) is { } handedOutBy
                    ? Make(invocation, method.ContainingType, resolver, handedOutBy)
                    : null;

            case MemberAccessExpressionSyntax member when member.Parent is not InvocationExpressionSyntax invoked || invoked.Expression != member:
            {
                var symbol = model.GetSymbolInfo(member, cancellationToken).Symbol;
                if (symbol is not (IPropertySymbol or IEventSymbol or IFieldSymbol { IsConst: false }))
                {
                    return null;
                }

                if (symbol.IsStatic)
                {
                    return Make(member, symbol.ContainingType, resolver);
                }

                return HandedOutBy(member.Expression, model, resolver, cancellationToken) is { } holder ? Make(member, symbol.ContainingType, resolver, holder) : null;
            }

            default:
                return null;
        }
    }

    // The property or method that hands out the receiver; null for a variable, a resolution, or a
    // receiver that is itself a first touch (reported as such).
    private static string? HandedOutBy(ExpressionSyntax receiver, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        while (receiver is ParenthesizedExpressionSyntax parenthesized)
        {
            receiver = parenthesized.Expression;
        }

        if (receiver is InvocationExpressionSyntax call)
        {
            if (ServiceResolution.IsCandidate(call) || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            // A source method is followed by LZM0008, which reports the creation inside it.
            return (method is { IsStatic: true, IsExtensionMethod: false } && resolver.GetHeavyWork(method.ContainingType) is not null)
                || method.DeclaringSyntaxReferences.Length > 0
                ? null
                : method.Name;
        }

        if (receiver is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && model.GetSymbolInfo(receiver, cancellationToken).Symbol is IPropertySymbol property
            && !(property.IsStatic && resolver.GetHeavyWork(property.ContainingType) is not null))
        {
            return property.Name;
        }

        return null;
    }

    private static HeavyExpression? Make(ExpressionSyntax syntax, ITypeSymbol? type, HeavyTypeResolver resolver, string? receiverName = null)
    {
        if (type is null)
        {
            return null;
        }

        // A configuration type (an options builder) is heavy by package but runs nothing heavy.
        var info = resolver.GetHeavyWork(type);
        return info is null ? null : new HeavyExpression(syntax, type, info, receiverName);
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
