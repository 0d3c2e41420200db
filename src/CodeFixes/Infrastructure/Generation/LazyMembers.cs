using System.Collections.Generic;
using LazyMigrate.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using LazyMigrate.Catalog;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// The members every "make it lazy" rewrite produces (docs/architecture.md, "What the fixes
/// generate"): a proxy field that names no heavy type (so the declaring type's static constructor
/// loads nothing heavy), a property with the original name and type whose getter is JIT-compiled
/// only on first use, and a non-inlined factory holding the original expression. For values of
/// class and interface types (see <see cref="CacheSpec"/>) the getter reads a cache first: with the
/// runtime, the <c>static readonly</c> field of a nested <c>[LazyValueHolder]</c> class, which the
/// tier-1 JIT reads as a constant once initialized (<see cref="CanUseHolder"/>); otherwise a static
/// cache field of the value's own type (one field read and a null check).
/// </summary>
internal static class LazyMembers
{
    public static IReadOnlyList<MemberDeclarationSyntax> Build(LazyMemberSpec spec)
    {
        var runtime = spec.Runtime;
        var typeText = spec.TypeText;
        var propertyName = spec.PropertyName;
        var proxyName = spec.ProxyName;
        var factoryName = spec.FactoryName;
        var cache = spec.Cache;
        var holderName = spec.HolderName;
        var fieldText = $"private static readonly {LazyProxy.Type(runtime, spec.MayBeNull)} {proxyName} = {LazyProxy.Creation(runtime, spec.PackageName, factoryName, spec.MayBeNull)};";
        var getter = LazyProxy.Read(runtime, proxyName, typeText);

        var holder = runtime && cache is not null && holderName is not null;
        if (holder)
        {
            // The holder's field is null only before its first read or after a failed build: the
            // proxy then builds, or reports the failure and retries per its retry policy.
            getter = $"{holderName}.Value ?? {getter}";
        }
        else if (cache is not null)
        {
            // Racing first readers all store the same instance (the proxy builds it once), so the
            // unsynchronized write is benign; a reference store publishes a fully built object.
            getter = cache.CompoundAssignment
                ? $"{cache.FieldName} ??= {getter}"
                : $"{cache.FieldName} ?? ({cache.FieldName} = {getter})";
        }

        var modifiers = spec.PropertyModifiers.Length == 0 ? string.Empty : spec.PropertyModifiers + " ";
        var members = new List<MemberDeclarationSyntax>
        {
            Generated.Member($"{modifiers}{typeText} {propertyName} => {getter};"),
            Generated.Member(fieldText),
        };
        if (cache is not null && !holder)
        {
            members.Add(Generated.Member($"private static {cache.TypeText} {cache.FieldName};"));
        }

        // The holder goes before the factory, which stays last: it holds the original expression and
        // keeps its trailing comment.
        if (holder)
        {
            members.Add(Generated.Member(
                "[global::LazyMigrate.LazyValueHolder]\n"
                + $"private static class {holderName}\n"
                + "{\n"
                + $"    // Initialized on the first read of {propertyName}; from then on the JIT reads it as a constant.\n"
                + $"    public static readonly {cache!.TypeText} Value = {proxyName}.GetOrDefault<{typeText}>();\n"
                + "}"));
        }

        members.Add(Generated.Fill(
            Generated.Member($"{Generated.NoInliningAttribute} private static {FactoryReturnType(spec.MayBeNull)} {factoryName}() => {Generated.Placeholder};"),
            spec.FactoryBody));

        return members;
    }

    /// <summary>The factory's return type: <c>object?</c> for a value that may be null (<see cref="MayBeNull"/>).</summary>
    public static string FactoryReturnType(bool mayBeNull) => mayBeNull ? "object?" : "object";

    /// <summary>
    /// True when <paramref name="value"/> may be null by the compiler's nullable analysis and
    /// annotations are on where it is written: its factory then returns <c>object?</c> (returning it as
    /// <c>object</c> would warn, CS8603). Where annotations are off, <c>object?</c> would warn instead (CS8632).
    /// </summary>
    public static bool MayBeNull(SemanticModel model, ExpressionSyntax value)
        => model.GetNullableContext(value.SpanStart).AnnotationsEnabled()
            && model.GetTypeInfo(value).Nullability.FlowState == NullableFlowState.MaybeNull;

