using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>Heavy work a unit reaches: the expression in the unit that leads there, the heavy work, and the calls between.</summary>
internal readonly struct ReachedHeavy
{
    public ReachedHeavy(ExpressionSyntax entry, HeavyExpression heavy, IReadOnlyList<string> chain)
    {
        Entry = entry;
        Heavy = heavy;
        Chain = chain;
    }

    /// <summary>The outermost expression of the unit that does or leads to the heavy work (the report location).</summary>
    public ExpressionSyntax Entry { get; }

    public HeavyExpression Heavy { get; }

    /// <summary>The project members called on the way (<c>Open</c>, <c>new PhotoDb()</c>); empty when the unit does the work itself.</summary>
    public IReadOnlyList<string> Chain { get; }
}

/// <summary>
/// Heavy work a unit does itself (<see cref="HeavyExpressions.FindOutermost"/>) or through the project code
/// it runs right away: methods, property and indexer accessors, local functions, constructors (with the
/// instance field initializers of the type they build) and lambdas invoked where they are written. Follows
/// source members of the same compilation, depth-first in source order, at most <see cref="MaxDepth"/> calls
/// deep. Lambdas and method groups passed along are not followed: they run later, if at all.
/// </summary>
internal static class HeavyReach
{
    private const int MaxDepth = 6;
    private const int MaxVisited = 200;

    public static ReachedHeavy? Find(SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        if (HeavyExpressions.FindOutermost(unit, model, resolver, cancellationToken) is { } direct)
        {
            return new ReachedHeavy(direct.Syntax, direct, System.Array.Empty<string>());
        }

        if (CodeUnits.IsCodeBoundary(unit))
        {
            return null;
        }

        var visited = new HashSet<SyntaxNode>();
        var chain = new List<string>();
        foreach (var (entry, target) in Calls(unit, model, cancellationToken))
        {
            if (Follow(target, model, resolver, visited, chain, 1, cancellationToken) is { } heavy)
            {
                return new ReachedHeavy(entry, heavy, chain.ToArray());
            }
        }

        return null;
    }

