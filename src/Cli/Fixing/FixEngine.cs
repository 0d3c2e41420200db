using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LazyMigrate.Cli.Fixing;

/// <summary>
/// Applies the LZM code fixes with each provider's Fix All at solution scope, rule by rule,
/// re-analyzing between rules (earlier fixes move code), and repeats until no fixable diagnostic
/// remains. A cap on the passes turns a fix that keeps producing new diagnostics into an error.
/// </summary>
public static class FixEngine
{
    /// <summary>Runs the loop in memory; nothing is written.</summary>
    public static async Task<FixOutcome> RunAsync(
        Solution solution,
        AnalyzerCatalog catalog,
        DiagnosticFilter filter,
        string rootDirectory,
        int maxIterations,
        ProgressReporter progress,
        string? onlyProjectFile,
        CancellationToken cancellationToken)
    {
        var current = solution;
        IReadOnlyList<Finding>? initial = null;

        // Fixes the pipeline declines with a reason (a new warning, no good name) are reported per line.
        var skipped = new List<SkippedFix>();
        using var skipLog = FixSkipLog.Collect(skipped);
        for (var iteration = 1; ; iteration++)
        {
            progress.Stage($"Fix pass {iteration}: analyzing...");
            var analysis = await AnalysisRunner.AnalyzeAsync(current, catalog, filter, rootDirectory, progress, cancellationToken, onlyProjectFile).ConfigureAwait(false);
            var fixableIds = analysis.AllDiagnostics.Select(d => d.Id).Where(id => catalog.FixerFor(id) is not null)
                .Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (iteration == 1)
            {
                initial = analysis.Findings;
            }

            if (fixableIds.Count == 0)
            {
                return Outcome(solution, current, iteration - 1, initial!, analysis.Findings, skipped, catalog);
            }

            if (iteration > maxIterations)
            {
                var count = analysis.AllDiagnostics.Count(d => fixableIds.Contains(d.Id));
                throw new FixAbortedException(
                    $"the fixes did not settle after {maxIterations} passes: {count} fixable diagnostic(s) remain ({string.Join(", ", fixableIds)}); " +
                    "nothing was written. Raise --max-iterations or fix these by hand, and please report the case.");
            }

            var passStart = current;
            var stale = false;
            foreach (var id in fixableIds)
            {
                if (stale)
                {
                    // An earlier rule's fix changed the code: recompute this rule's diagnostics on the new solution.
                    analysis = await AnalysisRunner.AnalyzeAsync(current, catalog.For(id), filter, rootDirectory, progress, cancellationToken, onlyProjectFile).ConfigureAwait(false);
                }

                var diagnostics = analysis.Projects
                    .SelectMany(p => p.Diagnostics.Where(d => d.Id == id).Select(d => (p.ProjectId, d)))
                    .ToList();
                if (diagnostics.Count == 0)
                {
                    continue;
                }

                // Named only once its fixer offers a fix: some shapes of a rule have none.
                var announcement = $"Fix pass {iteration}: fixing {diagnostics.Count} x {id}...";
                var next = await FixAllAsync(current, catalog.FixerFor(id)!, id, diagnostics, () => progress.Stage(announcement), cancellationToken).ConfigureAwait(false);
                if (next != current)
                {
                    current = next;
                    stale = true;
                }
            }

            if (current == passStart)
            {
                // Fixable ids remain but every fixer declined: those stay as findings.
                var remaining = await AnalysisRunner.AnalyzeAsync(current, catalog, filter, rootDirectory, progress, cancellationToken, onlyProjectFile).ConfigureAwait(false);
                return Outcome(solution, current, iteration, initial!, remaining.Findings, skipped, catalog);
            }
        }
    }

    /// <summary>
    /// One Fix All for the given diagnostics of one rule (nothing else of that rule is touched); returns the
    /// solution unchanged when the rule has no fix or the fix declines. Used by <c>migrate</c>.
    /// </summary>
    public static Task<Solution> FixDiagnosticsAsync(
        Solution solution,
        AnalyzerCatalog catalog,
        string id,
        IReadOnlyList<(ProjectId Project, Diagnostic Diagnostic)> diagnostics,
        CancellationToken cancellationToken)
        => catalog.FixerFor(id) is { } fixer && diagnostics.Count > 0
            ? FixAllAsync(solution, fixer, id, diagnostics, onFixOffered: static () => { }, cancellationToken)
            : Task.FromResult(solution);

