using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Removing parameters by name: from a parameter list, keeping the comments around them, and from
/// documentation comments, so the result compiles without XML-doc warnings.
/// </summary>
internal static class ParameterRemoval
{
    /// <summary>
    /// The list without the named parameters; comments above a removed one move to the next kept
    /// parameter, or before the <c>)</c> (they may explain the code around it).
    /// </summary>
    public static ParameterListSyntax FromList(ParameterListSyntax list, ISet<string> names)
    {
        var parameters = list.Parameters;
        var kept = new List<ParameterSyntax>();
        var separators = new List<SyntaxToken>();
        var comments = new List<SyntaxTrivia>();
        var lastKept = -1;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (names.Contains(parameter.Identifier.ValueText))
            {
                comments.AddRange(Comments(parameter.GetLeadingTrivia()));
                continue;
            }

            // The separator just before a kept parameter keeps its line layout.
            if (kept.Count > 0)
            {
                separators.Add(parameters.GetSeparator(i - 1));
            }

            kept.Add(comments.Count == 0 ? parameter : parameter.WithLeadingTrivia(comments.Concat(parameter.GetLeadingTrivia())));
            comments.Clear();
            lastKept = i;
        }

        var close = list.CloseParenToken;
        if (comments.Count > 0)
        {
            // The dropped separator after the last kept parameter ended its line: the comments start a new one.
            var lineEnd = lastKept >= 0 ? parameters.GetSeparator(lastKept).TrailingTrivia : default;

            // After a line comment the ")" starts a line: indented like the comment.
            if (comments[comments.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia) && comments[0].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                comments.Add(comments[0]);
            }

            close = close.WithLeadingTrivia(lineEnd.Concat(comments).Concat(close.LeadingTrivia));
        }

        return list.WithParameters(SyntaxFactory.SeparatedList(kept, separators)).WithCloseParenToken(close);
    }

    /// <summary>The trivia up to the last comment, with the line break or space that ends it; nothing without a comment.</summary>
    private static IEnumerable<SyntaxTrivia> Comments(SyntaxTriviaList trivia)
    {
        var last = -1;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia[i].IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                last = i;
            }
        }

        if (last >= 0 && last + 1 < trivia.Count && (trivia[last + 1].IsKind(SyntaxKind.EndOfLineTrivia) || trivia[last + 1].IsKind(SyntaxKind.WhitespaceTrivia)))
        {
            last++;
        }

        return trivia.Take(last + 1);
    }

    private static bool IsParamElement(XmlElementSyntax element, ISet<string> names)
        => element.StartTag.Name.LocalName.ValueText == "param"
            && element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().Any(a => names.Contains(a.Identifier.Identifier.ValueText));

    /// <summary><c>&lt;paramref name="x"/&gt;</c> for a removed parameter.</summary>
    private static bool IsParamRef(SyntaxNode node, ISet<string> names)
        => node is XmlEmptyElementSyntax { Name.LocalName.ValueText: "paramref" } element
            && element.Attributes.OfType<XmlNameAttributeSyntax>().Any(a => names.Contains(a.Identifier.Identifier.ValueText));

    /// <summary>True when <paramref name="doc"/> has a <c>&lt;param&gt;</c> or <c>&lt;paramref&gt;</c> for one of <paramref name="names"/>.</summary>
    public static bool IsDocumentedIn(DocumentationCommentTriviaSyntax doc, ISet<string> names)
        => doc.DescendantNodes().Any(e => e is XmlElementSyntax element && IsParamElement(element, names) || IsParamRef(e, names));

    /// <summary>
    /// Drops the <c>&lt;param&gt;</c> elements together with the line break and <c>///</c> before each
    /// (else CS1572/CS1573), and points each <c>&lt;paramref&gt;</c> to <paramref name="cref"/> instead (else CS1734).
    /// </summary>
    public static DocumentationCommentTriviaSyntax FromDocumentation(DocumentationCommentTriviaSyntax doc, ISet<string> names, string cref)
    {
        doc = doc.ReplaceNodes(
            doc.DescendantNodes().Where(n => IsParamRef(n, names)),
            (_, current) =>
            {
                var see = SyntaxFactory.ParseLeadingTrivia($"/// <see cref=\"{cref}\"/>\n")
                    .Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().Single()
                    .Content.OfType<XmlEmptyElementSyntax>().Single();

                // Written fully qualified, reduced to what the file's usings and namespace allow.
                var attribute = see.Attributes.OfType<XmlCrefAttributeSyntax>().Single();
                return see.ReplaceNode(attribute.Cref, attribute.Cref.WithAdditionalAnnotations(Simplifier.Annotation));
            });
        var content = doc.Content.ToList();
        for (var i = content.Count - 1; i >= 0; i--)
        {
            if (content[i] is not XmlElementSyntax element || !IsParamElement(element, names))
            {
                continue;
            }

            content.RemoveAt(i);
            if (i > 0 && IsLineBreak(content[i - 1]))
            {
                content.RemoveAt(i - 1);
            }
            else if (i < content.Count && IsLineBreak(content[i]))
            {
                content.RemoveAt(i);
            }
        }

        return doc.WithContent(SyntaxFactory.List(content));
    }

    private static bool IsLineBreak(XmlNodeSyntax node)
        => node is XmlTextSyntax text
            && text.TextTokens.Any(t => t.IsKind(SyntaxKind.XmlTextLiteralNewLineToken))
            && text.TextTokens.All(t => t.IsKind(SyntaxKind.XmlTextLiteralNewLineToken) || string.IsNullOrWhiteSpace(t.ValueText));
}
