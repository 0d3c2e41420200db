using System.Collections.Generic;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Workspace;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Reporting;

/// <summary>What a scan produced, independent of the output format.</summary>
public sealed record ScanReport(
    string TargetPath,
    string RootDirectory,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<CompileErrorSummary> CompileErrors,
    IReadOnlyList<string> AnalyzerFailures,
    IReadOnlyList<DiagnosticDescriptor> Rules,
    IReadOnlyList<SkippedProject> SkippedProjects)
{
    /// <summary>A path relative to the report's root, with forward slashes.</summary>
    public static string Relative(string rootDirectory, string path) => System.IO.Path.GetRelativePath(rootDirectory, path).Replace('\\', '/');
}
