using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers;
using LazyMigrate.Cli.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Cli.Analysis;

/// <summary>
/// Runs the LZM analyzers over every C# project's compilation with the project's own analyzer
/// options (.editorconfig severities and LazyMigrate keys). Projects with compile errors are still
/// analyzed; their errors are summarised.
/// </summary>
public static class AnalysisRunner
{
    /// <summary>Analyzes the solution.</summary>
    public static async Task<AnalysisResult> AnalyzeAsync(
        Solution solution,
        AnalyzerCatalog catalog,
        DiagnosticFilter filter,
        string rootDirectory,
        ProgressReporter progress,
        CancellationToken cancellationToken,
        string? onlyProjectFile = null)
    {
        var ids = catalog.DiagnosticIds;
        var projects = new List<ProjectDiagnostics>();
        var compileErrors = new List<CompileErrorSummary>();
        var failures = new List<string>();
        var findings = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // A .csproj target means that project only, not the projects it references.
        var csharpProjects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp)
            .Where(p => onlyProjectFile is null || string.Equals(p.FilePath, onlyProjectFile, StringComparison.Ordinal))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var index = 0;
        foreach (var project in csharpProjects)
        {
            index++;
            progress.Stage($"Analyzing {project.Name} ({index}/{csharpProjects.Count})...");
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                continue;
            }

            var all = await RunAsync(compilation, project, catalog.Analyzers, cancellationToken).ConfigureAwait(false);
            var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !ids.Contains(d.Id) && d.Id != "AD0001").ToList();
            if (errors.Count > 0)
            {
                compileErrors.Add(new CompileErrorSummary(
                    project.Name,
                    errors.Count,
                    errors.Take(3).Select(e => Describe(e, rootDirectory)).ToList()));
            }

            failures.AddRange(all.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
            var kept = all.Where(d => ids.Contains(d.Id) && filter.Includes(d)).ToImmutableArray();
            projects.Add(new ProjectDiagnostics(project.Id, project.Name, kept));
            foreach (var diagnostic in kept)
            {
                var finding = ToFinding(diagnostic, project, catalog, rootDirectory);

                // A multi-targeted project is loaded once per framework: report each finding once.
                if (seen.Add($"{finding.RuleId}|{finding.FilePath}|{finding.Line}|{finding.Column}|{finding.Message}"))
                {
                    findings.Add(finding);
                }
            }
        }

        findings.Sort((a, b) =>
        {
            var byRule = string.CompareOrdinal(a.RuleId, b.RuleId);
            if (byRule != 0)
            {
                return byRule;
            }

            var byFile = string.CompareOrdinal(a.RelativePath, b.RelativePath);
            return byFile != 0 ? byFile : a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
        });
        return new AnalysisResult(projects, findings, compileErrors, failures.Distinct().ToList());
    }

    /// <summary>Runs analyzers on one compilation and returns compiler + analyzer diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        if (analyzers.IsEmpty)
        {
            return compilation.GetDiagnostics(cancellationToken);
        }

        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        return await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flattens a diagnostic for reports.</summary>
    public static Finding ToFinding(Diagnostic diagnostic, Project project, AnalyzerCatalog catalog, string rootDirectory)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        if (!span.IsValid)
        {
            span = diagnostic.Location.GetLineSpan();
        }

        var path = span.IsValid && !string.IsNullOrEmpty(span.Path) ? span.Path : null;
        diagnostic.Properties.TryGetValue(DiagnosticProperties.PackageName, out var package);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.CallChain, out var chain);
        var descriptor = catalog.Descriptor(diagnostic.Id) ?? diagnostic.Descriptor;
        return new Finding(
            diagnostic.Id,
            diagnostic.Severity,
            descriptor.Title.ToString(CultureInfo.InvariantCulture),
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(descriptor.HelpLinkUri) ? null : descriptor.HelpLinkUri,
            project.Name,
            path,
            path is null ? null : RelativePath(rootDirectory, path),
            path is null ? 0 : span.StartLinePosition.Line + 1,
            path is null ? 0 : span.StartLinePosition.Character + 1,
            path is null ? 0 : span.EndLinePosition.Line + 1,
            path is null ? 0 : span.EndLinePosition.Character + 1,
            string.IsNullOrWhiteSpace(package) ? null : package,
            SplitChain(chain));
    }

    /// <summary>Splits a call chain property (arrows, semicolons, pipes or new lines) into frames.</summary>
    public static IReadOnlyList<string> SplitChain(string? chain)
    {
        if (string.IsNullOrWhiteSpace(chain))
        {
            return Array.Empty<string>();
        }

        return chain.Split(new[] { " -> ", "->", " → ", "→", ";", "|", "\n" }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>A path relative to the root with forward slashes (absolute when outside the root).</summary>
    public static string RelativePath(string rootDirectory, string path)
    {
        var relative = Path.GetRelativePath(rootDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }

    private static string Describe(Diagnostic diagnostic, string rootDirectory)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = span.IsValid && !string.IsNullOrEmpty(span.Path) ? $"{RelativePath(rootDirectory, span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): " : string.Empty;
        return $"{where}{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }
}
