using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Analysis;

/// <summary>The diagnostics of one project after filtering.</summary>
public sealed record ProjectDiagnostics(ProjectId ProjectId, string ProjectName, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>Everything one analysis pass over a solution found.</summary>
public sealed class AnalysisResult
{
    /// <summary>Creates the result.</summary>
    public AnalysisResult(IReadOnlyList<ProjectDiagnostics> projects, IReadOnlyList<Finding> findings, IReadOnlyList<CompileErrorSummary> compileErrors, IReadOnlyList<string> analyzerFailures)
    {
        Projects = projects;
        Findings = findings;
        CompileErrors = compileErrors;
        AnalyzerFailures = analyzerFailures;
    }

    /// <summary>Filtered LZM diagnostics per project (the fix engine's input).</summary>
    public IReadOnlyList<ProjectDiagnostics> Projects { get; }

    /// <summary>Filtered findings, de-duplicated across target frameworks, sorted by rule, file and line.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Projects that did not compile cleanly.</summary>
    public IReadOnlyList<CompileErrorSummary> CompileErrors { get; }

    /// <summary>Analyzer crashes (AD0001) — reported, never silent.</summary>
    public IReadOnlyList<string> AnalyzerFailures { get; }

    /// <summary>All filtered diagnostics.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics => Projects.SelectMany(p => p.Diagnostics);
}
