using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// The initializer values of an instance field or auto-property declaration: code the class's constructors run
/// before their own bodies, so it runs whenever an instance is built.
/// </summary>
internal static class InstanceInitializers
{
    /// <summary>The initializer values of <paramref name="member"/>; empty for static, const and other members.</summary>
    public static List<ExpressionSyntax> Of(SyntaxNode member)
    {
        var values = new List<ExpressionSyntax>();
        switch (member)
        {
            case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Initializer is { } initializer)
                    {
                        values.Add(initializer.Value);
                    }
                }

                break;
            case PropertyDeclarationSyntax { Initializer: { } initializer } property when !property.Modifiers.Any(SyntaxKind.StaticKeyword):
                values.Add(initializer.Value);
                break;
        }

        return values;
    }
}
