using System.Collections.Generic;
using LazyMigrate.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Reporting;

/// <summary>What a scan produced, independent of the output format.</summary>
public sealed record ScanReport(
    string TargetPath,
    string RootDirectory,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<CompileErrorSummary> CompileErrors,
    IReadOnlyList<string> AnalyzerFailures,
    IReadOnlyList<DiagnosticDescriptor> Rules);
