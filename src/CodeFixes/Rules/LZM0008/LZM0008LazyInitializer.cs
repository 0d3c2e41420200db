using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// A heavy instance field or get-only auto-property initializer (<c>private readonly MLContext _ml = new(seed: 7);</c>)
/// of a class built before ready: every constructor runs it. The member becomes a private (or its own accessibility)
/// property of the same name and type over an object-typed proxy that the initializer now creates, pointing at a
/// non-inlined static factory (an initializer cannot use the instance, so neither does the factory). The class's
/// other members compile unchanged; <c>_field.Dispose()</c> elsewhere runs only when the value was built.
/// Used by LZM0002 (hosted services' initializers) and LZM0008 (initializers reached through project code).
/// </summary>
internal static class LZM0008LazyInitializer
{
    /// <summary>The instance initializer value <paramref name="target"/> lies in, or null.</summary>
    public static ExpressionSyntax? InitializerValue(SyntaxNode target)
    {
        var clause = target.FirstAncestorOrSelf<EqualsValueClauseSyntax>();
        return clause?.Parent switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } } when !IsStatic(field.Modifiers) => clause.Value,
            PropertyDeclarationSyntax property when !IsStatic(property.Modifiers) => clause.Value,
            _ => null,
        };
    }

    public static async Task<Document?> TryApplyAsync(Document document, ExpressionSyntax value, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || value.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax))
        {
            return null;
        }

        MemberDeclarationSyntax member;
        ISymbol? symbol;
        TypeSyntax type;
        SyntaxTokenList modifiers;
        string name;
        switch (value.Parent?.Parent)
        {
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } declaration } variable
                when !field.Modifiers.Any(SyntaxKind.ConstKeyword) && !field.Modifiers.Any(SyntaxKind.VolatileKeyword) && field.AttributeLists.Count == 0:
                member = field;
                symbol = model.GetDeclaredSymbol(variable, cancellationToken);
                type = declaration.Type;
                modifiers = field.Modifiers;
                name = variable.Identifier.ValueText;
                break;
            case PropertyDeclarationSyntax { AccessorList.Accessors: { Count: 1 } accessors } autoProperty
                when accessors[0] is { RawKind: (int)SyntaxKind.GetAccessorDeclaration, Body: null, ExpressionBody: null, Modifiers.Count: 0 }
                    && autoProperty.AttributeLists.Count == 0 && autoProperty.ExplicitInterfaceSpecifier is null:
                member = autoProperty;
                symbol = model.GetDeclaredSymbol(autoProperty, cancellationToken);
                type = autoProperty.Type;
                modifiers = autoProperty.Modifiers;
                name = autoProperty.Identifier.ValueText;
                break;
            default:
                return null;
        }

        if (symbol?.ContainingType is not { TypeKind: TypeKind.Class, IsRecord: false } containingType
            || type.IsVar || member.Parent is not TypeDeclarationSyntax typeDeclaration
            || member.GetLeadingTrivia().Any(t => t.IsDirective)
            || model.GetTypeInfo(type, cancellationToken).Type is not { IsValueType: false, TypeKind: not TypeKind.Error })
        {
            return null;
        }

        // A field that is assigned anywhere else (a constructor, a reset method) cannot become a read-only property.
        if (await Usage.IsWrittenElsewhereAsync(symbol, document.Project.Solution, member, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var runtime = RuntimeSymbols.HasRuntime(model.Compilation);
        var typeText = type.WithoutTrivia().ToString();
        var stem = Names.Pascal(name);
        var names = MemberNames.For(document, model.SyntaxTree, containingType, replacing: null);
        var valueType = model.GetTypeInfo(value, cancellationToken).Type;
        var package = LazyMembers.PackageName(diagnostic, valueType);
        var mayBeNull = LazyMembers.MayBeNull(model, value);
        var kept = string.Join(" ", modifiers.Where(m => !m.IsKind(SyntaxKind.ReadOnlyKeyword)).Select(m => m.Text));
        var memberType = symbol is IFieldSymbol f ? f.Type : ((IPropertySymbol)symbol).Type;

        // The [LazyValue] partial property with a static factory, where the project builds them; a member
        // disposed elsewhere keeps the expanded shape, whose proxy tells the guard whether the value was built.
        IReadOnlyList<MemberDeclarationSyntax> members;
        string? proxy = null;
        if (!LZM0008LazyInstanceStateFixer.IsDisposed(model, typeDeclaration, symbol, cancellationToken)
            && LazyValueProperty.Applies(document, model, containingType, memberType, isStatic: false, package, value,
                typeAnnotated: memberType.NullableAnnotation == NullableAnnotation.Annotated))
        {
            var factoryName = LazyValueProperty.PickFactoryName(names, isStatic: true, name, "Create" + stem, "Build" + stem);
            members = LazyValueProperty.Build(package!, kept, typeText, name, factoryName, isStatic: true, value.WithoutLeadingTrivia().WithoutTrailingTrivia());
        }
        else
        {
            proxy = names.Pick(NameKind.Field, isStatic: false, isReadOnly: true, "Lazy" + stem, "Deferred" + stem);
            var factory = names.Pick(NameKind.Method, isStatic: true, "Create" + stem, "Build" + stem);
            var property = Generated.Member($"{(kept.Length == 0 ? string.Empty : kept + " ")}{typeText} {name} => {LazyProxy.Read(runtime, proxy, typeText)};");
            var proxyField = Generated.Member($"private readonly {LazyProxy.Type(runtime, mayBeNull)} {proxy} = {LazyProxy.Creation(runtime, package, factory, mayBeNull)};");
            var factoryMember = Generated.Fill(
                Generated.Member($"{Generated.NoInliningAttribute} private static {LazyMembers.FactoryReturnType(mayBeNull)} {factory}() => {Generated.Placeholder};"),
                LazyMembers.FactoryBody(model, value, typeText));
            members = new[] { property, proxyField, factoryMember };
        }

        var trailing = member.GetTrailingTrivia();
        if (LZM0008LazyInstanceStateFixer.NextMemberIsNotSeparated(member) && trailing.LastOrDefault().IsKind(SyntaxKind.EndOfLineTrivia))
        {
            // The group ends with the factory: keep a blank line before whatever follows.
            trailing = trailing.Add(trailing.Last());
        }

        var placed = LazyMembers.WithTrivia(members, member.GetLeadingTrivia(), trailing);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.InsertAfter(member, placed.Skip(1));
        editor.ReplaceNode(member, placed[0]);
        if (proxy is null)
        {
            LazyValueProperty.MarkContainingTypesPartial(editor, member);
        }
        else
        {
            LZM0008LazyInstanceStateFixer.GuardDisposals(editor, model, typeDeclaration, new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default) { [symbol] = proxy }, cancellationToken);
        }

        return editor.GetChangedDocument();
    }

    private static bool IsStatic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.StaticKeyword) || modifiers.Any(SyntaxKind.ConstKeyword);
}
