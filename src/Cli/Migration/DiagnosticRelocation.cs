using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Migration;

/// <summary>
/// Finds diagnostics again after another rule's fix changed the code. <c>migrate</c> matches the loads of one
/// profile to diagnostics once per round; when a round applies several rules one after the other, the later
/// rules' diagnostics were found in the code before the earlier fixes moved things. Each is looked up in the
/// changed solution by what it is, not where it was: the same rule, file, message and flagged text (the n-th such
/// finding of a file stays the n-th). A diagnostic whose code the earlier fix rewrote is gone: it waits for the
/// next round's profile.
/// </summary>
public static class DiagnosticRelocation
{
    /// <summary>
    /// The diagnostics of <paramref name="found"/> (one rule, found in <paramref name="original"/>) as they are in
    /// <paramref name="changed"/>.
    /// </summary>
    public static async Task<IReadOnlyList<(ProjectId Project, Diagnostic Diagnostic)>> FindAsync(
        Solution original,
        Solution changed,
        AnalyzerCatalog catalog,
        string id,
        IReadOnlyList<(ProjectId Project, Diagnostic Diagnostic)> found,
        CancellationToken cancellationToken)
    {
        var result = new List<(ProjectId Project, Diagnostic Diagnostic)>();
        foreach (var projectGroup in found.GroupBy(f => f.Project))
        {
            var before = await AnalyzeAsync(original.GetProject(projectGroup.Key), catalog, id, cancellationToken).ConfigureAwait(false);
            var after = await AnalyzeAsync(changed.GetProject(projectGroup.Key), catalog, id, cancellationToken).ConfigureAwait(false);
            result.AddRange(Match(projectGroup.Select(f => f.Diagnostic).ToList(), before, after).Select(d => (projectGroup.Key, d)));
        }

        return result;
    }

    /// <summary>
    /// Each of <paramref name="wanted"/> (some of <paramref name="before"/>) matched to the diagnostic of
    /// <paramref name="after"/> with the same key at the same rank among that key's diagnostics in file order;
    /// those without a counterpart are left out.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Match(IReadOnlyList<Diagnostic> wanted, IReadOnlyList<Diagnostic> before, IReadOnlyList<Diagnostic> after)
    {
        var ranked = after
            .GroupBy(Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.Location.SourceSpan.Start).ToList(), StringComparer.Ordinal);
        var result = new List<Diagnostic>();
        foreach (var diagnostic in wanted)
        {
            var key = Key(diagnostic);
            var rank = before.Where(d => Key(d) == key && d.Location.SourceTree?.FilePath == diagnostic.Location.SourceTree?.FilePath)
                .Count(d => d.Location.SourceSpan.Start < diagnostic.Location.SourceSpan.Start);
            if (ranked.TryGetValue(key, out var candidates) && rank < candidates.Count && !result.Contains(candidates[rank]))
            {
                result.Add(candidates[rank]);
            }
        }

        return result;
    }

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Project? project, AnalyzerCatalog catalog, string id, CancellationToken cancellationToken)
    {
        var compilation = project is null ? null : await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (project is null || compilation is null)
        {
            return Array.Empty<Diagnostic>();
        }

        // Reported at hidden severity at least, as when the loads were explained (a rule switched off still counts).
        var options = compilation.Options
            .WithSyntaxTreeOptionsProvider(null)
            .WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItem(id, ReportDiagnostic.Hidden));
        return (await AnalysisRunner.RunAsync(compilation.WithOptions(options), project, catalog.For(id).Analyzers, cancellationToken).ConfigureAwait(false))
            .Where(d => d.Id == id && d.Location.IsInSource)
            .ToList();
    }

    private static string Key(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree!;
        var text = tree.GetText().ToString(diagnostic.Location.SourceSpan);
        return string.Join("\u0001", diagnostic.Id, tree.FilePath, diagnostic.GetMessage(CultureInfo.InvariantCulture), text);
    }
}
