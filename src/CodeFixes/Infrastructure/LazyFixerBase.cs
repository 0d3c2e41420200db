using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Common shape of every LazyMigrate fixer: one rewrite per diagnostic, applied by
/// <see cref="FixDocumentAsync"/> one diagnostic at a time on the evolving document (nodes are
/// tracked, the semantic model is refreshed between steps), so several diagnostics in one member
/// or one file all land, and the Fix All provider is simply that loop per document.
/// </summary>
public abstract class LazyFixerBase : CodeFixProvider
{
    /// <summary>The stable equivalence key of this fixer's code action (one per fixer).</summary>
    protected abstract string EquivalenceKey { get; }

    /// <summary>The code action title; <paramref name="runtime"/> tells whether LazyMigrate.Runtime is referenced.</summary>
    protected abstract string GetTitle(bool runtime);

    /// <summary>The code action title for the diagnostic at <paramref name="target"/>; by default <see cref="GetTitle(bool)"/>.</summary>
    protected virtual string GetTitle(bool runtime, SyntaxNode target) => GetTitle(runtime);

    /// <summary>
    /// Rewrites the code for one diagnostic. <paramref name="target"/> is the diagnostic's node in
    /// the current root of <paramref name="document"/>. Returns null when no safe rewrite exists.
    /// </summary>
    internal abstract Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(this);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
        var runtime = compilation is not null && RuntimeSymbols.HasRuntime(compilation);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // Only offer what really applies: the fix is computed here, once.
            var fixedDocument = await FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
            {
                continue;
            }

            // The rewrite is a pure function of the document: the computed result is the action.
            context.RegisterCodeFix(
                CodeAction.Create(
                    root is null ? GetTitle(runtime) : GetTitle(runtime, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)),
                    _ => Task.FromResult(fixedDocument),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// Applies every diagnostic of one document in one pass. Returns null when none could be fixed.
    /// </summary>
    internal async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var targets = diagnostics
            .Where(d => d.Location.IsInSource && d.Location.SourceTree == root.SyntaxTree && FixableDiagnosticIds.Contains(d.Id))
            .Select(d => (Diagnostic: d, Node: root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true)))
            .OrderBy(t => t.Diagnostic.Location.SourceSpan.Start)
            .ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        var current = document.WithSyntaxRoot(root.TrackNodes(targets.Select(t => t.Node)));
        var changed = false;
        var errors = await CountErrorsAsync(current, cancellationToken).ConfigureAwait(false);
        foreach (var (diagnostic, node) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var currentNode = currentRoot?.GetCurrentNodes(node).FirstOrDefault();
            if (currentNode is null)
            {
                // Already rewritten by an earlier diagnostic of the same member.
                continue;
            }

            Document? next;
            try
            {
                next = await ApplyAsync(current, currentNode, diagnostic, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Code the rewrite does not understand (mid-edit, unusual shapes) gets no fix for
                // this diagnostic; it must not abort a batch run over a whole solution.
                continue;
            }

            if (next is null)
            {
                continue;
            }

            // Safety net: a rewrite that would introduce a compiler error is not offered.
            var nextErrors = await CountErrorsAsync(next, cancellationToken).ConfigureAwait(false);
            if (nextErrors > errors)
            {
                continue;
            }

            errors = nextErrors;
            current = next;
            changed = true;
        }

        if (!changed)
        {
            return null;
        }

        return await CodeCleanup.CleanupAsync(current, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CountErrorsAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null ? 0 : model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
