using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>Removes a statement without losing the comments and directives above it.</summary>
internal static class StatementRemoval
{
    public static BlockSyntax RemoveKeepingComments(BlockSyntax block, StatementSyntax statement)
    {
        var index = block.Statements.IndexOf(statement);
        if (index < 0)
        {
            return block;
        }

        var (statements, rest) = Remove(block.Statements, index);
        block = block.WithStatements(statements);
        return rest.Count == 0 ? block : block.WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia(rest.Concat(block.CloseBraceToken.LeadingTrivia)));
    }

    /// <summary>The same for a top-level statement: what follows gets the comments, else the end of the file.</summary>
    public static CompilationUnitSyntax RemoveKeepingComments(CompilationUnitSyntax unit, GlobalStatementSyntax statement)
    {
        var index = unit.Members.IndexOf(statement);
        if (index < 0)
        {
            return unit;
        }

        var (members, rest) = Remove(unit.Members, index);
        unit = unit.WithMembers(members);
        return rest.Count == 0 ? unit : unit.WithEndOfFileToken(unit.EndOfFileToken.WithLeadingTrivia(rest.Concat(unit.EndOfFileToken.LeadingTrivia)));
    }

    /// <summary>
    /// The list without the node at <paramref name="index"/>, its comments moved to the next node;
    /// the comments left over when it was the last one, for the token that follows.
    /// </summary>
    private static (SyntaxList<T> Nodes, List<SyntaxTrivia> Leftover) Remove<T>(SyntaxList<T> nodes, int index)
        where T : SyntaxNode
    {
        var removed = nodes[index];

        // The node's own indentation (whitespace after the last line break) goes with it.
        var leading = removed.GetLeadingTrivia().ToList();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1] : default;
        while (leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            leading.RemoveAt(leading.Count - 1);
        }

        // A comment at the end of the node's line stays, on a line of its own.
        foreach (var comment in removed.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            if (indentation != default)
            {
                leading.Add(indentation);
            }

            leading.Add(comment);
            leading.Add(SyntaxFactory.LineFeed);
        }

        var rest = nodes.RemoveAt(index);
        if (!leading.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            return (rest, new List<SyntaxTrivia>());
        }

        if (index < rest.Count)
        {
            var next = rest[index];
            return (rest.Replace(next, next.WithLeadingTrivia(leading.Concat(next.GetLeadingTrivia()))), new List<SyntaxTrivia>());
        }

        return (rest, leading);
    }
}
