using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>How a symbol is used: the fixes must not turn a written field into a get-only property.</summary>
internal static class Usage
{
    /// <summary>
    /// True when <paramref name="reference"/> (a name bound to a variable) is written, passed by
    /// reference, or has its address taken.
    /// </summary>
    public static bool IsWriteOrReference(SyntaxNode reference)
    {
        var node = reference;
        while (node.Parent is MemberAccessExpressionSyntax access && access.Name == node
            || node.Parent is QualifiedNameSyntax qualified && qualified.Right == node
            || node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == node:
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression):
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
            case RefExpressionSyntax:
                return true;
            case ArgumentSyntax argument:
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return true;
                }

                // (x, y) = ... deconstruction writes the tuple's elements.
                return argument.Parent is TupleExpressionSyntax tuple && IsWriteOrReference(tuple);
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="symbol"/> is written anywhere in the solution except inside <paramref name="allowed"/>.</summary>
    public static async Task<bool> IsWrittenElsewhereAsync(ISymbol symbol, Solution solution, SyntaxNode? allowed, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            if (location.IsImplicit || !location.Location.IsInSource)
            {
                continue;
            }

            var tree = location.Location.SourceTree!;
            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (allowed is not null && allowed.SyntaxTree == tree && allowed.Span.Contains(node.Span))
            {
                continue;
            }

            if (IsWriteOrReference(node))
            {
                return true;
            }
        }

        return false;
    }
}
