using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0006, only when the forced value is discarded (<c>_ = s_x.Value;</c>, <c>pkg.EnsureLoaded();</c>):
/// the statement becomes a background warm-up, <c>_ = Task.Run(() =&gt; s_x.Value);</c>, so startup
/// no longer waits for it and the first real use finds the value built (or building). When the
/// value is used by the surrounding code there is no safe rewrite and no fix is offered.
/// Note: a failure now surfaces at the first real use instead of at startup.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LZM0006BackgroundWarmUpFixer)), Shared]
public sealed class LZM0006BackgroundWarmUpFixer : LazyFixerBase
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string Key = "LZM0006.BackgroundWarmUp";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.RuleIds.LazyProxyForcedAtStartup);

    /// <inheritdoc />
    protected internal override string EquivalenceKey => Key;

    /// <inheritdoc />
    protected override string GetTitle(bool runtime) => "Warm up in the background instead";

    /// <inheritdoc />
    protected override string DescribeUnfixable(SyntaxNode target, Diagnostic diagnostic)
        => "the fix moves a warm-up call whose result is discarded into Task.Run; this one's result is used or it awaits, " +
           "so running it in the background would change the code after it: start it in the background by hand";

    internal override async Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Form, out var form) || form != DiagnosticProperties.FormDiscardedStatement
            || target.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement)
        {
            return null;
        }

        var forced = statement.Expression;
        if (forced is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
            && discard.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            forced = discard.Right;
        }

        if (!forced.Span.Contains(target.Span) || forced.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.AwaitExpression)))
        {
            return null;
        }

        // A value-returning lambda would be a Func<T> of the heavy type, which the startup method's JIT
        // would load; a statement lambda is an Action and names nothing heavy.
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var returnsValue = model?.GetTypeInfo(forced, cancellationToken).Type is { SpecialType: not SpecialType.System_Void };
        var template = returnsValue
            ? $"_ = global::System.Threading.Tasks.Task.Run(() => {{ _ = {Generated.Placeholder}; }});"
            : $"_ = global::System.Threading.Tasks.Task.Run(() => {Generated.Placeholder});";
        var replacement = Generated.Fill(Generated.Statement(template), forced.WithoutTrivia())
            .WithTriviaFrom(statement);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(statement, replacement));
    }
}
