using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// The short form of a lazy member: a <c>[LazyValue("Package")] partial</c> property and its typed
/// factory <c>Create{Name}</c>, which the <c>[LazyValue]</c> source generator (docs/generator.md)
/// implements with the same members the fixes otherwise write out by hand. The fixes choose it here,
/// once, for every rule (<see cref="CanUse"/>); where it does not apply they keep the expanded shape
/// of <see cref="LazyMembers"/>.
/// </summary>
internal static class LazyValueProperty
{
    public const string AttributeMetadataName = "LazyMigrate.LazyValueAttribute";

    /// <summary>The generator's type; it ships in the LazyMigrate.Analyzers package next to the analyzers and fixes.</summary>
    public const string GeneratorTypeName = "LazyMigrate.Generator.LazyValueGenerator";

    /// <summary>C# 13 (partial properties). Roslyn 4.8, which the fixes compile against, has no member for it.</summary>
    private const int PartialPropertiesVersion = 1300;

    private static readonly ConditionalWeakTable<Microsoft.CodeAnalysis.Diagnostics.AnalyzerReference, object> s_hasGenerator = new();

    /// <summary>
    /// True when the project can build a <c>[LazyValue]</c> partial property: its language version
    /// has partial properties (C# 13 or later), it references the runtime's <c>LazyValueAttribute</c>,
    /// and the generator is among its analyzers (then it also runs wherever the fix is checked: the
    /// IDE, <c>dotnet format</c> and <c>lazymigrate fix</c> compile the project with it). Without the
    /// generator the property would have no implementation (CS9248), so the expanded shape is kept.
    /// </summary>
    public static bool CanUse(Document document, Compilation compilation)
        => AllowsPartialProperties(document.Project.ParseOptions)
            && HasAttribute(compilation)
            && HasGenerator(document.Project);

    /// <summary>
    /// The one choice every fix makes: true to write the <c>[LazyValue]</c> partial property for
    /// <paramref name="value"/> (of <paramref name="valueType"/>, written as a type that is
    /// <paramref name="typeAnnotated"/> or not) in <paramref name="containingType"/> (null: a class the fix
    /// creates). It needs <see cref="CanUse"/>, a package name for the attribute, a shape the generator
    /// implements (<see cref="Fits"/>), and not a value that may be null for a type that says it is not:
    /// the typed factory would warn where the original initializer warned differently or not at all.
    /// </summary>
    public static bool Applies(
        Document document, SemanticModel model, INamedTypeSymbol? containingType, ITypeSymbol valueType, bool isStatic,
        string? packageName, ExpressionSyntax value, bool typeAnnotated)
        => packageName is not null
            && CanUse(document, model.Compilation)
            && (containingType is null || Fits(containingType, valueType, isStatic))
            && !(!typeAnnotated && LazyMembers.MayBeNull(model, value));

    /// <summary>True when <paramref name="options"/> select C# 13 or later (Latest, Preview and Default are mapped by the running compiler).</summary>
    public static bool AllowsPartialProperties(ParseOptions? options)
        => options is CSharpParseOptions csharp
            && (int)csharp.SpecifiedLanguageVersion.MapSpecifiedToEffectiveVersion() >= PartialPropertiesVersion;

    public static bool HasAttribute(Compilation compilation)
    {
        var attribute = compilation.GetTypeByMetadataName(AttributeMetadataName);
        return attribute is not null && compilation.IsSymbolAccessibleWithin(attribute, compilation.Assembly);
    }

    public static bool HasGenerator(Project project)
        => project.AnalyzerReferences.Any(reference => s_hasGenerator.GetValue(reference, HoldsGenerator) is true);

