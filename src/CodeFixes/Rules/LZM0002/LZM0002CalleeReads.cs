using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// After LZM0002 turned a local into a lazy property, a use that only passes the property to a private
/// non-inlined method of the same type (the shape LZM0005's extraction writes: <c>Compute..(words, tagger, canvas)</c>)
/// would build the value at every call, whatever the method does with it. When that call is the method's only
/// one, the parameter goes and the method reads the property itself, so the value is built only on the path
/// that uses it (one command of a <c>switch</c>, not all of them).
/// </summary>
internal static class LZM0002CalleeReads
{
    /// <summary>Moves the reads of the nodes marked <paramref name="uses"/> into their callees, one at a time.</summary>
    public static async Task<Document> MoveIntoCalleesAsync(Document document, SyntaxAnnotation uses, CancellationToken cancellationToken)
    {
        // Each step removes one marked argument, so the loop ends; the bound only guards against a bug.
        for (var step = 0; step < 64; step++)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var plan = root.GetAnnotatedNodes(uses).OfType<IdentifierNameSyntax>()
                .Select(use => Plan(use, root, model, cancellationToken))
                .FirstOrDefault(p => p is not null);
            if (plan is null)
            {
                return document;
            }

            document = document.WithSyntaxRoot(Apply(root, plan));
        }

        return document;
    }

    private sealed class Move
    {
        public Move(ArgumentSyntax argument, MethodDeclarationSyntax method, string parameter, string property, IReadOnlyList<IdentifierNameSyntax> reads)
        {
            Argument = argument;
            Method = method;
            Parameter = parameter;
            Property = property;
            Reads = reads;
        }

        public ArgumentSyntax Argument { get; }

        public MethodDeclarationSyntax Method { get; }

        public string Parameter { get; }

        public string Property { get; }

        public IReadOnlyList<IdentifierNameSyntax> Reads { get; }
    }

    private static Move? Plan(IdentifierNameSyntax use, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (use.Parent is not ArgumentSyntax { NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None } argument
            || argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation }
            || model.GetSymbolInfo(use, cancellationToken).Symbol is not IPropertySymbol { IsStatic: true } property
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsExtern: false, PartialDefinitionPart: null, PartialImplementationPart: null } method
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, property.ContainingType)
            || model.GetOperation(argument, cancellationToken) is not IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter: { RefKind: RefKind.None, IsParams: false } parameter }
            || !SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type)
            || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].SyntaxTree != root.SyntaxTree
            || root.FindNode(method.DeclaringSyntaxReferences[0].Span) is not MethodDeclarationSyntax declaration
            || !IsNonInlined(declaration, model, cancellationToken)
            || declaration.Span.Contains(invocation.Span)
            || HasDocumentation(declaration))
        {
            return null;
        }

        // Private: every reference is in the type's declarations, all in this file, and the call is the only one.
        var references = new List<SimpleNameSyntax>();
        foreach (var part in method.ContainingType.DeclaringSyntaxReferences)
        {
            if (part.SyntaxTree != root.SyntaxTree)
            {
                return null;
            }

            references.AddRange(root.FindNode(part.Span).DescendantNodes().OfType<SimpleNameSyntax>()
                .Where(n => n.Identifier.ValueText == method.Name && Binds(n, method, model, cancellationToken)));
        }

        if (references.Count != 1 || !invocation.Expression.DescendantNodesAndSelf().Contains(references[0]))
        {
            return null;
        }

        // The parameter is only read, and at each read the property's name means the property (nothing in the method shadows it).
        var reads = declaration.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == parameter.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, parameter))
            .ToList();
        if (reads.Any(Usage.IsWriteOrReference)
            || reads.Any(r => !SymbolEqualityComparer.Default.Equals(model.LookupSymbols(r.SpanStart, name: property.Name).FirstOrDefault(), property)))
        {
            return null;
        }

        return new Move(argument, declaration, parameter.Name, property.Name, reads);
    }

    private static SyntaxNode Apply(SyntaxNode root, Move move)
    {
        var list = (ArgumentListSyntax)move.Argument.Parent!;
        return root.ReplaceNodes(
            new SyntaxNode[] { list, move.Method },
            (original, _) =>
            {
                if (original == list)
                {
                    return list.WithArguments(list.Arguments.Remove(move.Argument));
                }

                var method = move.Method.ReplaceNodes(move.Reads, (read, _) => SyntaxFactory.IdentifierName(move.Property).WithTriviaFrom(read));
                return method.WithParameterList(ParameterRemoval.FromList(method.ParameterList, new HashSet<string> { move.Parameter }));
            });
    }

    private static bool Binds(SimpleNameSyntax name, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(name, cancellationToken);
        return SymbolEqualityComparer.Default.Equals(info.Symbol?.OriginalDefinition, method)
            || info.CandidateSymbols.Any(c => SymbolEqualityComparer.Default.Equals(c.OriginalDefinition, method));
    }

    /// <summary>[MethodImpl(MethodImplOptions.NoInlining)]: the mark of a method split off so its JIT compilation waits for its call.</summary>
    private static bool IsNonInlined(MethodDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
        => model.GetDeclaredSymbol(declaration, cancellationToken)?.MethodImplementationFlags.HasFlag(System.Reflection.MethodImplAttributes.NoInlining) == true;

    private static bool HasDocumentation(MethodDeclarationSyntax declaration)
        => declaration.GetLeadingTrivia().Any(t => t.HasStructure && t.GetStructure() is DocumentationCommentTriviaSyntax);
}
