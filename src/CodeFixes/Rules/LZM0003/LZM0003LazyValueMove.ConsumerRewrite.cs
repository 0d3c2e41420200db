using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>LZM0003 move, rewriting a consumer: uses of the parameter read the lazy value, the parameter and its docs go.</summary>
internal static partial class LZM0003LazyValueMove
{
    private static ClassDeclarationSyntax RewriteConsumer(Consumer consumer, string access, CancellationToken cancellationToken)
    {
        var declaration = consumer.Declaration;
        var symbols = consumer.Parameters.Select(p => (ISymbol)p.Symbol).ToList();
        // A use inside nameof(..) stays as written: it no longer compiles, so the safety net refuses
        // the move rather than silently changing the string.
        var uses = declaration.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => symbols.Any(s => s.Name == n.Identifier.ValueText)
                && !n.Ancestors().OfType<InvocationExpressionSyntax>().Any(CodeUnits.IsNameOf)
                && symbols.Contains(consumer.Model.GetSymbolInfo(n, cancellationToken).Symbol, SymbolEqualityComparer.Default))
            .ToList();
        var lists = consumer.Parameters.Select(p => (ParameterListSyntax)p.Syntax.Parent!).Distinct().ToList();
        var names = new HashSet<string>(consumer.Parameters.Select(p => p.Symbol.Name), StringComparer.Ordinal);

        // <param> docs live on the constructor, or on the class for a primary constructor.
        var documented = lists.Select(l => (SyntaxNode)l.Parent!).ToList();
        var docs = documented
            .SelectMany(d => d.GetLeadingTrivia())
            .Select(t => t.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .Where(d => ParameterRemoval.IsDocumentedIn(d, names))
            .ToList();

        var nodes = uses.Cast<SyntaxNode>().Concat(lists).Concat(docs);
        var cref = access.Replace("global::", string.Empty);
        var rewritten = declaration.ReplaceNodes(nodes, (original, current) => current switch
        {
            IdentifierNameSyntax use => Generated.Expression(access).WithTriviaFrom(use),
            ParameterListSyntax list => ParameterRemoval.FromList(list, names),
            DocumentationCommentTriviaSyntax doc => ParameterRemoval.FromDocumentation(doc, names, cref),
            _ => current,
        });

        // An emptied primary constructor list goes away unless a base call needs it or a comment
        // is still inside it (C# 12 accepts an empty primary constructor list).
        if (rewritten.ParameterList is { Parameters.Count: 0 } emptied
            && lists.Any(l => l.Parent is ClassDeclarationSyntax)
            && rewritten.BaseList?.Types.Any(t => t is PrimaryConstructorBaseTypeSyntax) != true
            && !emptied.DescendantTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            var before = emptied.GetFirstToken().GetPreviousToken();
            rewritten = rewritten.ReplaceToken(before, before.WithTrailingTrivia(before.TrailingTrivia.AddRange(emptied.GetTrailingTrivia())))
                .WithParameterList(null);
        }

        return rewritten;
    }
}
