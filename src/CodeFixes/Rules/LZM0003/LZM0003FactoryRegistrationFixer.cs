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

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0003: <c>AddSingleton(new Heavy(..))</c> (also generic, keyed and TryAdd forms) becomes a
/// factory registration <c>AddSingleton(sp =&gt; new Heavy(..))</c> (keyed: <c>(sp, key) =&gt;</c>),
/// registered under the same service type. Only the argument changes, so type arguments written by
/// the user stay, and inferred ones are inferred the same (the rewrite is rejected otherwise).
/// No fix when the argument is an existing value (a local, field or parameter) or when the
/// instance captures a variable that is assigned again (the factory would see the later value).
/// Note: the container disposes factory-built singletons on shutdown, instances it was handed it did not.
/// <para>When LazyMigrate.Runtime is referenced and the service is only ever taken through
/// constructors of plain classes of the project, a second rewrite is offered under
/// <see cref="MoveKey"/>: the registration goes away and the instance becomes a lazy static
/// (<see cref="LZM0003LazyValueMove"/>). That is a design change (constructor parameters
/// disappear), so the factory registration comes first, and is what Fix All and dotnet format apply,
/// unless <c>lazymigrate.lzm0003.preferred_fix = lazy_value_move</c> puts the move first.</para>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LZM0003FactoryRegistrationFixer)), Shared]
public sealed class LZM0003FactoryRegistrationFixer : LazyFixerBase
{
    /// <summary>The equivalence key of the factory registration.</summary>
    public const string Key = "LZM0003.RegisterFactory";

    /// <summary>The equivalence key of the move to a lazy value (with the factory registration where the move does not apply).</summary>
    public const string MoveKey = "LZM0003.MoveToLazyValue";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.RuleIds.EagerSingletonRegistration);

    /// <inheritdoc />
    protected internal override string EquivalenceKey => Key;

    /// <inheritdoc />
    protected override string GetTitle(bool runtime) => "Register a factory (build on first resolve)";

    /// <inheritdoc />
    protected override string DescribeUnfixable(SyntaxNode target, Diagnostic diagnostic)
    {
        var argument = target as ArgumentSyntax ?? target.FirstAncestorOrSelf<ArgumentSyntax>();
        return argument?.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or LiteralExpressionSyntax
            ? "the registered instance was built before the registration (a variable or member), so registering it through a factory defers nothing: " +
              "build it inside a factory registration (sp => new ...) by hand"
            : "the instance expression reads state that may change before the container first asks for the service, so a factory could build a different value; " +
              "write the factory registration by hand";
    }

    /// <inheritdoc />
    protected override string SolutionFixEquivalenceKey => MoveKey;

    /// <inheritdoc />
    protected override string SolutionFixTitle => LZM0003LazyValueMove.Title;

    /// <inheritdoc />
    protected override bool PrefersSolutionFix(Document document)
        => LazyMigrateOptions.PrefersLazyValueMove(
            document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider,
            document.TryGetSyntaxTree(out var tree) ? tree : null);

    internal override Task<Solution?> ApplyAcrossSolutionAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        => LZM0003LazyValueMove.TryApplyAsync(document, target, diagnostic, cancellationToken);

    internal override async Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var argument = target as ArgumentSyntax ?? target.FirstAncestorOrSelf<ArgumentSyntax>();
        if (argument is null || argument.Parent?.Parent is not InvocationExpressionSyntax invocation || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
        {
            return null;
        }

        var instance = argument.Expression;
        if (instance is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax
            || instance is LiteralExpressionSyntax)
        {
            // An existing value: it was built already; deferring the registration gains nothing.
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var keyed = method.Name.Contains("Keyed");
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var body = (SyntaxNode?)instance.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? root!;
        if (!CapturesAreStable(model, instance, body, cancellationToken))
        {
            return null;
        }

        // Lambda parameters must not shadow what the instance expression refers to or any variable in scope.
        var taken = Names.IdentifiersIn(instance);
        taken.UnionWith(model.LookupSymbols(instance.SpanStart)
            .Where(s => s is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol)
            .Select(s => s.Name));
        var names = MemberNames.For(document, model.SyntaxTree, null, taken);
        var provider = names.Reserve(new[] { "sp", "provider", "serviceProvider" });
        var lambda = keyed
            ? $"({provider}, {names.Reserve(new[] { "key", "serviceKey" })}) => {Generated.Placeholder}"
            : $"{provider} => {Generated.Placeholder}";
        var factory = Generated.Fill(SyntaxFactory.ParseExpression(lambda), instance.WithoutTrivia())
            .WithTriviaFrom(instance);

        var tracked = root!.TrackNodes(invocation, instance);
        var newRoot = tracked.ReplaceNode(tracked.GetCurrentNode(instance)!, factory);
        var newDocument = document.WithSyntaxRoot(newRoot);

        // The registration must bind to the same method family with the same service type.
        var newModel = await newDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var newTreeRoot = await newDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newInvocation = newTreeRoot?.GetCurrentNode(invocation);
        if (newModel is null || newInvocation is null
            || newModel.GetSymbolInfo(newInvocation, cancellationToken).Symbol is not IMethodSymbol newMethod
            || newMethod.Name != method.Name
            || !Enumerable.SequenceEqual(method.TypeArguments, newMethod.TypeArguments, SymbolEqualityComparer.Default))
        {
            return null;
        }

        return newDocument;
    }

    /// <summary>Captured locals/parameters must not be assigned after their declaration (the factory runs later).</summary>
    private static bool CapturesAreStable(SemanticModel model, ExpressionSyntax instance, SyntaxNode body, CancellationToken cancellationToken)
    {
        var flow = model.AnalyzeDataFlow(instance);
        if (flow is null || !flow.Succeeded)
        {
            return false;
        }

        foreach (var captured in flow.DataFlowsIn)
        {
            if (captured is IParameterSymbol { IsThis: true })
            {
                continue;
            }

            if (captured is IParameterSymbol { RefKind: not RefKind.None } || captured is ILocalSymbol { IsRef: true })
            {
                return false;
            }

            foreach (var name in body.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == captured.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, captured) && Usage.IsWriteOrReference(name))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
