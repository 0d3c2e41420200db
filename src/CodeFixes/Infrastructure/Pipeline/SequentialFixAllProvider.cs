using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Fix All for document, project and solution scope. Unlike the batch fixer (which merges text
/// changes computed independently and drops overlapping ones) it hands all diagnostics of a
/// document to <see cref="LazyFixerBase.FixDocumentAsync"/>, which applies them one after the
/// other on tracked nodes. Every such rewrite stays inside its document, so documents are independent.
/// A fixer's solution-wide rewrite (<see cref="LazyFixerBase.ApplyAcrossSolutionAsync"/>, under its
/// own key) instead runs diagnostic after diagnostic on the evolving solution, since each one
/// edits other documents and builds on what the previous one generated.
/// </summary>
internal sealed class SequentialFixAllProvider : FixAllProvider
{
    private readonly LazyFixerBase _fixer;

    public SequentialFixAllProvider(LazyFixerBase fixer) => _fixer = fixer;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        // Computed here, not when the action runs: a Fix All that would change no text is not offered
        // (dotnet format then reports nothing for it, and --verify-no-changes passes).
        var cancellationToken = fixAllContext.CancellationToken;
        var fixedSolution = await FixAllAsync(fixAllContext, cancellationToken).ConfigureAwait(false);
        var result = await TextChanges.KeepTextChangesAsync(fixAllContext.Solution, fixedSolution, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return null;
        }

        var title = fixAllContext.CodeActionEquivalenceKey ?? fixAllContext.DiagnosticIds.FirstOrDefault() ?? "LazyMigrate";
        return CodeAction.Create("Fix all: " + title, _ => Task.FromResult(result), fixAllContext.CodeActionEquivalenceKey);
    }

    private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        var documents = new List<Document>();
        switch (context.Scope)
        {
            case FixAllScope.Document:
                if (context.Document is not null)
                {
                    documents.Add(context.Document);
                }

                break;
            case FixAllScope.Project:
                documents.AddRange(context.Project.Documents);
                break;
            default:
                documents.AddRange(solution.Projects.SelectMany(p => p.Documents));
                break;
        }

        if (_fixer.IsSolutionFixKey(context.CodeActionEquivalenceKey))
        {
            var work = new List<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)>();
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                if (!diagnostics.IsDefaultOrEmpty)
                {
                    work.Add((document.Id, diagnostics));
                }
            }

            return await _fixer.FixAllAcrossSolutionAsync(solution, work, cancellationToken).ConfigureAwait(false);
        }

        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (diagnostics.IsDefaultOrEmpty)
            {
                continue;
            }

            // Each document is fixed against the original solution; its new root is then merged.
            var fixedDocument = await _fixer.FixDocumentAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
            {
                continue;
            }

            var newRoot = await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (newRoot is not null)
            {
                solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
            }
        }

        return solution;
    }
}