    /// <summary>
    /// True when the value of a property of <paramref name="valueType"/> declared in <paramref name="containingType"/>
    /// can be generated: the generator implements static properties in classes and structs, instance
    /// properties in classes only, and its factory for <c>ValueTask&lt;T&gt;</c> returns a <c>Task&lt;T&gt;</c>.
    /// </summary>
    public static bool Fits(INamedTypeSymbol containingType, ITypeSymbol valueType, bool isStatic)
    {
        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.DeclaringSyntaxReferences.Length == 0)
            {
                return false;
            }
        }

        if (!isStatic && containingType.TypeKind != TypeKind.Class)
        {
            return false;
        }

        return valueType is not INamedTypeSymbol { IsGenericType: true } generic
            || generic.ConstructedFrom.ToDisplayString() != "System.Threading.Tasks.ValueTask<TResult>";
    }

    /// <summary>
    /// The factory name the generator finds without <c>Factory =</c> (<c>Create{Name}</c>) when the
    /// property's name is PascalCase and that name is free, else the first free one of
    /// <paramref name="otherStems"/> spelled as a method (named in the attribute then).
    /// </summary>
    public static string PickFactoryName(MemberNames names, bool isStatic, string propertyName, params string[] otherStems)
    {
        var stems = Names.Pascal(propertyName) == propertyName ? new[] { "Create" + propertyName }.Concat(otherStems) : otherStems;
        return names.Pick(NameKind.Method, isStatic, stems.ToArray());
    }

    /// <summary>
    /// The property (<c>[LazyValue("Package")] {modifiers} partial {type} {name} {{ get; }}</c>) and its
    /// factory, a private method returning the property's type: <paramref name="factoryBody"/> is an
    /// expression (the original value, target-typed as before) or a block.
    /// </summary>
    public static IReadOnlyList<MemberDeclarationSyntax> Build(
        string packageName, string propertyModifiers, string typeText, string propertyName, string factoryName, bool isStatic, SyntaxNode factoryBody)
    {
        // The generator's default factory name needs no argument; any other is named with nameof.
        var factoryArgument = factoryName == "Create" + propertyName ? string.Empty : $", Factory = nameof({factoryName})";
        var modifiers = propertyModifiers.Length == 0 ? "partial" : propertyModifiers + " partial";
        var property = Generated.Member(
            $"[global::LazyMigrate.LazyValue({Generated.Literal(packageName)}{factoryArgument})]\n"
            + $"{modifiers} {typeText} {propertyName} {{ get; }}");

        var staticKeyword = isStatic ? "static " : string.Empty;
        MemberDeclarationSyntax factory = factoryBody is BlockSyntax block
            ? ((MethodDeclarationSyntax)Generated.Member($"private {staticKeyword}{typeText} {factoryName}() {{ }}")).WithBody(block)
            : Generated.Fill(Generated.Member($"private {staticKeyword}{typeText} {factoryName}() => {Generated.Placeholder};"), factoryBody);
        return new[] { property, factory };
    }

    /// <summary>
    /// Adds <c>partial</c> to the type declarations around <paramref name="member"/> that lack it (the
    /// generator reopens each of them). Register it after the edits inside those types.
    /// </summary>
    public static void MarkContainingTypesPartial(SyntaxEditor editor, SyntaxNode member)
    {
        foreach (var type in member.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                editor.ReplaceNode(type, (current, _) => WithPartial((TypeDeclarationSyntax)current));
            }
        }
    }

    /// <summary><paramref name="type"/> with <c>partial</c> as its last modifier (right before the keyword, where C# requires it).</summary>
    public static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }

        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count > 0)
        {
            return type.WithModifiers(type.Modifiers.Add(partial));
        }

        // No modifiers: the leading trivia (indentation, comments) moves from the keyword to "partial".
        var keyword = type.Keyword;
        return type
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }

    private static object HoldsGenerator(Microsoft.CodeAnalysis.Diagnostics.AnalyzerReference reference)
    {
        try
        {
            return reference.GetGenerators(LanguageNames.CSharp).Any(g => g.GetGeneratorType().FullName == GeneratorTypeName);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A reference that cannot be loaded runs no generator in the build either.
            return false;
        }
    }
}
