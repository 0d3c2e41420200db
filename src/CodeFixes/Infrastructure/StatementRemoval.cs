using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>Removes a statement from a block without losing the comments and directives above it.</summary>
internal static class StatementRemoval
{
    public static BlockSyntax RemoveKeepingComments(BlockSyntax block, StatementSyntax statement)
    {
        var index = block.Statements.IndexOf(statement);
        if (index < 0)
        {
            return block;
        }

        // The statement's own indentation (whitespace after the last line break) goes with it.
        var leading = statement.GetLeadingTrivia().ToList();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1] : default;
        while (leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            leading.RemoveAt(leading.Count - 1);
        }

        // A comment at the end of the statement's line stays, on a line of its own.
        foreach (var comment in statement.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            if (indentation != default)
            {
                leading.Add(indentation);
            }

            leading.Add(comment);
            leading.Add(SyntaxFactory.LineFeed);
        }

        var keep = leading.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
        var statements = block.Statements.RemoveAt(index);
        if (!keep)
        {
            return block.WithStatements(statements);
        }

        if (index < statements.Count)
        {
            var next = statements[index];
            return block.WithStatements(statements.Replace(next, next.WithLeadingTrivia(leading.Concat(next.GetLeadingTrivia()))));
        }

        var close = block.CloseBraceToken;
        return block.WithStatements(statements).WithCloseBraceToken(close.WithLeadingTrivia(leading.Concat(close.LeadingTrivia)));
    }
}