    private static HeavyExpression? Follow(object target, SemanticModel callerModel, HeavyTypeResolver resolver, HashSet<SyntaxNode> visited, List<string> chain, int depth, CancellationToken cancellationToken)
    {
        chain.Add(Display(target));
        foreach (var body in Bodies(target, cancellationToken))
        {
            if (!visited.Add(body) || visited.Count > MaxVisited)
            {
                continue;
            }

            var model = SameTreeModel(callerModel, body.SyntaxTree);
            if (model is null)
            {
                continue;
            }

            var units = Units(body);
            foreach (var unit in units)
            {
                if (HeavyExpressions.FindOutermost(unit, model, resolver, cancellationToken) is { } heavy)
                {
                    return heavy;
                }
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            foreach (var unit in units)
            {
                foreach (var (_, next) in Calls(unit, model, cancellationToken))
                {
                    if (Follow(next, model, resolver, visited, chain, depth + 1, cancellationToken) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        chain.RemoveAt(chain.Count - 1);
        return null;
    }

    /// <summary>The units of a body: statements (nested ones too) or the expression of an expression body or initializer.</summary>
    private static List<SyntaxNode> Units(SyntaxNode body)
    {
        var units = new List<SyntaxNode>();
        if (body is BlockSyntax block)
        {
            foreach (var statement in block.Statements)
            {
                if (statement is not LocalFunctionStatementSyntax)
                {
                    units.AddRange(CodeUnits.UnitsWithin(statement));
                }
            }
        }
        else
        {
            units.Add(body);
        }

        return units;
    }

    /// <summary>Project members a unit runs right away, each with the outermost expression of the unit that runs it.</summary>
    private static IEnumerable<(ExpressionSyntax Entry, object Target)> Calls(SyntaxNode unit, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in CodeUnits.OwnNodes(unit))
        {
            if (node is not ExpressionSyntax expression || node is TypeOfExpressionSyntax or DefaultExpressionSyntax)
            {
                continue;
            }

            if (node is InvocationExpressionSyntax nameOf && CodeUnits.IsNameOf(nameOf))
            {
                continue;
            }

            ISymbol? target = null;
            switch (expression)
            {
                case InvocationExpressionSyntax invocation:
                    target = model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                        ? (method.ReducedFrom ?? method).OriginalDefinition
                        : null;
                    if (target is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke } && InvokedLambda(invocation.Expression, model, cancellationToken) is { } lambda)
                    {
                        yield return (invocation, lambda);
                        target = null;
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation:
                    target = model.GetSymbolInfo(creation, cancellationToken).Symbol?.OriginalDefinition;
                    break;
                case MemberAccessExpressionSyntax or IdentifierNameSyntax or ElementAccessExpressionSyntax
                    when model.GetSymbolInfo(expression, cancellationToken).Symbol is IPropertySymbol property:
                    target = IsWritten(expression) ? property.SetMethod : property.GetMethod;
                    target = target?.OriginalDefinition;
                    break;
            }

            // A project type's implicit constructor still runs the type's field initializers.
            if (target is IMethodSymbol source
                && (source.DeclaringSyntaxReferences.Length > 0 || source.MethodKind == MethodKind.Constructor)
                && SymbolEqualityComparer.Default.Equals(source.ContainingAssembly, model.Compilation.Assembly))
            {
                yield return (expression, source);
            }
        }
    }

    /// <summary>The lambda a delegate invocation runs when it is written in place or is the initializer of the invoked local.</summary>
    private static AnonymousFunctionExpressionSyntax? InvokedLambda(ExpressionSyntax invoked, SemanticModel model, CancellationToken cancellationToken)
    {
        var expression = Unparenthesized(invoked);
        while (expression is CastExpressionSyntax cast)
        {
            expression = Unparenthesized(cast.Expression);
        }

        if (expression is AnonymousFunctionExpressionSyntax lambda)
        {
            return lambda;
        }

        if (expression is IdentifierNameSyntax && model.GetSymbolInfo(expression, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return InvokedLambda(value, model, cancellationToken);
        }

        return null;
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static bool IsWritten(ExpressionSyntax expression) =>
        expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression);

    /// <summary>The code a call runs: the body of a method/accessor/local function, a constructor's body and its type's instance field initializers.</summary>
    private static IEnumerable<SyntaxNode> Bodies(object target, CancellationToken cancellationToken)
    {
        if (target is AnonymousFunctionExpressionSyntax lambda)
        {
            if (lambda.Block is { } lambdaBlock)
            {
                yield return lambdaBlock;
            }
            else if (lambda.ExpressionBody is { } lambdaExpression)
            {
                yield return lambdaExpression;
            }

            yield break;
        }

        if (target is not IMethodSymbol method)
        {
            yield break;
        }

        if (method.MethodKind == MethodKind.Constructor && !method.IsStatic)
        {
            foreach (var member in method.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false })
                {
                    foreach (var reference in member.DeclaringSyntaxReferences)
                    {
                        var declaration = reference.GetSyntax(cancellationToken);
                        if (declaration is VariableDeclaratorSyntax { Initializer.Value: { } fieldValue })
                        {
                            yield return fieldValue;
                        }
                        else if (declaration is PropertyDeclarationSyntax { Initializer.Value: { } propertyValue })
                        {
                            yield return propertyValue;
                        }
                    }
                }
            }
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case BaseMethodDeclarationSyntax { Body: { } body }:
                    yield return body;
                    break;
                case BaseMethodDeclarationSyntax { ExpressionBody.Expression: { } expression }:
                    yield return expression;
                    break;
                case AccessorDeclarationSyntax { Body: { } accessorBody }:
                    yield return accessorBody;
                    break;
                case AccessorDeclarationSyntax { ExpressionBody.Expression: { } accessorExpression }:
                    yield return accessorExpression;
                    break;
                case ArrowExpressionClauseSyntax { Expression: { } arrow }:
                    yield return arrow;
                    break;
                case LocalFunctionStatementSyntax { Body: { } localBody }:
                    yield return localBody;
                    break;
                case LocalFunctionStatementSyntax { ExpressionBody.Expression: { } localExpression }:
                    yield return localExpression;
                    break;
            }
        }
    }

    private static SemanticModel? SameTreeModel(SemanticModel model, SyntaxTree tree)
    {
        if (model.SyntaxTree == tree)
        {
            return model;
        }

        if (!model.Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        // Bounded (MaxDepth, MaxVisited) and only for static initializers: the members they call may sit in other files.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        return model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }

    private static string Display(object target) => target switch
    {
        AnonymousFunctionExpressionSyntax => "lambda",
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => "new " + constructor.ContainingType.Name + "()",
        IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.Name,
        IMethodSymbol method => method.Name,
        _ => target.ToString() ?? string.Empty,
    };
}
