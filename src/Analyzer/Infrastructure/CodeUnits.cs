using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// Splits executable code into "units": statements (or a lone expression body) that each own the
/// expressions directly inside them. Rules report at most once per unit. Lambdas, anonymous methods
/// and local functions are boundaries: their code runs later, as a method of its own.
/// </summary>
internal static class CodeUnits
{
    /// <summary>The top-level statements of a body, in order (an expression body is one unit).</summary>
    public static ImmutableArray<SyntaxNode> TopLevel(SyntaxNode owner)
    {
        switch (owner)
        {
            case BaseMethodDeclarationSyntax method:
                return FromBody(method.Body, method.ExpressionBody?.Expression);
            case LocalFunctionStatementSyntax local:
                return FromBody(local.Body, local.ExpressionBody?.Expression);
            case AnonymousFunctionExpressionSyntax lambda:
                return FromBody(lambda.Block, lambda.ExpressionBody);
            case CompilationUnitSyntax unit:
                var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
                foreach (var member in unit.Members)
                {
                    if (member is GlobalStatementSyntax global && global.Statement is not LocalFunctionStatementSyntax)
                    {
                        builder.Add(global.Statement);
                    }
                }

                return builder.ToImmutable();
            default:
                return ImmutableArray<SyntaxNode>.Empty;
        }
    }

    /// <summary>A top-level unit and every statement nested in it (not crossing boundaries), blocks excluded.</summary>
    public static IEnumerable<SyntaxNode> UnitsWithin(SyntaxNode topLevel)
    {
        if (topLevel is not BlockSyntax)
        {
            yield return topLevel;
        }

        foreach (var node in topLevel.DescendantNodes(IsNotBoundaryOrRoot(topLevel)))
        {
            if (node is StatementSyntax statement && statement is not BlockSyntax && statement is not LocalFunctionStatementSyntax && !InsideBoundary(node, topLevel))
            {
                yield return statement;
            }
        }
    }

    /// <summary>The nodes a unit owns: its descendants, not entering nested statements or boundaries.</summary>
    public static IEnumerable<SyntaxNode> OwnNodes(SyntaxNode unit) =>
        unit.DescendantNodesAndSelf(n => n == unit || !IsUnitBoundary(n));

    /// <summary>Nested statements, lambdas, anonymous methods, local functions.</summary>
    public static bool IsUnitBoundary(SyntaxNode node) =>
        node is StatementSyntax || IsCodeBoundary(node);

    /// <summary>Code that does not run where it is written.</summary>
    public static bool IsCodeBoundary(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax;

    /// <summary>True for <c>nameof(x)</c>.</summary>
    public static bool IsNameOf(InvocationExpressionSyntax invocation) =>
        invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" } && invocation.ArgumentList.Arguments.Count == 1;

    /// <summary>The simple name of the invoked member (<c>x.Foo&lt;T&gt;()</c> → Foo), or null.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) =>
        invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

    /// <summary>The method symbol an invocation binds to (the unreduced definition for extension methods).</summary>
    public static IMethodSymbol? InvokedMethod(SemanticModel model, InvocationExpressionSyntax invocation, System.Threading.CancellationToken cancellationToken)
    {
        var method = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
        return method;
    }

    private static System.Func<SyntaxNode, bool> IsNotBoundaryOrRoot(SyntaxNode root) =>
        n => n == root || !IsCodeBoundary(n);

    private static bool InsideBoundary(SyntaxNode node, SyntaxNode root)
    {
        for (var current = node.Parent; current is not null && current != root; current = current.Parent)
        {
            if (IsCodeBoundary(current))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<SyntaxNode> FromBody(BlockSyntax? block, ExpressionSyntax? expression)
    {
        if (block is not null)
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxNode>(block.Statements.Count);
            foreach (var statement in block.Statements)
            {
                if (statement is not LocalFunctionStatementSyntax)
                {
                    builder.Add(statement);
                }
            }

            return builder.ToImmutable();
        }

        return expression is null ? ImmutableArray<SyntaxNode>.Empty : ImmutableArray.Create<SyntaxNode>(expression);
    }

    /// <summary>True when the invocation's receiver is a `_ = ` discard or the statement is the call itself.</summary>
    public static bool IsDiscarded(SyntaxNode expression)
    {
        var node = expression;
        while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        if (node.Parent is ExpressionStatementSyntax)
        {
            return true;
        }

        return node.Parent is AssignmentExpressionSyntax assignment
            && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && assignment.Right == node
            && assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "_" }
            && assignment.Parent is ExpressionStatementSyntax;
    }
}
