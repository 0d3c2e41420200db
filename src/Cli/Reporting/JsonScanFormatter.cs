using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LazyMigrate.Cli.Reporting;

/// <summary>Machine-readable scan output (documented in docs/cli.md).</summary>
public static class JsonScanFormatter
{
    /// <summary>Writes the report.</summary>
    public static void Write(ScanReport report, TextWriter writer)
    {
        var findings = new JsonArray();
        foreach (var f in report.Findings)
        {
            findings.Add(new JsonObject
            {
                ["ruleId"] = f.RuleId,
                ["severity"] = TextScanFormatter.SeverityName(f.Severity),
                ["title"] = f.Title,
                ["message"] = f.Message,
                ["package"] = f.Package,
                ["project"] = f.Project,
                ["file"] = f.RelativePath,
                ["line"] = f.Line,
                ["column"] = f.Column,
                ["endLine"] = f.EndLine,
                ["endColumn"] = f.EndColumn,
                ["callChain"] = new JsonArray(f.CallChain.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
                ["helpUri"] = f.HelpUri,
            });
        }

        var byRule = new JsonObject();
        foreach (var group in report.Findings.GroupBy(f => f.RuleId))
        {
            byRule[group.Key] = group.Count();
        }

        var byPackage = new JsonObject();
        foreach (var group in report.Findings.Where(f => f.Package is not null).GroupBy(f => f.Package!))
        {
            byPackage[group.Key] = group.Count();
        }

        var compileErrors = new JsonArray();
        foreach (var c in report.CompileErrors)
        {
            compileErrors.Add(new JsonObject
            {
                ["project"] = c.Project,
                ["errorCount"] = c.ErrorCount,
                ["firstErrors"] = new JsonArray(c.FirstErrors.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
            });
        }

        var root = new JsonObject
        {
            ["tool"] = ToolInfo.Name,
            ["version"] = ToolInfo.Version,
            ["target"] = report.TargetPath,
            ["summary"] = new JsonObject
            {
                ["findings"] = report.Findings.Count,
                ["byRule"] = byRule,
                ["byPackage"] = byPackage,
            },
            ["findings"] = findings,
            ["compileErrors"] = compileErrors,
            ["analyzerFailures"] = new JsonArray(report.AnalyzerFailures.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["skippedProjects"] = new JsonArray(report.SkippedProjects.Select(p => (JsonNode?)new JsonObject
            {
                ["project"] = ScanReport.Relative(report.RootDirectory, p.Path),
                ["reason"] = p.Reason,
                ["error"] = p.IsFailure,
            }).ToArray()),
        };
        writer.WriteLine(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