    /// <summary>
    /// The cache field for a value of type <paramref name="valueType"/> declared at
    /// <paramref name="position"/>, or null when the value must not be cached in a field of its own type.
    /// </summary>
    /// <remarks>
    /// Only class and interface types (including constructed generic classes such as
    /// <c>Image&lt;Rgba32&gt;</c>): the runtime lays out a static field of a reference type without
    /// loading that type, so the declaring type's static constructor still loads no heavy assembly
    /// (proved by tests/Runtime.Tests, ChildProcessTests). A static field of a heavy struct or enum
    /// type loads its assembly at class load (docs/clr-loading.md, fact 6): those keep the plain proxy getter.
    /// Type parameters, arrays, pointers and error types are not cached either.
    /// </remarks>
    public static CacheSpec? Cache(SemanticModel model, int position, ITypeSymbol valueType, string typeText, string fieldName)
    {
        if (!valueType.IsReferenceType || valueType.TypeKind is not (TypeKind.Class or TypeKind.Interface))
        {
            return null;
        }

        // "Heavy?" where nullable annotations are on (a null field is the "not cached yet" state);
        // plain "Heavy" where they are off (a '?' there would warn); as written when already annotated.
        var cacheType = typeText;
        if (valueType.NullableAnnotation != NullableAnnotation.Annotated && model.GetNullableContext(position).AnnotationsEnabled())
        {
            cacheType += "?";
        }

        var compound = model.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 };
        return new CacheSpec(fieldName, cacheType, compound);
    }

    /// <summary>
    /// True when the value can live in a nested holder class of <paramref name="containingType"/>:
    /// the runtime has the holder API and neither the type nor an enclosing type is generic (a
    /// nested class of a generic type is one class per instantiation, read through the generic
    /// dictionary in shared code, where the JIT cannot treat its field as a constant).
    /// </summary>
    public static bool CanUseHolder(Compilation compilation, INamedTypeSymbol containingType)
    {
        if (!RuntimeSymbols.HasHolderSupport(compilation))
        {
            return false;
        }

        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The factory body for <paramref name="value"/> converted to <paramref name="typeText"/>: the
    /// value itself when it converts to object by reference or boxing, otherwise a cast that keeps
    /// target typing (<c>new()</c>, collection expressions) and user-defined conversions.
    /// <paramref name="written"/> is what the factory returns when not <paramref name="value"/> as
    /// written (e.g. with names expanded for another file); the conversion is that of <paramref name="value"/>.
    /// </summary>
    public static ExpressionSyntax FactoryBody(SemanticModel model, ExpressionSyntax value, string typeText, ExpressionSyntax? written = null)
    {
        var typeInfo = model.GetTypeInfo(value);
        var conversion = model.GetConversion(value);
        var body = (written ?? value).WithoutLeadingTrivia().WithoutTrailingTrivia();
        if (body is ImplicitObjectCreationExpressionSyntax implicitNew && typeInfo.Type is { TypeKind: not TypeKind.Error } created)
        {
            // "new(..)" names its type where it moves: "new Heavy(..)" converts to object without a cast.
            var explicitNew = SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    Generated.Type(created.WithNullableAnnotation(NullableAnnotation.NotAnnotated)),
                    implicitNew.ArgumentList,
                    implicitNew.Initializer)
                .WithTriviaFrom(implicitNew);
            return explicitNew;
        }

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
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.PackageName, out var name) && !string.IsNullOrEmpty(name))
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

/// <summary>What <see cref="LazyMembers.Build"/> generates: names, types and the factory's body.</summary>
internal sealed class LazyMemberSpec
{
    /// <summary>True to use LazyMigrate.Runtime's proxy, false for <c>System.Lazy&lt;object&gt;</c>.</summary>
    public bool Runtime { get; set; }

    /// <summary>The catalog package the proxy names (runtime only), or null.</summary>
    public string? PackageName { get; set; }

    /// <summary>The property's modifiers as written (<c>private static</c>), or empty.</summary>
    public string PropertyModifiers { get; set; } = string.Empty;

    /// <summary>The value's type as written.</summary>
    public string TypeText { get; set; } = string.Empty;

    /// <summary>The property's name: the name the rewritten code keeps using.</summary>
    public string PropertyName { get; set; } = string.Empty;

    /// <summary>The proxy field's name.</summary>
    public string ProxyName { get; set; } = string.Empty;

    /// <summary>The non-inlined factory method's name.</summary>
    public string FactoryName { get; set; } = string.Empty;

    /// <summary>The expression the factory returns (the original value).</summary>
    public ExpressionSyntax FactoryBody { get; set; } = null!;

    /// <summary>True when the value may be null (<see cref="LazyMembers.MayBeNull"/>): the factory returns <c>object?</c>.</summary>
    public bool MayBeNull { get; set; }

    /// <summary>The cache the getter reads first, or null for a plain proxy getter.</summary>
    public CacheSpec? Cache { get; set; }

    /// <summary>The nested holder class's name when the cache lives in one (runtime only), or null.</summary>
    public string? HolderName { get; set; }
}

/// <summary>A static field caching the built value, read first by the generated getter.</summary>
internal sealed class CacheSpec
{
    public CacheSpec(string fieldName, string typeText, bool compoundAssignment)
    {
        FieldName = fieldName;
        TypeText = typeText;
        CompoundAssignment = compoundAssignment;
    }

    /// <summary>The field's name (<c>s_sessionValue</c>).</summary>
    public string FieldName { get; }

    /// <summary>The field's type as written (<c>InferenceSession?</c> where nullable annotations are on).</summary>
    public string TypeText { get; }

    /// <summary>True to write <c>x ??= …</c> (C# 8 and later), else <c>x ?? (x = …)</c>.</summary>
    public bool CompoundAssignment { get; }
}
