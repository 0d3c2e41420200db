using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Moves code to another indentation level as a block: every line of a moved statement keeps its
/// place relative to the statement's first line (a lambda body the user indented stays where it
/// was, relative to its statement). The formatter alone re-indents the first line of a moved
/// multi-line statement and guesses the rest.
/// </summary>
internal static class Indentation
{
    /// <summary>One level of indentation in <paramref name="document"/> (its formatting options: tabs or N spaces).</summary>
    public static async Task<string> UnitAsync(Document document, CancellationToken cancellationToken)
    {
        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        return options.GetOption(FormattingOptions.UseTabs, LanguageNames.CSharp)
            ? "\t"
            : new string(' ', options.GetOption(FormattingOptions.IndentationSize, LanguageNames.CSharp));
    }

    /// <summary>The whitespace before the first token on the line where <paramref name="node"/> starts.</summary>
    public static string Of(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart);
        var content = line.ToString();
        return content.Substring(0, content.Length - content.TrimStart(' ', '\t').Length);
    }

    /// <summary>
    /// <paramref name="node"/> with every line after its first shifted from <paramref name="from"/>
    /// to <paramref name="to"/> (lines indented less than <paramref name="from"/>, and text inside
    /// multi-line tokens such as verbatim strings, are left as they are). Nodes keep their annotations.
    /// </summary>
    public static T Shift<T>(T node, string from, string to)
        where T : SyntaxNode
    {
        if (from == to)
        {
            return node;
        }

        var first = node.GetFirstToken(includeZeroWidth: true);
        return node.ReplaceTokens(node.DescendantTokens(descendIntoTrivia: false), (original, rewritten) =>
        {
            if (original == first)
            {
                return rewritten;
            }

            var previous = original.GetPreviousToken(includeZeroWidth: true);
            var atLineStart = previous.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
            var leading = new System.Collections.Generic.List<SyntaxTrivia>();
            foreach (var trivia in rewritten.LeadingTrivia)
            {
                if (atLineStart && trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    leading.Add(SyntaxFactory.Whitespace(Move(trivia.ToString(), from, to)));
                    atLineStart = false;
                    continue;
                }

                if (atLineStart && !trivia.IsKind(SyntaxKind.EndOfLineTrivia) && !trivia.IsDirective && from.Length == 0)
                {
                    leading.Add(SyntaxFactory.Whitespace(to));
                }

                leading.Add(trivia);
                atLineStart = trivia.IsKind(SyntaxKind.EndOfLineTrivia);
            }

            if (atLineStart && from.Length == 0)
            {
                leading.Add(SyntaxFactory.Whitespace(to));
            }

            return rewritten.WithLeadingTrivia(leading);
        });
    }

    private static string Move(string whitespace, string from, string to)
        => whitespace.StartsWith(from, System.StringComparison.Ordinal) ? to + whitespace.Substring(from.Length) : whitespace;
}
