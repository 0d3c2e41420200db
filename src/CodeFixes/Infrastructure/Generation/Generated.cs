using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Builds generated members from small C# templates written with <c>global::</c>-qualified
/// names; <see cref="CodeCleanup"/> later shortens them and adds the matching usings.
/// </summary>
internal static class Generated
{
    /// <summary>Stand-in identifier replaced by a user expression or statement after parsing.</summary>
    public const string Placeholder = "__LazyMigratePlaceholder__";

    public const string NoInliningAttribute =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]\n";

    /// <summary>Parses a member template and marks every qualified name for simplification and import.</summary>
    public static MemberDeclarationSyntax Member(string text)
    {
        var member = SyntaxFactory.ParseMemberDeclaration(text)
            ?? throw new System.InvalidOperationException("Invalid member template: " + text);
        return Annotate(member);
    }

    public static StatementSyntax Statement(string text) => Annotate(SyntaxFactory.ParseStatement(text));

    public static ExpressionSyntax Expression(string text) => Annotate(SyntaxFactory.ParseExpression(text));

    /// <summary>A type reference as users would write it, once simplified.</summary>
    public static TypeSyntax Type(ITypeSymbol type)
    {
        var text = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
            SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
            | SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));
        return Annotate(SyntaxFactory.ParseTypeName(text));
    }

    /// <summary>Replaces the placeholder identifier inside <paramref name="node"/> with <paramref name="replacement"/>.</summary>
    public static T Fill<T>(T node, SyntaxNode replacement)
        where T : SyntaxNode
    {
        var placeholder = node.DescendantNodes().First(n =>
            n.IsKind(SyntaxKind.IdentifierName) && ((IdentifierNameSyntax)n).Identifier.ValueText == Placeholder);
        SyntaxNode target = placeholder;
        if (replacement is StatementSyntax)
        {
            // The template wrote the statement placeholder as "__LazyMigratePlaceholder__;".
            target = placeholder.FirstAncestorOrSelf<ExpressionStatementSyntax>()!;
        }

        return node.ReplaceNode(target, replacement);
    }

    public static T Annotate<T>(T node)
        where T : SyntaxNode
        => MarkForSimplification(node).WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>Marks the <c>global::</c> names in <paramref name="node"/> for the cleanup to shorten and import, leaving its layout alone.</summary>
    public static T MarkForSimplification<T>(T node)
        where T : SyntaxNode
    {
        var qualified = node.DescendantNodesAndSelf()
            .Where(n => n is AliasQualifiedNameSyntax || (n is QualifiedNameSyntax or MemberAccessExpressionSyntax && n.ToString().StartsWith("global::", System.StringComparison.Ordinal)))
            .ToList();
        return node.ReplaceNodes(qualified, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
    }

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).ToString();
}