    private static FixOutcome Outcome(Solution original, Solution current, int iterations, IReadOnlyList<Finding> initial, IReadOnlyList<Finding> remaining, List<SkippedFix> skipped, AnalyzerCatalog catalog)
    {
        var reasons = new Dictionary<Finding, string>();
        foreach (var finding in remaining)
        {
            reasons[finding] = WhyNotFixed(finding, skipped, catalog);
        }

        return new FixOutcome(original, current, iterations, Fixed(initial, remaining, catalog), remaining, initial)
        {
            Skipped = Reported(skipped, remaining),
            WhyNotFixed = reasons,
        };
    }

    /// <summary>
    /// Why <paramref name="finding"/> is left: the reason recorded for its fix in the last pass that
    /// saw it (a declined rewrite first, then a shape the fix does not rewrite), else why its rule has no fix.
    /// </summary>
    private static string WhyNotFixed(Finding finding, List<SkippedFix> skipped, AnalyzerCatalog catalog)
    {
        var recorded = skipped
            .Where(s => s.RuleId == finding.RuleId && s.Line == finding.Line && string.Equals(s.Path, finding.FilePath, StringComparison.Ordinal))
            .OrderBy(s => s.Kind)
            .FirstOrDefault();
        if (recorded is not null)
        {
            return recorded.Reason;
        }

        return catalog.FixerFor(finding.RuleId) is null
            ? RulesWithoutFix.Reason(finding.RuleId)
            : "the fix offered no rewrite for this code; change it by hand";
    }

    /// <summary>
    /// The skipped fixes of a rule that still has findings in their file (a fix skipped in one pass
    /// may land in a later one), one per file, line and rule, by file and line.
    /// </summary>
    private static IReadOnlyList<SkippedFix> Reported(List<SkippedFix> skipped, IReadOnlyList<Finding> remaining)
    {
        return skipped
            .Where(s => s.Kind == SkipKind.Declined && remaining.Any(f => f.RuleId == s.RuleId && f.FilePath == s.Path))
            .GroupBy(s => (s.Path, s.Line, s.RuleId))
            .Select(g => g.First())
            .OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Line)
            .ToList();
    }

    /// <summary>Per fixable rule: how many findings the fixes removed (first analysis minus what remains).</summary>
    private static IReadOnlyDictionary<string, int> Fixed(IReadOnlyList<Finding> before, IReadOnlyList<Finding> after, AnalyzerCatalog catalog)
    {
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in before.GroupBy(f => f.RuleId).Where(g => catalog.FixerFor(g.Key) is not null))
        {
            var removed = group.Count() - after.Count(f => f.RuleId == group.Key);
            if (removed > 0)
            {
                result[group.Key] = removed;
            }
        }

        return result;
    }

    /// <summary>Fix All at solution scope for one id, with the equivalence key of the first offered fix.</summary>
    private static async Task<Solution> FixAllAsync(
        Solution solution,
        CodeFixProvider fixer,
        string id,
        IReadOnlyList<(ProjectId Project, Diagnostic Diagnostic)> diagnostics,
        Action onFixOffered,
        CancellationToken cancellationToken)
    {
        foreach (var (projectId, diagnostic) in diagnostics)
        {
            var document = diagnostic.Location.SourceTree is { } tree ? solution.GetProject(projectId)?.GetDocument(tree) : null;
            if (document is null)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            if (actions.Count == 0)
            {
                continue;
            }

            onFixOffered();
            var chosen = actions[0];
            var fixAll = fixer.GetFixAllProvider();
            if (fixAll is not null && fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Solution))
            {
                var fixAllContext = new FixAllContext(
                    document,
                    fixer,
                    FixAllScope.Solution,
                    chosen.EquivalenceKey,
                    new[] { id },
                    new PrecomputedDiagnosticProvider(diagnostics),
                    cancellationToken);
                var fixAllAction = await fixAll.GetFixAsync(fixAllContext).ConfigureAwait(false);
                if (fixAllAction is not null)
                {
                    return await ApplyAsync(solution, fixAllAction, cancellationToken).ConfigureAwait(false);
                }
            }

            // No solution-scope Fix All: apply this one fix; the next pass picks up the rest.
            return await ApplyAsync(solution, chosen, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, CodeAction action, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var apply = operations.OfType<ApplyChangesOperation>().FirstOrDefault();
        return apply?.ChangedSolution ?? solution;
    }
}
