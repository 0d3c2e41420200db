using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
    protected internal abstract string EquivalenceKey { get; }

    /// <summary>The code action title; <paramref name="runtime"/> tells whether LazyMigrate.Runtime is referenced.</summary>
    protected abstract string GetTitle(bool runtime);

    /// <summary>The code action title for the diagnostic at <paramref name="target"/>; by default <see cref="GetTitle(bool)"/>.</summary>
    protected virtual string GetTitle(bool runtime, SyntaxNode target) => GetTitle(runtime);

    /// <summary>
    /// Rewrites the code for one diagnostic. <paramref name="target"/> is the diagnostic's node in
    /// the current root of <paramref name="document"/>. Returns null when no safe rewrite exists.
    /// </summary>
    internal abstract Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>
    /// Why no rewrite was offered for the diagnostic at <paramref name="target"/>, in words for the
    /// user of a batch run: what this fix rewrites, and what to do with this code instead. Only
    /// called when no rewrite applied and no more specific reason was recorded.
    /// </summary>
    protected virtual string DescribeUnfixable(SyntaxNode target, Diagnostic diagnostic)
        => "no safe rewrite exists for this code; change it by hand";

    /// <summary>The name of the member holding <paramref name="node"/>, for reasons ("method 'Load'"); "top-level statements" outside any.</summary>
    protected static string EnclosingMemberName(SyntaxNode node) => node.FirstAncestorOrSelf<MemberDeclarationSyntax>() switch
    {
        MethodDeclarationSyntax method => $"method '{method.Identifier.ValueText}'",
        ConstructorDeclarationSyntax ctor => $"the constructor of '{ctor.Identifier.ValueText}'",
        PropertyDeclarationSyntax property => $"property '{property.Identifier.ValueText}'",
        GlobalStatementSyntax or null => "the top-level statements",
        BaseTypeDeclarationSyntax type => $"type '{type.Identifier.ValueText}'",
        _ => "this member",
    };

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(this);

    /// <summary>
    /// The equivalence key of the rewrite made by <see cref="ApplyAcrossSolutionAsync"/>; null for
    /// fixers with a single rewrite. Fix All under this key takes that rewrite for each diagnostic
    /// where it applies and <see cref="ApplyAsync"/> elsewhere.
    /// </summary>
    protected virtual string? SolutionFixEquivalenceKey => null;

    /// <summary>The title of the rewrite made by <see cref="ApplyAcrossSolutionAsync"/>; null for fixers with a single rewrite.</summary>
    protected virtual string? SolutionFixTitle => null;

    /// <summary>True when the fixer has a rewrite that changes several documents (<see cref="ApplyAcrossSolutionAsync"/>).</summary>
    internal bool HasSolutionFix => SolutionFixEquivalenceKey is not null && SolutionFixTitle is not null;

    /// <summary>True when Fix All under <paramref name="equivalenceKey"/> is the solution-wide rewrite.</summary>
    internal bool IsSolutionFixKey(string? equivalenceKey) => HasSolutionFix && equivalenceKey == SolutionFixEquivalenceKey;

    /// <summary>
    /// True when the solution-wide rewrite is offered first for diagnostics in <paramref name="document"/>:
    /// the first action is the one the IDE's default, Fix All and <c>dotnet format</c> take. By default
    /// the single-document rewrite comes first (it changes less).
    /// </summary>
    protected virtual bool PrefersSolutionFix(Document document) => false;

    /// <summary>
    /// A rewrite for one diagnostic that may change several documents of the solution, offered beside
    /// <see cref="ApplyAsync"/> under <see cref="SolutionFixEquivalenceKey"/> (first when
    /// <see cref="PrefersSolutionFix"/>: dotnet format runs one key per diagnostic id, the first offered).
    /// Returns null when it does not apply; the caller checks errors and cleans up.
    /// </summary>
    internal virtual Task<Solution?> ApplyAcrossSolutionAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        => Task.FromResult<Solution?>(null);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
        var runtime = compilation is not null && RuntimeSymbols.HasRuntime(compilation);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var moved = node is null || !HasSolutionFix
                ? null
                : await FixAcrossSolutionAsync(context.Document, node, diagnostic, context.CancellationToken).ConfigureAwait(false);

            // Only offer what really applies: each rewrite is computed here, once, and is the action's result.
            var fixedDocument = await FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
            var title = node is null ? GetTitle(runtime) : GetTitle(runtime, node);
            var documentFix = fixedDocument is null
                ? null
                : CodeAction.Create(title, _ => Task.FromResult(fixedDocument), EquivalenceKey);
            var solutionFix = moved is null
                ? null
                : CodeAction.Create(SolutionFixTitle!, _ => Task.FromResult(moved), SolutionFixEquivalenceKey);

            if (documentFix is null && solutionFix is null && node is not null && FixSkipLog.IsCollecting && !FixSkipLog.HasRecord(diagnostic))
            {
                // A batch run lists every finding left with the reason it has no fix.
                FixSkipLog.Record(diagnostic, DescribeUnfixable(node, diagnostic), SkipKind.NoRewrite);
            }

            var ordered = solutionFix is not null && PrefersSolutionFix(context.Document)
                ? new[] { solutionFix, documentFix }
                : new[] { documentFix, solutionFix };
            foreach (var action in ordered)
            {
                if (action is not null)
                {
                    context.RegisterCodeFix(action, diagnostic);
                }
            }
        }
    }

    /// <summary>
    /// Fix All under <see cref="SolutionFixEquivalenceKey"/>: every diagnostic in turn, on the solution as the previous ones left it (targets are tracked, so
    /// edits elsewhere in their documents do not lose them); each takes the solution-wide rewrite
    /// when it applies, else the single-document one.
    /// </summary>
    internal async Task<Solution> FixAllAcrossSolutionAsync(Solution solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        var targets = new List<(DocumentId Id, Diagnostic Diagnostic, SyntaxNode Node)>();
        foreach (var (id, diagnostics) in work)
        {
            var document = solution.GetDocument(id);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            var found = diagnostics
                .Where(d => d.Location.IsInSource && d.Location.SourceTree == root.SyntaxTree && FixableDiagnosticIds.Contains(d.Id))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => (Id: id, Diagnostic: d, Node: root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true)))
                .ToList();
            if (found.Count == 0)
            {
                continue;
            }

            solution = solution.WithDocumentSyntaxRoot(id, root.TrackNodes(found.Select(t => t.Node)));
            targets.AddRange(found);
        }

        foreach (var (id, diagnostic, node) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = solution.GetDocument(id);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var current = root?.GetCurrentNodes(node).FirstOrDefault();
            if (document is null || current is null)
            {
                continue;
            }

            var moved = await FixAcrossSolutionAsync(document, current, diagnostic, cancellationToken).ConfigureAwait(false);
            if (moved is not null)
            {
                solution = moved;
                continue;
            }

            // The original node: tracking maps it (not the current one) to its current version.
            var next = await FixTrackedAsync(document, new[] { (diagnostic, node) }, cancellationToken).ConfigureAwait(false);
            if (next is not null)
            {
                solution = next.Project.Solution;
            }
        }

        return solution;
    }

    /// <summary>
    /// <see cref="ApplyAcrossSolutionAsync"/> with the safety net (no document gets more compiler
    /// errors) and cleanup of every changed document; null when it does not apply.
    /// </summary>
    private async Task<Solution?> FixAcrossSolutionAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        Solution? moved;
        try
        {
            moved = await ApplyAcrossSolutionAsync(document, target, diagnostic, cancellationToken).ConfigureAwait(false);
        }
        catch (FixSkippedException skipped)
        {
            FixSkipLog.Record(diagnostic, skipped.Message);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Same policy as a single-document rewrite: an unexpected shape gets the other fix.
            return null;
        }

        if (moved is null)
        {
            return null;
        }

        var original = document.Project.Solution;
        var projectChanges = moved.GetChanges(original).GetProjectChanges().ToList();
        var changed = projectChanges.SelectMany(p => p.GetChangedDocuments().Concat(p.GetAddedDocuments())).ToList();
        var added = await AddedProblemAsync(original, moved, projectChanges.Select(p => p.ProjectId), cancellationToken).ConfigureAwait(false);
        if (added is not null)
        {
            FixSkipLog.Record(diagnostic, "the fix would add " + Describe(added));
            return null;
        }

        foreach (var id in changed)
        {
            var cleaned = await CodeCleanup.CleanupAsync(moved.GetDocument(id)!, cancellationToken).ConfigureAwait(false);
            moved = cleaned.Project.Solution;
        }

        // Tracked nodes survive in the returned solution (Fix All goes on from it); only a rewrite
        // that changes some text counts.
        return await TextChanges.KeepTextChangesAsync(original, moved, cancellationToken).ConfigureAwait(false) is null ? null : moved;
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

        return await FixTrackedAsync(document.WithSyntaxRoot(root.TrackNodes(targets.Select(t => t.Node))), targets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies <see cref="ApplyAsync"/> for each target (nodes tracked in <paramref name="current"/>)
    /// in order; returns the cleaned-up document, or null when none could be fixed.
    /// </summary>
    private async Task<Document?> FixTrackedAsync(Document current, IEnumerable<(Diagnostic Diagnostic, SyntaxNode Node)> targets, CancellationToken cancellationToken)
    {
        var start = current;
        var changed = false;
        var problems = await ProblemsAsync(current, cancellationToken).ConfigureAwait(false);
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
            catch (FixSkippedException skipped)
            {
                FixSkipLog.Record(diagnostic, skipped.Message);
                continue;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Code the rewrite does not understand (mid-edit, unusual shapes) gets no fix for
                // this diagnostic; it must not abort a batch run over a whole solution.
                FixSkipLog.Record(diagnostic, $"the fix failed on this code ({exception.GetType().Name}: {exception.Message}); please report it", SkipKind.NoRewrite);
                continue;
            }

            if (next is null)
            {
                continue;
            }

            // Safety net: a rewrite that would introduce a compiler error or warning is not offered
            // (under TreatWarningsAsErrors a new warning breaks the build just the same).
            var nextProblems = await ProblemsAsync(next, cancellationToken).ConfigureAwait(false);
            var added = FirstAdded(problems, nextProblems);
            if (added is not null)
            {
                FixSkipLog.Record(diagnostic, "the fix would add " + Describe(added));
                continue;
            }

            problems = nextProblems;
            current = next;
            changed = true;
        }

        if (!changed)
        {
            return null;
        }

        var cleaned = await CodeCleanup.CleanupAsync(current, cancellationToken).ConfigureAwait(false);

        // A rewrite that ends where it started (an edit undone by cleanup, a no-op step) is no fix.
        return await TextChanges.DifferAsync(start, cleaned, cancellationToken).ConfigureAwait(false) ? cleaned : null;
    }

    /// <summary>
    /// A compiler error or warning that some document of a changed project, or of a project
    /// depending on one, has more of after the rewrite (null when none): an edit can break a
    /// document it did not touch (a partial class, a caller in another file), so checking the
    /// changed documents alone is not enough.
    /// </summary>
    private static async Task<Diagnostic?> AddedProblemAsync(Solution before, Solution after, IEnumerable<ProjectId> changedProjects, CancellationToken cancellationToken)
    {
        var graph = after.GetProjectDependencyGraph();
        var affected = new HashSet<ProjectId>();
        foreach (var id in changedProjects)
        {
            affected.Add(id);
            affected.UnionWith(graph.GetProjectsThatTransitivelyDependOnThisProject(id));
        }

        foreach (var id in affected)
        {
            var problemsBefore = await ProblemsPerDocumentAsync(before, id, cancellationToken).ConfigureAwait(false);
            var problemsAfter = await ProblemsPerDocumentAsync(after, id, cancellationToken).ConfigureAwait(false);
            foreach (var pair in problemsAfter)
            {
                var added = FirstAdded(problemsBefore.TryGetValue(pair.Key, out var old) ? old : new List<Diagnostic>(), pair.Value);
                if (added is not null)
                {
                    return added;
                }
            }
        }

        return null;
    }

    /// <summary>Compiler errors and warnings per document path of one project (a project-level one counts under the empty path).</summary>
    private static async Task<Dictionary<string, List<Diagnostic>>> ProblemsPerDocumentAsync(Solution solution, ProjectId id, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var project = solution.GetProject(id);
        var compilation = project is null ? null : await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return problems;
        }

        foreach (var problem in compilation.GetDiagnostics(cancellationToken).Where(IsProblem))
        {
            // Trees differ between the two solutions; the document's path (or name) matches them up.
            var tree = problem.Location.SourceTree;
            var key = tree is null ? string.Empty : solution.GetDocument(tree)?.FilePath ?? solution.GetDocument(tree)?.Name ?? tree.FilePath;
            if (!problems.TryGetValue(key, out var list))
            {
                problems[key] = list = new List<Diagnostic>();
            }

            list.Add(problem);
        }

        return problems;
    }

    private static async Task<List<Diagnostic>> ProblemsAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null ? new List<Diagnostic>() : model.GetDiagnostics(cancellationToken: cancellationToken).Where(IsProblem).ToList();
    }

    /// <summary>
    /// A compiler error or warning; not the assembly-unification warnings CS1701/CS1702, which
    /// depend on the references only (the SDK silences them by default).
    /// </summary>
    private static bool IsProblem(Diagnostic diagnostic)
        => diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning
            && !diagnostic.IsSuppressed
            && diagnostic.Id is not ("CS1701" or "CS1702");

    /// <summary>The first diagnostic of an id (with its severity) that <paramref name="after"/> has more of than <paramref name="before"/>; null when none.</summary>
    private static Diagnostic? FirstAdded(List<Diagnostic> before, List<Diagnostic> after)
    {
        var counts = new Dictionary<(string, DiagnosticSeverity), int>();
        foreach (var problem in before)
        {
            var key = (problem.Id, problem.Severity);
            counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;
        }

        // Errors first: they are the worse news.
        foreach (var problem in after.OrderBy(p => p.Severity == DiagnosticSeverity.Error ? 0 : 1))
        {
            var key = (problem.Id, problem.Severity);
            var count = counts.TryGetValue(key, out var left) ? left : 0;
            if (count == 0)
            {
                return problem;
            }

            counts[key] = count - 1;
        }

        return null;
    }

    private static string Describe(Diagnostic problem)
        => $"{(problem.Severity == DiagnosticSeverity.Error ? "error" : "warning")} {problem.Id}: {problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
}
