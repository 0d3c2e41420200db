using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0002: <c>var x = new Heavy(..);</c> in code that runs once (entry point, top-level statements,
/// module initializer) becomes a lazily built static member of the containing type (for top-level
/// statements, of <c>partial class Program</c>) and every use of <c>x</c> goes through it: the heavy
/// value is built on first use. Only when the initializer reads no local or parameter, has no side
/// effect besides the heavy work itself (so nothing else changes order), and the local is never
/// assigned again. When it reads locals or parameters that never change, the proxy is created
/// where the local was (<c>s_x = new LazyValue(.., () =&gt; CreateX(path));</c>) and the factory
/// receives them. A statement that would then read the property after the ready cut of a startup
/// method (naming the heavy type there, LZM0005) moves into a non-inlined method in the same fix, by
/// LZM0005's own extraction.
/// <para>Inside a <c>BackgroundService.ExecuteAsync</c>, the service instead starts once the app is
/// ready (<see cref="LZM0002BackgroundServiceStart"/>).</para>
/// <para>Other heavy statements (a discarded call such as <c>MagickNET.Initialize();</c>, a use of
/// the value) get no fix: they are work the program asked for at that point. Moving them into a
/// helper would keep them on the startup path and only trade LZM0002 for LZM0008.</para>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LZM0002DeferStartupWorkFixer)), Shared]
public sealed class LZM0002DeferStartupWorkFixer : LazyFixerBase
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string Key = "LZM0002.DeferStartupWork";

    private static readonly ImmutableHashSet<string> s_pureTypes = ImmutableHashSet.Create(
        "System.String", "System.IO.Path", "System.Math", "System.TimeSpan", "System.Uri", "System.Convert", "System.Guid", "System.AppContext",
        "System.Linq.Enumerable");

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.RuleIds.HeavyWorkOnStartupPath);

    /// <inheritdoc />
    protected internal override string EquivalenceKey => Key;

    /// <inheritdoc />
    protected override string GetTitle(bool runtime)
        => runtime ? "Defer to first use (LazyValue)" : "Defer to first use (Lazy<object>)";

    /// <inheritdoc />
    protected override string DescribeUnfixable(SyntaxNode target, Diagnostic diagnostic)
    {
        if (LZM0002BackgroundServiceStart.IsInExecuteAsync(target))
        {
            return "the background service's start is moved after the ready point only in an async ExecuteAsync of a project that signals " +
                "readiness (LazyLoading.MarkReady() or AddLazyLoading()) and references LazyMigrate.Runtime; add the ready signal, or start the work later by hand";
        }

        if (LZM0008LazyInitializer.InitializerValue(target) is not null || target.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null)
        {
            return LZM0008LazyInstanceStateFixer.InstanceStateReason;
        }

        return target.FirstAncestorOrSelf<StatementSyntax>() is LocalDeclarationStatementSyntax
            ? "the local cannot be deferred with the same meaning (the fix leaves alone a local that is written or passed by reference later, " +
              "built from values that change, awaited, declared in a loop or a lambda, or one of several in a declaration); defer it by hand"
            : $"the fix defers locals whose value is used later; this statement in {EnclosingMemberName(target)} runs for its effect, " +
              "and deferring it would change when that effect happens: if nothing before the ready point needs it, move it after the ready point by hand " +
              $"(in a web app, '{LazyMigrateOptions.WebStartupWorkKey} = {LazyMigrateOptions.BeforeFirstRequest}' lets the fix run it before the first request instead)";
    }

    /// <inheritdoc />
    protected override string GetTitle(bool runtime, SyntaxNode target)
        => LZM0002BackgroundServiceStart.IsInExecuteAsync(target) ? LZM0002BackgroundServiceStart.Title : GetTitle(runtime);

    internal override async Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Configured for web apps: a whole startup statement that runs for its effect moves before the
        // first request (deferring the object it uses inside would gain nothing: it is used at once).
        if (FirstRequestGate.IsEnabled(document)
            && await FirstRequestGate.TryApplyAsync(document, target, cancellationToken).ConfigureAwait(false) is { } gated)
        {
            return gated;
        }

        return await DeferAsync(document, target, diagnostic, cancellationToken).ConfigureAwait(false);
    }

    private static Task<Document?> DeferAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // A background service's work is not deferred statement by statement: the whole service
        // starts once the app is ready (the same equivalence key, so Fix All and dotnet format apply both).
        if (LZM0002BackgroundServiceStart.IsInExecuteAsync(target))
        {
            return LZM0002BackgroundServiceStart.TryApplyAsync(document, target, cancellationToken);
        }

        // A hosted service's constructor and instance initializers run when the host builds it: the fields
        // become lazy instance state (LZM0008's rewrite).
        if (LZM0008LazyInitializer.InitializerValue(target) is { } initializerValue)
        {
            return LZM0008LazyInitializer.TryApplyAsync(document, initializerValue, diagnostic, cancellationToken);
        }

        if (target.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null)
        {
            return LZM0008LazyInstanceStateFixer.DeferConstructorFieldsAsync(document, target, diagnostic, cancellationToken);
        }

        // A using declaration or statement: deferred the same way, its disposal kept by a guard.
        if (LZM0002UsingDeferral.IsUsingValue(target))
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.HeavyType, out var usingHeavyType);
            return LZM0002UsingDeferral.TryApplyAsync(
                document, target, usingHeavyType, (d, declaration, t, ct) => ConvertLocalAsync(d, declaration, t, diagnostic, depth: 0, ct, keepDisposal: true), cancellationToken);
        }

        return target.FirstAncestorOrSelf<StatementSyntax>() is LocalDeclarationStatementSyntax declaration
            ? ConvertLocalAsync(document, declaration, target, diagnostic, depth: 0, cancellationToken)
            : Task.FromResult<Document?>(null);
    }

    // keepDisposal: the declaration is a using declaration, and a disposal guard takes its place (LZM0002UsingDeferral).
    private static async Task<Document?> ConvertLocalAsync(Document document, LocalDeclarationStatementSyntax declaration, SyntaxNode target, Diagnostic diagnostic, int depth, CancellationToken cancellationToken, bool keepDisposal = false)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null
            || declaration.Declaration.Variables.Count != 1
            || declaration.Declaration.Variables[0] is not { Initializer: { } initializer } variable
            || !initializer.Value.Span.Contains(target.Span)
            || (declaration.UsingKeyword != default && !keepDisposal) || declaration.AwaitKeyword != default || declaration.IsConst
            || declaration.Declaration.Type is RefTypeSyntax
            || declaration.GetLeadingTrivia().Any(t => t.IsDirective)
            || model.GetDeclaredSymbol(variable, cancellationToken) is not ILocalSymbol local)
        {
            return null;
        }

        var host = MemberHost.Find(model, declaration, cancellationToken);
        if (host is null || !RunsOnce(host, model.Compilation) || !DirectlyInBody(declaration, host))
        {
            return null;
        }

        var flow = model.AnalyzeDataFlow(initializer.Value);
        // Writes to variables the value declares itself (a lambda's parameters) are its own business.
        if (flow is null || !flow.Succeeded
            || flow.WrittenInside.Any(s => !s.DeclaringSyntaxReferences.All(r => r.SyntaxTree == initializer.SyntaxTree && initializer.Value.Span.Contains(r.Span)))
            || initializer.Value.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax))
        {
            return null;
        }

        // Locals/parameters the value is built from are passed to the factory later: only when
        // they never change, so the deferred read sees the same values.
        var captured = flow.DataFlowsIn.ToList();
        if (!captured.All(c => IsStableCapture(c, host, model, cancellationToken)))
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.HeavyType, out var heavyType);

        // A value that only feeds one singleton registration: the whole computation moves into a factory registration.
        var registered = keepDisposal ? null : await LZM0002SingletonFactoryMove.TryApplyAsync(document, model, declaration, host, heavyType, cancellationToken).ConfigureAwait(false);
        if (registered is not null)
        {
            return registered;
        }

        if (!OnlyHeavyWork(model.GetOperation(initializer.Value, cancellationToken), heavyType, local.Type))
        {
            return null;
        }

        var uses = host.Enclosing.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local))
            .ToList();
        if (uses.Any(Usage.IsWriteOrReference))
        {
            return null;
        }

        var typeText = declaration.Declaration.Type.IsVar
            ? Generated.Type(local.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)).ToFullString()
            : declaration.Declaration.Type.WithoutTrivia().ToString();
        // A name no identifier of the method or the type spells (a property named like a type the
        // code uses would shadow it); on a collision, "Lazy"/"Default" + the name (docs/configuration.md).
        var taken = Names.IdentifiersIn(host.Enclosing);
        foreach (var reference in host.Type.DeclaringSyntaxReferences)
        {
            taken.UnionWith(Names.IdentifiersIn(reference.GetSyntax(cancellationToken)));
        }

        var names = MemberNames.For(document, model.SyntaxTree, host.Type, taken);
        var stem = Names.Pascal(local.Name);
        var propertyName = names.Pick(NameKind.Property, isStatic: true, stem, "Lazy" + stem, "Default" + stem);
        var runtime = RuntimeSymbols.HasRuntime(model.Compilation);
        var packageName = LazyMembers.PackageName(diagnostic, local.Type);
        StatementSyntax? assignment = null;
        IReadOnlyList<MemberDeclarationSyntax> members;
        // A using keeps its disposal through the proxy's guard, so it needs the expanded shape (the proxy in view).
        var proxyName = string.Empty;
        var partial = captured.Count == 0 && !keepDisposal
            && LazyValueProperty.Applies(document, model, host.Type, local.Type, isStatic: true, packageName, initializer.Value,
                typeAnnotated: !declaration.Declaration.Type.IsVar && local.Type.NullableAnnotation == NullableAnnotation.Annotated);
        if (partial)
        {
            // The [LazyValue] partial property; the generator writes the proxy and the rest.
            var factory = LazyValueProperty.PickFactoryName(names, isStatic: true, propertyName, "Create" + stem, "Build" + stem);
            members = LazyValueProperty.Build(packageName!, "private static", typeText, propertyName, factory, isStatic: true,
                initializer.Value.WithoutLeadingTrivia().WithoutTrailingTrivia());
        }
        else
        {
            members = ExpandedMembers();
        }

        // The expanded shape: the proxy field and factory written out (for a value built from locals, the
        // proxy is assigned where the local was).
        IReadOnlyList<MemberDeclarationSyntax> ExpandedMembers()
        {
            proxyName = names.Pick(NameKind.Field, isStatic: true, isReadOnly: captured.Count == 0, stem, "Lazy" + stem);
            var factoryName = names.Pick(NameKind.Method, isStatic: true, "Create" + stem, "Build" + stem);
            var factoryBody = LazyMembers.FactoryBody(model, initializer.Value, typeText);
            if (captured.Count == 0)
            {
                return LazyMembers.Build(new LazyMemberSpec
                {
                    Runtime = runtime,
                    PackageName = packageName,
                    PropertyModifiers = "private static",
                    TypeText = typeText,
                    PropertyName = propertyName,
                    ProxyName = proxyName,
                    FactoryName = factoryName,
                    FactoryBody = factoryBody,
                    MayBeNull = LazyMembers.MayBeNull(model, initializer.Value),
                });
            }

            var arguments = string.Join(", ", captured.Select(c => EscapedName(c)));
            var creation = LazyProxy.Creation(runtime, packageName, $"() => {factoryName}({arguments})");
            assignment = Generated.Statement($"{proxyName} = {creation};").WithTriviaFrom(declaration);
            return CapturingMembers(model, declaration, captured, runtime, typeText, propertyName, proxyName, factoryName, factoryBody);
        }

        // Comments that described the local now describe the property.
        var comments = declaration.GetLeadingTrivia()
            .SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia))
            .Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
        if (assignment is null && comments.Any(t => !t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            members = new[] { members[0].WithLeadingTrivia(comments) }.Concat(members.Skip(1)).ToList();
        }

        // Statements LZM0005 reports already get its own fix in the same run; the others are followed up here.
        var reported = await LZM0005HeavyStatementFixes.ReportedStatementsAsync(document, cancellationToken).ConfigureAwait(false);
        var replacedUse = new SyntaxAnnotation();
        var anyUse = new SyntaxAnnotation();
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var use in uses)
        {
            var replacement = SyntaxFactory.IdentifierName(propertyName).WithTriviaFrom(use).WithAdditionalAnnotations(anyUse);
            editor.ReplaceNode(use, reported.Any(s => s.Span.Contains(use.Span)) ? replacement : replacement.WithAdditionalAnnotations(replacedUse));
        }

        if (assignment is not null)
        {
            // The proxy is created where the local was, from the same (unchanging) inputs.
            if (keepDisposal)
            {
                // Then the using, over the proxy just created (inserted before the replacement, which the editor would lose track of).
                var guard = LZM0002UsingDeferral.GuardStatement(names, local.Name, proxyName, LZM0002UsingDeferral.Indentation(declaration.GetLeadingTrivia()), SyntaxFactory.TriviaList(LZM0002UsingDeferral.LineEnd(declaration)));
                editor.InsertAfter(declaration.Parent is GlobalStatementSyntax statement ? statement : declaration, declaration.Parent is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(guard) : guard);
            }

            editor.ReplaceNode(declaration, assignment);
            host.Add(editor, members);
            return await FinishAsync(editor.GetChangedDocument(), anyUse, replacedUse, diagnostic, depth, cancellationToken).ConfigureAwait(false);
        }

        if (keepDisposal)
        {
            var leading = LZM0002UsingDeferral.WithoutComments(declaration.GetLeadingTrivia());
            editor.ReplaceNode(declaration, LZM0002UsingDeferral.GuardStatement(names, local.Name, proxyName, leading, declaration.GetTrailingTrivia()));
            host.Add(editor, members);
            return await FinishAsync(editor.GetChangedDocument(), anyUse, replacedUse, diagnostic, depth, cancellationToken).ConfigureAwait(false);
        }

        SyntaxNode removed = declaration.Parent is GlobalStatementSyntax global ? global : declaration;

        // Blank lines above the removed local stay where they were (on the next statement).
        var blankLines = removed.GetLeadingTrivia().TakeWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia))
            .Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
        // One blank line is enough: none is carried when the next statement starts with one already.
        var next = removed.Parent?.ChildNodes().SkipWhile(n => n != removed).Skip(1).FirstOrDefault();
        var nextStartsWithBlankLine = next is not null && next.GetLeadingTrivia()
            .TakeWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia))
            .Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (blankLines.Count > 0 && next is not null && !nextStartsWithBlankLine)
        {
            editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(blankLines.Concat(current.GetLeadingTrivia())));
        }

        editor.RemoveNode(removed, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        host.Add(editor, members);
        if (partial)
        {
            LazyValueProperty.MarkContainingTypesPartial(editor, host.Enclosing);
        }

        return await FinishAsync(editor.GetChangedDocument(), anyUse, replacedUse, diagnostic, depth, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A local built from the moved one (<c>var container = blobs.GetBlobContainerClient(..)</c>) would now build
    /// the heavy object where it is declared, through the new property: it is deferred in the same fix, the same
    /// way, when it can be (LZM0002 would report it on the next run otherwise). Then the follow-up after ready.
    /// </summary>
    private static async Task<Document> FinishAsync(Document document, SyntaxAnnotation anyUse, SyntaxAnnotation replacedUse, Diagnostic diagnostic, int depth, CancellationToken cancellationToken)
    {
        const int MaxChain = 8;
        var tried = new HashSet<string>(System.StringComparer.Ordinal);
        while (depth < MaxChain)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var dependent = root?.GetAnnotatedNodes(anyUse)
                .Select(use => (use, declaration: use.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>()))
                .FirstOrDefault(p => p.declaration is { UsingKeyword.RawKind: 0, Declaration.Variables: { Count: 1 } variables }
                    && variables[0].Initializer?.Value.Span.Contains(p.use.Span) == true
                    && !tried.Contains(variables[0].Identifier.ValueText));
            if (dependent?.declaration is not { } declaration)
            {
                break;
            }

            tried.Add(declaration.Declaration.Variables[0].Identifier.ValueText);
            if (await ConvertLocalAsync(document, declaration, dependent.Value.use, diagnostic, depth + 1, cancellationToken).ConfigureAwait(false) is { } converted)
            {
                document = converted;
            }
        }

        // A use that only hands the value to a split-off method's parameter: that method reads the property itself.
        document = await LZM0002CalleeReads.MoveIntoCalleesAsync(document, anyUse, cancellationToken).ConfigureAwait(false);
        return await WithoutHeavyReadsAfterReadyAsync(document, replacedUse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reading the local names no type; reading the property that replaces it calls a getter of the heavy
    /// type, so a statement doing so after the ready cut would make the JIT load the heavy assembly with the
    /// startup method (LZM0005). Such statements move out in the same fix, as LZM0005's fix moves them: one
    /// <c>dotnet format</c> run reaches the state a second run would. Only uses marked <paramref name="replacedUse"/>
    /// count (those in statements LZM0005 did not report before the fix).
    /// </summary>
    private static Task<Document> WithoutHeavyReadsAfterReadyAsync(Document document, SyntaxAnnotation replacedUse, CancellationToken cancellationToken)
        => LZM0005HeavyStatementFixes.ExtractReportedAsync(document, replacedUse, cancellationToken);

    /// <summary>
    /// Members for a value built from locals: the proxy field is assigned where the local was
    /// declared (the factory receives the captured values), the property reads it.
    /// </summary>
    private static IReadOnlyList<MemberDeclarationSyntax> CapturingMembers(
        SemanticModel model, LocalDeclarationStatementSyntax declaration, List<ISymbol> captured, bool runtime,
        string typeText, string propertyName, string proxyName, string factoryName, ExpressionSyntax factoryBody)
    {
        var nullable = model.GetNullableContext(declaration.SpanStart).AnnotationsEnabled();
        var question = nullable ? "?" : string.Empty;
        var bang = nullable ? "!" : string.Empty;
        var proxyType = LazyProxy.Type(runtime);
        var getter = LazyProxy.Read(runtime, proxyName + bang, typeText);
        var parameters = string.Join(", ", captured.Select(c => Generated.Type(TypeOf(c)).ToFullString() + " " + EscapedName(c)));
        var property = Generated.Member($"private static {typeText} {propertyName} => {getter};");
        var field = Generated.Member($"private static {proxyType}{question} {proxyName};");
        var factory = Generated.Fill(
            Generated.Member($"{Generated.NoInliningAttribute} private static object {factoryName}({parameters}) => {Generated.Placeholder};"),
            factoryBody);
        return new[] { property, field, factory };
    }

    private static ITypeSymbol TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated),
        IParameterSymbol parameter => parameter.Type,
        _ => throw new System.ArgumentException("Not a variable", nameof(symbol)),
    };

    private static string EscapedName(ISymbol symbol)
        => SyntaxFacts.GetKeywordKind(symbol.Name) != SyntaxKind.None ? "@" + symbol.Name : symbol.Name;

    /// <summary>A local or by-value parameter that is never written after its declaration.</summary>
    private static bool IsStableCapture(ISymbol symbol, MemberHost host, SemanticModel model, CancellationToken cancellationToken)
    {
        ITypeSymbol type;
        switch (symbol)
        {
            case ILocalSymbol { IsRef: false, IsConst: false } local:
                type = local.Type;
                break;
            case IParameterSymbol { IsThis: false, RefKind: RefKind.None } parameter:
                type = parameter.Type;
                break;
            default:
                return false;
        }

        if (type.IsRefLikeType || type.IsAnonymousType || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        return !host.Enclosing.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == symbol.Name)
            .Any(n => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, symbol) && Usage.IsWriteOrReference(n));
    }

    /// <summary>Moving a local to a static member is only the same program when the code runs once.</summary>
    internal static bool RunsOnce(MemberHost host, Compilation compilation)
    {
        if (host.IsTopLevel)
        {
            return true;
        }

        if (host.Method is not { IsStatic: true } method)
        {
            return false;
        }

        return method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.ModuleInitializerAttribute")
            || SymbolEqualityComparer.Default.Equals(compilation.GetEntryPoint(System.Threading.CancellationToken.None), method);
    }

    /// <summary>Not in a loop, lambda, local function or try block (each would change when or how often it runs).</summary>
    internal static bool DirectlyInBody(StatementSyntax statement, MemberHost host)
    {
        for (var node = statement.Parent; node is not null && node != host.Enclosing; node = node.Parent)
        {
            if (node is GlobalStatementSyntax || node is CompilationUnitSyntax)
            {
                return true;
            }

            if (node is not BlockSyntax)
            {
                return false;
            }

            if (node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>The initializer does heavy work and nothing else with a visible side effect.</summary>
    internal static bool OnlyHeavyWork(IOperation? operation, string? heavyType, ITypeSymbol localType, System.Func<IMethodSymbol, bool>? alsoAllowed = null)
    {
        if (operation is null)
        {
            return false;
        }

        var heavyAssembly = StatementExtractor.IsHeavy(localType, heavyType) ? localType.ContainingAssembly : null;
        foreach (var node in operation.DescendantsAndSelf())
        {
            IMethodSymbol? method = node switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            // Object initializers (new Heavy { Name = "x" }) only set members of the new object.
            if (node is IAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } })
            {
                continue;
            }

            if (node is IAssignmentOperation or IIncrementOrDecrementOperation or IEventAssignmentOperation or IDynamicInvocationOperation or IDynamicObjectCreationOperation)
            {
                return false;
            }

            if (method is null)
            {
                continue;
            }

            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            var isHeavy = (heavyAssembly is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, heavyAssembly))
                || StatementExtractor.IsHeavy(type, heavyType);
            if (!isHeavy && !s_pureTypes.Contains(type.ToDisplayString()) && !IsPlainConstruction(method) && alsoAllowed?.Invoke(method) != true)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The compiler's default constructor of a source class without member initializers: it runs no code
    /// (<c>new Input { Value = v }</c> only sets the new object's members), so building the value later is the same.
    /// </summary>
    private static bool IsPlainConstruction(IMethodSymbol method)
        => method is { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true, ContainingType: { TypeKind: TypeKind.Class } type }
            && type.BaseType?.SpecialType == SpecialType.System_Object
            && type.DeclaringSyntaxReferences.Length > 0
            && type.DeclaringSyntaxReferences.All(r => !r.GetSyntax().DescendantNodes().Any(n => n is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax }));
}
