using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using LazyMigrate.Catalog;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// The three members every "make it lazy" rewrite produces (docs/architecture.md, "What the fixes
/// generate"): a proxy field that names no heavy type (so the declaring type's static constructor
/// loads nothing heavy), a property with the original name and type whose getter is JIT-compiled
/// only on first use, and a non-inlined factory holding the original expression.
/// </summary>
internal static class LazyMembers
{
    public static IReadOnlyList<MemberDeclarationSyntax> Build(
        bool runtime,
        string? packageName,
        string propertyModifiers,
        string typeText,
        string propertyName,
        string proxyName,
        string factoryName,
        ExpressionSyntax factoryBody)
    {
        string fieldText;
        string getter;
        if (runtime)
        {
            var arguments = packageName is null ? factoryName : Generated.Literal(packageName) + ", " + factoryName;
            fieldText = $"private static readonly global::LazyMigrate.LazyValue {proxyName} = new global::LazyMigrate.LazyValue({arguments});";
            getter = $"{proxyName}.Get<{typeText}>()";
        }
        else
        {
            fieldText = $"private static readonly global::System.Lazy<object> {proxyName} = new global::System.Lazy<object>({factoryName});";
            getter = $"({typeText}){proxyName}.Value";
        }

        var modifiers = propertyModifiers.Length == 0 ? string.Empty : propertyModifiers + " ";
        var property = Generated.Member($"{modifiers}{typeText} {propertyName} => {getter};");
        var field = Generated.Member(fieldText);
        var factory = Generated.Fill(
            Generated.Member($"{Generated.NoInliningAttribute} private static object {factoryName}() => {Generated.Placeholder};"),
            factoryBody);
        return new[] { property, field, factory };
    }

    /// <summary>
    /// The factory body for <paramref name="value"/> converted to <paramref name="typeText"/>: the
    /// value itself when it converts to object by reference or boxing, otherwise a cast that keeps
    /// target typing (<c>new()</c>, collection expressions) and user-defined conversions.
    /// </summary>
    public static ExpressionSyntax FactoryBody(SemanticModel model, ExpressionSyntax value, string typeText)
    {
        var typeInfo = model.GetTypeInfo(value);
        var conversion = model.GetConversion(value);
        var body = value.WithoutLeadingTrivia().WithoutTrailingTrivia();
        if (typeInfo.Type is not null && typeInfo.Type.TypeKind != TypeKind.Error
            && (conversion.IsIdentity || conversion.IsReference || conversion.IsBoxing))
        {
            return body;
        }

        // Primary expressions need no parentheses after a cast; everything else gets them.
        ExpressionSyntax operand = body is ImplicitObjectCreationExpressionSyntax or ObjectCreationExpressionSyntax
            or CollectionExpressionSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax
            or IdentifierNameSyntax or LiteralExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? body
            : SyntaxFactory.ParenthesizedExpression(body);
        return SyntaxFactory.CastExpression(SyntaxFactory.ParseTypeName(typeText), operand);
    }

    /// <summary>The catalog package of the value's type when the diagnostic did not say.</summary>
    public static string? PackageName(Diagnostic diagnostic, ITypeSymbol? heavyType)
    {
        if (diagnostic.Properties.TryGetValue("PackageName", out var name) && !string.IsNullOrEmpty(name))
        {
            return name;
        }

        var assembly = heavyType?.ContainingAssembly?.Name;
        return assembly is null ? null : HeavyPackageCatalog.FindByAssembly(assembly)?.Name;
    }

    /// <summary>Trivia so that generated members land on their own lines and get indented by the formatter.</summary>
    public static IReadOnlyList<MemberDeclarationSyntax> WithTrivia(IReadOnlyList<MemberDeclarationSyntax> members, SyntaxTriviaList leading, SyntaxTriviaList trailing)
    {
        var result = new List<MemberDeclarationSyntax>();
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i]
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(SyntaxFactory.ElasticLineFeed);
            if (i == 0)
            {
                member = member.WithLeadingTrivia(leading);
            }

            if (i == members.Count - 1)
            {
                member = member.WithTrailingTrivia(trailing);
            }

            result.Add(member);
        }

        return result;
    }
}
