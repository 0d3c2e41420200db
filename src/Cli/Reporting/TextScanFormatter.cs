using System;
using System.IO;
using System.Linq;
using LazyMigrate.Catalog;

namespace LazyMigrate.Cli.Reporting;

/// <summary>Human-readable scan output: findings grouped by rule, then by heavy package.</summary>
public static class TextScanFormatter
{
    /// <summary>Writes the report.</summary>
    public static void Write(ScanReport report, TextWriter writer)
    {
        if (report.Findings.Count == 0)
        {
            writer.WriteLine($"No LazyMigrate findings in {Path.GetFileName(report.TargetPath)}.");
        }

        foreach (var rule in report.Findings.GroupBy(f => f.RuleId))
        {
            var first = rule.First();
            writer.WriteLine($"{rule.Key}  {first.Title}  ({Plural(rule.Count(), "finding")})");
            foreach (var package in rule.GroupBy(f => f.Package ?? string.Empty).OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"  {PackageHeader(rule.Key, package.Key)}");
                foreach (var finding in package)
                {
                    writer.WriteLine($"    {finding.Location}: {SeverityName(finding.Severity)} {finding.RuleId}: {finding.Message}");
                    if (finding.CallChain.Count > 0)
                    {
                        writer.WriteLine($"      call chain: {string.Join(" -> ", finding.CallChain)}");
                    }
                }
            }

            writer.WriteLine();
        }

        if (report.CompileErrors.Count > 0)
        {
            writer.WriteLine("Compile errors (the projects were still analyzed):");
            foreach (var project in report.CompileErrors)
            {
                writer.WriteLine($"  {project.Project}: {Plural(project.ErrorCount, "error")}");
                foreach (var error in project.FirstErrors)
                {
                    writer.WriteLine($"    {error}");
                }
            }

            writer.WriteLine();
        }

        if (report.SkippedProjects.Count > 0)
        {
            writer.WriteLine("Skipped projects (not analyzed):");
            foreach (var project in report.SkippedProjects)
            {
                writer.WriteLine($"  {ScanReport.Relative(report.RootDirectory, project.Path)}: {(project.IsFailure ? "error: " : string.Empty)}{project.Reason}");
            }

            writer.WriteLine();
        }

        foreach (var failure in report.AnalyzerFailures)
        {
            writer.WriteLine($"analyzer failure: {failure}");
        }

        if (report.Findings.Count > 0)
        {
            var packages = report.Findings.Where(f => f.Package is not null).Select(f => f.Package).Distinct().Count();
            var files = report.Findings.Where(f => f.FilePath is not null).Select(f => f.FilePath).Distinct().Count();
            writer.WriteLine($"{Plural(report.Findings.Count, "finding")} in {Plural(files, "file")}, {Plural(packages, "heavy package")}.");
        }
    }

    /// <summary>
    /// The line above a package's findings. The catalog's description says what running the package costs; an
    /// LZM0005 finding is only the load of its assembly when a method is compiled (docs/clr-loading.md), so its
    /// section says that instead of the catalog's cost.
    /// </summary>
    internal static string PackageHeader(string ruleId, string package)
    {
        if (package.Length == 0)
        {
            return "(no package)";
        }

        if (ruleId == Analyzers.RuleIds.HeavyTypeNamedInStartupMethod)
        {
            return $"{package} - assembly loads when the method is compiled (about 2 ms each); nothing of the package runs";
        }

        return HeavyPackageCatalog.FindByName(package) is { } info ? $"{package} - {info.Description}" : package;
    }

    /// <summary>Lower-case severity name as compilers print it.</summary>
    public static string SeverityName(Microsoft.CodeAnalysis.DiagnosticSeverity severity) => severity switch
    {
        Microsoft.CodeAnalysis.DiagnosticSeverity.Error => "error",
        Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => "warning",
        Microsoft.CodeAnalysis.DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
