using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Errors;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Analysis;

/// <summary>
/// Finds malformed option values in the .editorconfig files a project uses — the compiler's own
/// checks (an unknown severity such as <c>dotnet_diagnostic.LZM0001.severity = loud</c>) — and
/// reports them as bad input instead of silently ignoring the user's configuration.
/// </summary>
public static class EditorConfigValidator
{
    /// <summary>Throws <see cref="BadInputException"/> listing every malformed value.</summary>
    public static async Task ValidateAsync(Solution solution, CancellationToken cancellationToken)
    {
        var problems = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var project in solution.Projects)
        {
            var configs = new List<AnalyzerConfig>();
            foreach (var document in project.AnalyzerConfigDocuments)
            {
                if (document.FilePath is null)
                {
                    continue;
                }

                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                configs.Add(AnalyzerConfig.Parse(text, document.FilePath));
            }

            if (configs.Count == 0)
            {
                continue;
            }

            var set = AnalyzerConfigSet.Create(configs, out var setDiagnostics);
            foreach (var diagnostic in setDiagnostics)
            {
                problems.Add(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            problems.UnionWith(LazyMigrateOptionValidator.FindProblems(set.GlobalConfigOptions.AnalyzerOptions, "a global analyzer config"));

            foreach (var document in project.Documents)
            {
                if (document.FilePath is null)
                {
                    continue;
                }

                var result = set.GetOptionsForSourcePath(document.FilePath);
                foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
                {
                    problems.Add(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                }

                problems.UnionWith(LazyMigrateOptionValidator.FindProblems(result.AnalyzerOptions, ".editorconfig"));
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException("malformed .editorconfig option value(s):" + System.Environment.NewLine + string.Join(System.Environment.NewLine, problems.Select(p => "  " + p)));
        }
    }
}
