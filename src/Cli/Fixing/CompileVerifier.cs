using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Fixing;

/// <summary>
/// Checks that every project the fixes changed (and every project depending on one) compiles with no
/// error it did not already have. Existing errors (another SDK, a missing package) are tolerated;
/// only new ones abort the fix.
/// </summary>
public static class CompileVerifier
{
    /// <summary>The new errors, as <c>file(line,col): id: message</c>; empty when the fix is safe.</summary>
    public static async Task<IReadOnlyList<string>> FindNewErrorsAsync(Solution before, Solution after, string rootDirectory, CancellationToken cancellationToken)
    {
        var changed = after.GetChanges(before).GetProjectChanges().Select(c => c.ProjectId).ToHashSet();
        var graph = after.GetProjectDependencyGraph();
        var toCheck = new HashSet<ProjectId>(changed);
        foreach (var id in changed)
        {
            toCheck.UnionWith(graph.GetProjectsThatTransitivelyDependOnThisProject(id));
        }

        var problems = new List<string>();
        foreach (var id in toCheck.OrderBy(i => after.GetProject(i)?.Name, StringComparer.Ordinal))
        {
            var oldErrors = await ErrorsAsync(before.GetProject(id), cancellationToken).ConfigureAwait(false);
            var newErrors = await ErrorsAsync(after.GetProject(id), cancellationToken).ConfigureAwait(false);

            // Compare as a multiset of (id, file, message): locations move when code is rewritten.
            var budget = oldErrors.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var error in newErrors)
            {
                var key = Key(error);
                if (budget.TryGetValue(key, out var left) && left > 0)
                {
                    budget[key] = left - 1;
                    continue;
                }

                var span = error.Location.GetLineSpan();
                var where = span.IsValid && !string.IsNullOrEmpty(span.Path)
                    ? $"{AnalysisRunner.RelativePath(rootDirectory, span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): "
                    : string.Empty;
                problems.Add($"{after.GetProject(id)!.Name}: {where}{error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        return problems;
    }

    private static string Key(Diagnostic d) => d.Id + "|" + (d.Location.SourceTree?.FilePath ?? string.Empty) + "|" + d.GetMessage(CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsAsync(Project? project, CancellationToken cancellationToken)
    {
        if (project is null)
        {
            return Array.Empty<Diagnostic>();
        }

        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return Array.Empty<Diagnostic>();
        }

        return compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}
