using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Reporting;

/// <summary>SARIF 2.1.0 output, for code-scanning dashboards. Paths are relative to <c>%SRCROOT%</c>.</summary>
public static class SarifScanFormatter
{
    /// <summary>The uriBaseId results are relative to.</summary>
    public const string SourceRoot = "SRCROOT";

    /// <summary>Writes the log.</summary>
    public static void Write(ScanReport report, TextWriter writer)
    {
        var rules = new JsonArray();
        var ruleIndex = report.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var rule in report.Rules)
        {
            var entry = new JsonObject
            {
                ["id"] = rule.Id,
                ["name"] = PascalName(rule.Title.ToString(CultureInfo.InvariantCulture)),
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title.ToString(CultureInfo.InvariantCulture) },
                ["fullDescription"] = new JsonObject { ["text"] = Nonempty(rule.Description.ToString(CultureInfo.InvariantCulture), rule.Title.ToString(CultureInfo.InvariantCulture)) },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity), ["enabled"] = rule.IsEnabledByDefault },
                ["properties"] = new JsonObject { ["category"] = rule.Category },
            };
            if (!string.IsNullOrEmpty(rule.HelpLinkUri))
            {
                entry["helpUri"] = rule.HelpLinkUri;
            }

            rules.Add(entry);
        }

        var results = new JsonArray();
        foreach (var f in report.Findings)
        {
            var result = new JsonObject
            {
                ["ruleId"] = f.RuleId,
                ["level"] = Level(f.Severity),
                ["message"] = new JsonObject { ["text"] = f.Message },
            };
            if (ruleIndex.TryGetValue(f.RuleId, out var index))
            {
                result["ruleIndex"] = index;
            }

            if (f.RelativePath is not null)
            {
                var relative = !Path.IsPathRooted(f.RelativePath);
                var artifact = new JsonObject { ["uri"] = relative ? string.Join("/", f.RelativePath.Split('/').Select(Uri.EscapeDataString)) : new Uri(f.RelativePath).AbsoluteUri };
                if (relative)
                {
                    artifact["uriBaseId"] = SourceRoot;
                }

                result["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = artifact,
                        ["region"] = new JsonObject
                        {
                            ["startLine"] = f.Line,
                            ["startColumn"] = f.Column,
                            ["endLine"] = f.EndLine,
                            ["endColumn"] = f.EndColumn,
                        },
                    },
                });
            }
            else
            {
                result["locations"] = new JsonArray();
            }

            var properties = new JsonObject { ["project"] = f.Project };
            if (f.Package is not null)
            {
                properties["package"] = f.Package;
            }

            if (f.CallChain.Count > 0)
            {
                properties["callChain"] = new JsonArray(f.CallChain.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
            }

            result["properties"] = properties;
            results.Add(result);
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = ToolInfo.Name,
                        ["version"] = ToolInfo.Version,
                        ["informationUri"] = ToolInfo.InformationUri,
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject
                {
                    [SourceRoot] = new JsonObject { ["uri"] = new Uri(report.RootDirectory.TrimEnd('/') + "/").AbsoluteUri },
                },
                ["results"] = results,
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = report.SkippedProjects.All(p => !p.IsFailure),
                    ["toolExecutionNotifications"] = new JsonArray(report.SkippedProjects.Select(p => (JsonNode?)new JsonObject
                    {
                        ["level"] = p.IsFailure ? "error" : "note",
                        ["message"] = new JsonObject { ["text"] = $"skipped {ScanReport.Relative(report.RootDirectory, p.Path)}: {p.Reason}" },
                    }).ToArray()),
                }),
                ["columnKind"] = "utf16CodeUnits",
            }),
        };
        writer.WriteLine(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>SARIF level for a Roslyn severity.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static string Nonempty(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;

    private static string PascalName(string title)
    {
        var words = title.Split(new[] { ' ', '-', '_', '.', ',', '(', ')', '\'', '`', ':' }, StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
    }
}
