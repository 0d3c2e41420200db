using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Analysis;

/// <summary>One reported diagnostic, flattened for the reports.</summary>
public sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Title,
    string Message,
    string? HelpUri,
    string Project,
    string? FilePath,
    string? RelativePath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string? Package,
    IReadOnlyList<string> CallChain)
{
    /// <summary><c>path:line:column</c> for text output.</summary>
    public string Location => RelativePath is null ? Project : $"{RelativePath}:{Line}:{Column}";
}
