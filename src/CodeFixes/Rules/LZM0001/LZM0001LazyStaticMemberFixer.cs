using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0001: a heavy static field/property initializer (or static-constructor assignment) becomes a
/// lazily built value behind a property with the same name, type and accessibility, so callers
/// compile unchanged. For class and interface types the getter reads a cache first: with the runtime
/// (in a non-generic type), the static readonly field of a nested <c>[LazyValueHolder]</c> class
/// (<c>XHolder.Value ?? s_x.Get&lt;Heavy&gt;()</c>), which the tier-1 JIT reads as a constant once
/// built; otherwise a static field of that type (<c>s_xValue ??= …</c>). Structs and enums are not
/// cached (such a field would load the heavy assembly with the declaring type). No fix for fields
/// written outside their initializer, attributed fields, volatile fields and properties with setters
/// (a get-only property would change their meaning).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LZM0001LazyStaticMemberFixer)), Shared]
public sealed class LZM0001LazyStaticMemberFixer : LazyFixerBase
{
    /// <summary>The equivalence key of this fix (stable across releases).</summary>
    public const string Key = "LZM0001.LazyStaticMember";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.RuleIds.StaticHeavyInitializer);

    /// <inheritdoc />
    protected internal override string EquivalenceKey => Key;

    /// <inheritdoc />
    protected override string GetTitle(bool runtime)
        => runtime ? "Build lazily on first use (LazyValue)" : "Build lazily on first use (Lazy<object>)";

    /// <inheritdoc />
    protected override string DescribeUnfixable(SyntaxNode target, Diagnostic diagnostic)
        => diagnostic.Properties.ContainsKey(Analyzers.DiagnosticProperties.DelegateType)
            ? "the initializer only stores a delegate whose type names the heavy type, which the lazy-value rewrite does not handle: " +
              "type the member with a light delegate type (Func<object>), or keep it in a class that is first used after ready"
            : target.FirstAncestorOrSelf<EqualsValueClauseSyntax>() is not null || target.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null
            ? "the static member cannot become a lazy value with the same meaning (the fix leaves alone a field written outside its initializer, " +
              "one with attributes or 'volatile', several fields in one declaration and a property with a setter); make it lazy by hand"
            : $"the fix rewrites static field and property initializers and simple assignments in a static constructor; this heavy work is in {EnclosingMemberName(target)}: " +
              "move it out of the type's initialization by hand";

    internal override async Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // A stored delegate: the rewrite's factory returns object, which a lambda cannot convert to (see DescribeUnfixable).
        if (diagnostic.Properties.ContainsKey(Analyzers.DiagnosticProperties.DelegateType))
        {
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return null;
        }

        // Field initializer: static readonly Heavy X = new Heavy();
        if (target.FirstAncestorOrSelf<VariableDeclaratorSyntax>() is { Initializer: { } fieldInit } declarator
            && fieldInit.Value.Span.Contains(target.Span)
            && declarator.Parent?.Parent is FieldDeclarationSyntax fieldDecl)
        {
            return await ConvertFieldAsync(document, model, fieldDecl, declarator, fieldInit.Value, declarator, null, diagnostic, cancellationToken).ConfigureAwait(false);
        }

        // Property initializer: static Heavy P { get; } = new Heavy();
        if (target.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is { Initializer: { } propInit } propDecl
            && propInit.Value.Span.Contains(target.Span))
        {
            return await ConvertPropertyAsync(document, model, propDecl, propInit.Value, null, diagnostic, cancellationToken).ConfigureAwait(false);
        }

        // Static constructor: static C() { X = new Heavy(); }
        if (target.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { } ctor
            && ctor.Modifiers.Any(SyntaxKind.StaticKeyword)
            && target.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { Expression: AssignmentExpressionSyntax assignment } statement
            && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && statement.Parent == ctor.Body
            && assignment.Right.Span.Contains(target.Span))
        {
            return await ConvertStaticConstructorAssignmentAsync(document, model, ctor, statement, assignment, diagnostic, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static async Task<Document?> ConvertStaticConstructorAssignmentAsync(
        Document document, SemanticModel model, ConstructorDeclarationSyntax ctor, ExpressionStatementSyntax statement,
        AssignmentExpressionSyntax assignment, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var containingType = model.GetDeclaredSymbol(ctor, cancellationToken)?.ContainingType;
        var member = model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
        if (containingType is null || member is null || !member.IsStatic
            || !SymbolEqualityComparer.Default.Equals(member.ContainingType, containingType))
        {
            return null;
        }

        // The value must not depend on the constructor's locals: it will be computed elsewhere, later.
        var flow = model.AnalyzeDataFlow(assignment.Right);
        if (flow is null || !flow.Succeeded || !flow.DataFlowsIn.IsEmpty)
        {
            return null;
        }

        // Nor on its local functions, which do not exist outside it.
        foreach (var name in assignment.Right.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(name, cancellationToken).Symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                return null;
            }
        }

        var declaration = member.DeclaringSyntaxReferences.Length == 1 ? await member.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) : null;
        if (declaration is null || declaration.SyntaxTree != ctor.SyntaxTree)
        {
            return null;
        }

        return declaration switch
        {
            VariableDeclaratorSyntax { Initializer: null, Parent.Parent: FieldDeclarationSyntax field } declarator
                => await ConvertFieldAsync(document, model, field, declarator, assignment.Right, statement, statement, diagnostic, cancellationToken).ConfigureAwait(false),
            PropertyDeclarationSyntax { Initializer: null } property
                => await ConvertPropertyAsync(document, model, property, assignment.Right, statement, diagnostic, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }

    private static async Task<Document?> ConvertFieldAsync(
        Document document, SemanticModel model, FieldDeclarationSyntax fieldDecl, VariableDeclaratorSyntax declarator,
        ExpressionSyntax value, SyntaxNode allowedWrite, ExpressionStatementSyntax? removedStatement, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!fieldDecl.Modifiers.Any(SyntaxKind.StaticKeyword)
            || fieldDecl.Modifiers.Any(SyntaxKind.ConstKeyword)
            || fieldDecl.Modifiers.Any(SyntaxKind.VolatileKeyword)
            || fieldDecl.AttributeLists.Count > 0
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not IFieldSymbol field)
        {
            return null;
        }

        if (await Usage.IsWrittenElsewhereAsync(field, document.Project.Solution, allowedWrite, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var typeText = fieldDecl.Declaration.Type.WithoutTrivia().ToString();
        var modifiers = string.Join(" ", fieldDecl.Modifiers
            .Where(m => !m.IsKind(SyntaxKind.ReadOnlyKeyword))
            .Select(m => m.Text));
        var members = BuildMembers(document, model, fieldDecl.SpanStart, field.ContainingType, field.Name, typeText, modifiers, value, field.Type, diagnostic);

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (fieldDecl.Declaration.Variables.Count == 1)
        {
            var placed = LazyMembers.WithTrivia(members, fieldDecl.GetLeadingTrivia(), fieldDecl.GetTrailingTrivia());
            editor.InsertAfter(fieldDecl, placed.Skip(1));
            editor.ReplaceNode(fieldDecl, placed[0]);
        }
        else
        {
            // Split "static readonly A x = .., y = ..;": the other declarators stay, after the
            // generated members (so declaration order is kept when they are fixed too).
            var remaining = fieldDecl
                .WithDeclaration(fieldDecl.Declaration.WithVariables(fieldDecl.Declaration.Variables.Remove(declarator)))
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
            editor.InsertBefore(fieldDecl, LazyMembers.WithTrivia(members, fieldDecl.GetLeadingTrivia(), SyntaxFactory.TriviaList(SyntaxFactory.ElasticLineFeed)));
            editor.ReplaceNode(fieldDecl, remaining);
        }

        RemoveStatement(editor, removedStatement);
        MarkPartial(editor, fieldDecl, members);
        return editor.GetChangedDocument();
    }

    private static async Task<Document?> ConvertPropertyAsync(
        Document document, SemanticModel model, PropertyDeclarationSyntax propDecl, ExpressionSyntax value,
        ExpressionStatementSyntax? removedStatement, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Only get-only auto-properties: a setter would have nothing to set on a lazily built value.
        if (!propDecl.Modifiers.Any(SyntaxKind.StaticKeyword)
            || propDecl.AccessorList is not { Accessors: { Count: 1 } accessors }
            || !accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration)
            || accessors[0].Body is not null || accessors[0].ExpressionBody is not null
            || model.GetDeclaredSymbol(propDecl, cancellationToken) is not IPropertySymbol property)
        {
            return null;
        }

        var typeText = propDecl.Type.WithoutTrivia().ToString();
        var modifiers = string.Join(" ", propDecl.Modifiers.Select(m => m.Text));
        var members = BuildMembers(document, model, propDecl.SpanStart, property.ContainingType, property.Name, typeText, modifiers, value, property.Type, diagnostic);

        // Attributes and doc comments stay on the property, which keeps the original name ([LazyValue] after them).
        var generated = (PropertyDeclarationSyntax)members[0];
        var newProperty = generated.WithAttributeLists(propDecl.AttributeLists.AddRange(generated.AttributeLists));
        members = new[] { newProperty }.Concat(members.Skip(1)).ToList();

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var placed = LazyMembers.WithTrivia(members, propDecl.GetLeadingTrivia(), propDecl.GetTrailingTrivia());
        if (propDecl.AttributeLists.Count > 0)
        {
            // The leading trivia already sits on the first attribute list.
            placed = new[] { placed[0].WithLeadingTrivia(propDecl.GetLeadingTrivia()) }.Concat(placed.Skip(1)).ToList();
        }

        editor.InsertAfter(propDecl, placed.Skip(1));
        editor.ReplaceNode(propDecl, placed[0]);
        RemoveStatement(editor, removedStatement);
        MarkPartial(editor, propDecl, members);
        return editor.GetChangedDocument();
    }

    private static System.Collections.Generic.IReadOnlyList<MemberDeclarationSyntax> BuildMembers(
        Document document, SemanticModel model, int position, INamedTypeSymbol containingType, string name, string typeText, string modifiers,
        ExpressionSyntax value, ITypeSymbol memberType, Diagnostic diagnostic)
    {
        var runtime = RuntimeSymbols.HasRuntime(model.Compilation);
        // The file's own style for private statics; on a collision (the property keeps the member's
        // name, which may already be the proxy's), the "lazy"/"Build"/"cached" variants.
        var names = MemberNames.For(document, model.SyntaxTree, containingType, replacing: name);
        var stem = Names.Pascal(name);
        var heavyType = model.GetTypeInfo(value).Type ?? memberType;
        var packageName = LazyMembers.PackageName(diagnostic, heavyType);

        // Where the project builds [LazyValue] partial properties, the generator writes the members below.
        if (LazyValueProperty.Applies(document, model, containingType, memberType, isStatic: true, packageName, value,
                typeAnnotated: memberType.NullableAnnotation == NullableAnnotation.Annotated))
        {
            return LazyValueProperty.Build(
                packageName!, modifiers, typeText, name, LazyValueProperty.PickFactoryName(names, isStatic: true, name, "Create" + stem, "Build" + stem),
                isStatic: true, value.WithoutLeadingTrivia().WithoutTrailingTrivia());
        }

        var proxy = names.Pick(NameKind.Field, isStatic: true, isReadOnly: true, stem, "Lazy" + stem);
        var factory = names.Pick(NameKind.Method, isStatic: true, "Create" + stem, "Build" + stem);
        var cacheName = names.Pick(NameKind.Field, isStatic: true, stem + "Value", "Cached" + stem);
        var cache = LazyMembers.Cache(model, position, memberType, typeText, cacheName);
        string? holderName = null;
        if (runtime && cache is not null && LazyMembers.CanUseHolder(model.Compilation, containingType))
        {
            // Also unlike any identifier spelled in the type: a nested type would shadow an outer type of that name.
            var taken = new System.Collections.Generic.List<string> { proxy, factory, cacheName };
            foreach (var reference in containingType.DeclaringSyntaxReferences)
            {
                taken.AddRange(Names.IdentifiersIn(reference.GetSyntax()));
            }

            holderName = MemberNames.For(document, model.SyntaxTree, containingType, taken)
                .Pick(NameKind.NestedClass, isStatic: true, stem + "Holder", stem + "ValueHolder");
        }

        return LazyMembers.Build(new LazyMemberSpec
        {
            Runtime = runtime,
            PackageName = packageName,
            PropertyModifiers = modifiers,
            TypeText = typeText,
            PropertyName = name,
            ProxyName = proxy,
            FactoryName = factory,
            FactoryBody = LazyMembers.FactoryBody(model, value, typeText),
            MayBeNull = LazyMembers.MayBeNull(model, value),
            Cache = cache,
            HolderName = holderName,
        });
    }

    /// <summary>A <c>[LazyValue]</c> partial property needs every type around it declared partial.</summary>
    private static void MarkPartial(DocumentEditor editor, SyntaxNode original, System.Collections.Generic.IReadOnlyList<MemberDeclarationSyntax> members)
    {
        if (members[0].Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            LazyValueProperty.MarkContainingTypesPartial(editor, original);
        }
    }

    private static void RemoveStatement(DocumentEditor editor, ExpressionStatementSyntax? statement)
    {
        if (statement is null)
        {
            return;
        }

        if (statement.Parent is BlockSyntax block)
        {
            editor.ReplaceNode(block, StatementRemoval.RemoveKeepingComments(block, statement));
        }
    }
}
