using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Turns generated, fully qualified code into what a person would write: adds the missing
/// <c>using</c> directives (respecting the file's placement style), shortens names, formats only
/// the generated nodes so the user's own layout and trivia stay as they were.
/// </summary>
internal static class CodeCleanup
{
    public static async Task<Document> CleanupAsync(Document document, CancellationToken cancellationToken)
    {
        // ImportAdder copies the first using's leading trivia onto a using it inserts before it, so
        // a file-leading "#nullable enable" would appear twice. Keep such a header aside and put it back on top.
        var header = await DetachStandaloneHeaderAsync(document, cancellationToken).ConfigureAwait(false);
        document = header.Document;
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (header.Trivia.Count > 0 && await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } root)
        {
            var first = root.GetFirstToken(includeZeroWidth: true);
            document = document.WithSyntaxRoot(root.ReplaceToken(first, first.WithLeadingTrivia(header.Trivia.AddRange(first.LeadingTrivia))));
        }

        return document;
    }

    /// <summary>
    /// Removes the file's leading trivia when it holds directives that need no partner (<c>#nullable</c>,
    /// <c>#pragma</c>); <c>#if</c> or <c>#region</c> headers stay, since removing them would unbalance the file.
    /// </summary>
    private static async Task<(Document Document, SyntaxTriviaList Trivia)> DetachStandaloneHeaderAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return (document, default);
        }

        var first = root.GetFirstToken(includeZeroWidth: true);
        var leading = first.LeadingTrivia;
        var directives = leading.Where(t => t.IsDirective).ToList();
        if (directives.Count == 0
            || !directives.All(t => t.IsKind(SyntaxKind.NullableDirectiveTrivia) || t.IsKind(SyntaxKind.PragmaWarningDirectiveTrivia)))
        {
            return (document, default);
        }

        return (document.WithSyntaxRoot(root.ReplaceToken(first, first.WithLeadingTrivia())), leading);
    }
}
