using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0008 in a constructor reached from startup (<c>_connection = new SqliteConnection(..);
/// _connection.Open();</c>): the instance fields the constructor builds with heavy work become
/// lazily built values behind private properties of the same name and type, so the class's other
/// members compile unchanged. The constructor only creates an object-typed proxy (LazyValue or
/// Lazy&lt;object&gt;) pointing at a non-inlined instance factory, so neither its IL nor the class's
/// field layout names a heavy type. Calls on the field that followed its assignment run in the
/// factory, right after the value is built; <c>_field.Dispose()</c> elsewhere in the class only runs
/// when the value was built. See <see cref="LZM0008ConstructorStatePlan"/> for when no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LZM0008LazyInstanceStateFixer)), Shared]
public sealed class LZM0008LazyInstanceStateFixer : LazyFixerBase
{
    /// <summary>The equivalence key of this fix (stable across releases).</summary>
    public const string Key = "LZM0008.LazyInstanceState";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.RuleIds.HeavyWorkReachableFromStartup);

    /// <inheritdoc />
    protected internal override string EquivalenceKey => Key;

    /// <inheritdoc />
    protected override string GetTitle(bool runtime)
        => runtime ? "Build the constructor's heavy fields on first use (LazyValue)" : "Build the constructor's heavy fields on first use (Lazy<object>)";

    /// <summary>Why a constructor's or initializer's heavy state was not deferred (also LZM0002's wording for hosted services).</summary>
    internal const string InstanceStateReason =
        "the instance state cannot be deferred without an observable change (the fix leaves alone a field written outside the constructor, " +
        "moved code that reads a parameter, a local or another member of the instance, a class with several constructors, structs and records); " +
        "make the field lazy by hand";

    /// <inheritdoc />
    protected override string DescribeUnfixable(SyntaxNode target, Diagnostic diagnostic)
        => LZM0008LazyInitializer.InitializerValue(target) is not null || target.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null
            ? InstanceStateReason
            : $"the fix makes heavy state built in a constructor or a field initializer lazy; this work runs in {EnclosingMemberName(target)} on the startup path: " +
              "call it after the ready point, run it in the background, or make what it builds lazy by hand";

    internal override async Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (LZM0008LazyInitializer.InitializerValue(target) is { } initializerValue)
        {
            return await LZM0008LazyInitializer.TryApplyAsync(document, initializerValue, diagnostic, cancellationToken).ConfigureAwait(false);
        }

        return await DeferConstructorFieldsAsync(document, target, diagnostic, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The rewrite for a heavy field assignment in an instance constructor (also used by LZM0002 for hosted
    /// services' constructors); null when <paramref name="target"/> is not in one or no safe plan exists.
    /// </summary>
    internal static async Task<Document?> DeferConstructorFieldsAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || target.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not { Body: { } body } ctor)
        {
            return null;
        }

        var statement = target.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent == body);
        if (statement is null)
        {
            return null;
        }

        var environment = LazyMigrateEnvironment.TryCreate(model.Compilation, document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
        var plan = LZM0008ConstructorStatePlan.TryCreate(ctor, statement, model, environment, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        foreach (var field in plan.Fields)
        {
            if (await Usage.IsWrittenElsewhereAsync(field.Symbol, document.Project.Solution, field.Assignment, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        var runtime = RuntimeSymbols.HasRuntime(model.Compilation);
        var type = plan.Fields[0].Symbol.ContainingType;
        var names = MemberNames.For(document, model.SyntaxTree, type, replacing: null);
        var proxies = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newBody = body.TrackNodes(plan.Fields.Select(f => (SyntaxNode)f.Assignment).Concat(plan.Fields.SelectMany(f => f.Calls)));
        var disposed = DisposedFields(model, ctor.Parent as TypeDeclarationSyntax, plan.Fields.Select(f => (ISymbol)f.Symbol), cancellationToken);
        var anyPartial = false;
        foreach (var field in plan.Fields)
        {
            var name = field.Symbol.Name;
            var stem = Names.Pascal(name);
            var typeText = field.Declaration.Declaration.Type.WithoutTrivia().ToString();

            // The diagnostic names the package of the first field only; the others name their own.
            var valueType = model.GetTypeInfo(field.Value, cancellationToken).Type ?? field.Symbol.Type;
            var package = field == plan.Fields[0]
                ? LazyMembers.PackageName(diagnostic, valueType)
                : valueType.ContainingAssembly is { } assembly ? LazyMigrate.Catalog.HeavyPackageCatalog.FindByAssembly(assembly.Name)?.Name : null;

            // The [LazyValue] partial property, where the project builds them; a field disposed elsewhere
            // keeps the expanded shape, whose proxy tells the guard whether the value was built.
            IReadOnlyList<MemberDeclarationSyntax> members;
            string? proxy = null;
            var partial = !disposed.Contains(field.Symbol)
                && LazyValueProperty.Applies(document, model, type, field.Symbol.Type, isStatic: false, package, field.Value,
                    typeAnnotated: field.Symbol.Type.NullableAnnotation == NullableAnnotation.Annotated);
            if (partial)
            {
                var factoryName = LazyValueProperty.PickFactoryName(names, isStatic: false, name, "Create" + stem, "Build" + stem);
                var modifiers = string.Join(" ", field.Declaration.Modifiers.Where(m => !m.IsKind(SyntaxKind.ReadOnlyKeyword)).Select(m => m.Text));
                members = LazyValueProperty.Build(package!, modifiers, typeText, name, factoryName, isStatic: false, FactoryBody(document, model, field, typeText, returnsObject: false));
                anyPartial = true;
            }
            else
            {
                proxy = names.Pick(NameKind.Field, isStatic: false, isReadOnly: true, "Lazy" + stem, "Deferred" + stem);
                var factory = names.Pick(NameKind.Method, isStatic: false, "Create" + stem, "Build" + stem);
                proxies[field.Symbol] = proxy;
                members = BuildMembers(document, model, field, runtime, typeText, proxy, factory);
            }

            var trailing = field.Declaration.GetTrailingTrivia();
            if (NextMemberIsNotSeparated(field.Declaration) && trailing.LastOrDefault().IsKind(SyntaxKind.EndOfLineTrivia))
            {
                // The group ends with a multi-line factory: keep a blank line before whatever follows.
                trailing = trailing.Add(trailing.Last());
            }

            var placed = LazyMembers.WithTrivia(members, field.Declaration.GetLeadingTrivia(), trailing);
            editor.InsertAfter(field.Declaration, placed.Skip(1));
            editor.ReplaceNode(field.Declaration, placed[0]);

            var assignment = newBody.GetCurrentNode(field.Assignment)!;
            if (proxy is null)
            {
                // The generated property creates its lazy value on the first read: the constructor keeps nothing of it.
                newBody = StatementRemoval.RemoveKeepingComments(newBody, assignment);
                continue;
            }

            var creation = $"{proxy} = {LazyProxy.Creation(runtime, package, ((MethodDeclarationSyntax)members[2]).Identifier.ValueText)};";
            newBody = newBody.ReplaceNode(assignment, Generated.Statement(creation).WithTriviaFrom(assignment));
        }

        foreach (var call in plan.Fields.SelectMany(f => f.Calls))
        {
            newBody = StatementRemoval.RemoveKeepingComments(newBody, newBody.GetCurrentNode(call)!);
        }

        editor.ReplaceNode(body, newBody);
        if (ctor.Parent is TypeDeclarationSyntax typeDeclaration)
        {
            GuardDisposals(editor, model, typeDeclaration, proxies, cancellationToken);
        }

        if (anyPartial)
        {
            LazyValueProperty.MarkContainingTypesPartial(editor, ctor);
        }

        return editor.GetChangedDocument();
    }

    private static IReadOnlyList<MemberDeclarationSyntax> BuildMembers(
        Document document, SemanticModel model, LZM0008ConstructorStatePlan.DeferredField field, bool runtime, string typeText, string proxy, string factory)
    {
        var modifiers = string.Join(" ", field.Declaration.Modifiers.Where(m => !m.IsKind(SyntaxKind.ReadOnlyKeyword)).Select(m => m.Text));
        var getter = LazyProxy.Read(runtime, proxy, typeText);
        var property = Generated.Member($"{(modifiers.Length == 0 ? string.Empty : modifiers + " ")}{typeText} {field.Symbol.Name} => {getter};");
        var proxyField = Generated.Member($"private readonly {LazyProxy.Type(runtime)} {proxy};");

        var body = FactoryBody(document, model, field, typeText, returnsObject: true);
        MemberDeclarationSyntax factoryMember = body is BlockSyntax block
            ? ((MethodDeclarationSyntax)Generated.Member($"{Generated.NoInliningAttribute} private object {factory}() {{ }}")).WithBody(block)
            : Generated.Fill(Generated.Member($"{Generated.NoInliningAttribute} private object {factory}() => {Generated.Placeholder};"), body);
        return new[] { property, proxyField, factoryMember };
    }

    /// <summary>
    /// What the factory of <paramref name="field"/> does: return the value (converted to object when
    /// <paramref name="returnsObject"/>, else as written, typed like the field), or, when calls on the field
    /// followed its assignment, a block that builds it, runs them on it and returns it.
    /// </summary>
    private static SyntaxNode FactoryBody(Document document, SemanticModel model, LZM0008ConstructorStatePlan.DeferredField field, string typeText, bool returnsObject)
    {
        if (field.Calls.Count == 0)
        {
            return returnsObject ? LazyMembers.FactoryBody(model, field.Value, typeText) : field.Value.WithoutLeadingTrivia().WithoutTrailingTrivia();
        }

        {
            // Build, run the calls that followed the assignment on the new value, return it.
            var identifiers = new HashSet<string>(Names.IdentifiersIn(field.Value));
            foreach (var call in field.Calls)
            {
                identifiers.UnionWith(Names.IdentifiersIn(call));
            }

            var stem = Names.Pascal(field.Symbol.Name);
            var local = MemberNames.For(document, model.SyntaxTree, null, identifiers)
                .Pick(NameKind.Local, isStatic: false, stem, "New" + stem, "Created" + stem);

            var statements = new List<StatementSyntax>
            {
                SyntaxFactory.ParseStatement($"{typeText} {local} = {Generated.Placeholder};"),
            };
            statements[0] = Generated.Fill(statements[0], field.Value.WithoutTrivia());
            foreach (var call in field.Calls)
            {
                statements.Add(ReplaceField(call, model, field.Symbol, local).WithoutLeadingTrivia().WithTrailingTrivia(SyntaxFactory.ElasticLineFeed));
            }

            statements.Add(SyntaxFactory.ParseStatement($"return {local};"));
            return SyntaxFactory.Block(statements.Select(s => s
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(SyntaxFactory.ElasticLineFeed)
                .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation)));
        }
    }

    /// <summary>True when a method of <paramref name="typeDeclaration"/> disposes <paramref name="member"/> (<see cref="GuardDisposals"/>).</summary>
    internal static bool IsDisposed(SemanticModel model, TypeDeclarationSyntax typeDeclaration, ISymbol member, CancellationToken cancellationToken)
        => DisposedFields(model, typeDeclaration, new[] { member }, cancellationToken).Count > 0;

    /// <summary>The fields among <paramref name="fields"/> that a method of <paramref name="typeDeclaration"/> disposes (<see cref="GuardDisposals"/>).</summary>
    private static HashSet<ISymbol> DisposedFields(SemanticModel model, TypeDeclarationSyntax? typeDeclaration, IEnumerable<ISymbol> fields, CancellationToken cancellationToken)
    {
        var result = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (typeDeclaration is null)
        {
            return result;
        }

        var candidates = fields.ToDictionary(f => f, f => f.Name, SymbolEqualityComparer.Default);
        foreach (var method in typeDeclaration.Members.OfType<MethodDeclarationSyntax>())
        {
            var expressions = method.ExpressionBody is { } arrow
                ? new[] { arrow.Expression }
                : method.DescendantNodes().OfType<ExpressionStatementSyntax>().Select(s => s.Expression).ToArray();
            foreach (var expression in expressions)
            {
                if (DisposedField(expression, model, candidates, cancellationToken) is { } name)
                {
                    result.UnionWith(candidates.Where(c => c.Value == name).Select(c => c.Key));
                }
            }
        }

        return result;
    }

    /// <summary>The statement with every reference to <paramref name="field"/> (<c>_f</c>, <c>this._f</c>) replaced by <paramref name="local"/>.</summary>
    private static StatementSyntax ReplaceField(StatementSyntax statement, SemanticModel model, IFieldSymbol field, string local)
    {
        var references = statement.DescendantNodes()
            .Where(n => n is IdentifierNameSyntax && n.Parent is not MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
                    || n is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
            .Where(n => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n).Symbol, field))
            .ToList();
        return statement.ReplaceNodes(references, (original, _) => SyntaxFactory.IdentifierName(local).WithTriviaFrom(original));
    }

    /// <summary>
    /// <c>_f.Dispose();</c> (also <c>_f?.Dispose();</c> and void arrow bodies) outside the constructor
    /// runs only when the value was built: disposing must not build it.
    /// </summary>
    internal static void GuardDisposals(DocumentEditor editor, SemanticModel model, TypeDeclarationSyntax typeDeclaration, Dictionary<ISymbol, string> proxies, CancellationToken cancellationToken)
    {
        foreach (var method in typeDeclaration.Members.OfType<MethodDeclarationSyntax>())
        {
            if (method.ExpressionBody is { } arrow && method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                && DisposedField(arrow.Expression, model, proxies, cancellationToken) is { } arrowProxy)
            {
                var guarded = Guard(SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia()), arrowProxy);
                editor.ReplaceNode(method, method
                    .WithExpressionBody(null)
                    .WithSemicolonToken(default)
                    .WithBody(SyntaxFactory.Block(guarded))
                    .WithTrailingTrivia(method.GetTrailingTrivia())
                    .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
                continue;
            }

            foreach (var statement in method.DescendantNodes().OfType<ExpressionStatementSyntax>())
            {
                if (statement.Parent is BlockSyntax && DisposedField(statement.Expression, model, proxies, cancellationToken) is { } proxy)
                {
                    editor.ReplaceNode(statement, Guard(statement.WithoutTrivia(), proxy).WithTriviaFrom(statement));
                }
            }
        }
    }

    private static StatementSyntax Guard(StatementSyntax statement, string proxy)
        => SyntaxFactory.IfStatement(SyntaxFactory.ParseExpression(proxy + ".IsValueCreated"), SyntaxFactory.Block(statement))
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);

    private static string? DisposedField(ExpressionSyntax expression, SemanticModel model, Dictionary<ISymbol, string> proxies, CancellationToken cancellationToken)
    {
        ExpressionSyntax? receiver = expression switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dispose" } access, ArgumentList.Arguments.Count: 0 } => access.Expression,
            ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Dispose" }, ArgumentList.Arguments.Count: 0 } } conditional => conditional.Expression,
            _ => null,
        };
        return receiver is not null
            && model.GetSymbolInfo(receiver, cancellationToken).Symbol is IFieldSymbol or IPropertySymbol
            && proxies.TryGetValue(model.GetSymbolInfo(receiver, cancellationToken).Symbol!, out var proxy)
                ? proxy
                : null;
    }

    /// <summary>True when the member after <paramref name="declaration"/> starts right on the next line (no blank line).</summary>
    internal static bool NextMemberIsNotSeparated(MemberDeclarationSyntax declaration)
    {
        if (declaration.Parent is not TypeDeclarationSyntax type)
        {
            return false;
        }

        var index = type.Members.IndexOf(declaration);
        return index >= 0 && index + 1 < type.Members.Count
            && !type.Members[index + 1].GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
    }
}
