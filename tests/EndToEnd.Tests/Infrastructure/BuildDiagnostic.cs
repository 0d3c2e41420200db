using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>One compiler diagnostic as MSBuild prints it: <c>path/File.cs(12,5): warning LZM0001: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex s_pattern = new(
        @"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$",
        RegexOptions.Compiled);

    /// <summary>File name plus line, the way a reader finds the spot: <c>Program.cs:12</c>.</summary>
    public string Location => $"{Path.GetFileName(File)}:{Line}";

    /// <summary>Every distinct LZM diagnostic in build output (MSBuild may print one twice).</summary>
    public static IReadOnlyList<BuildDiagnostic> ParseLazyMigrate(IEnumerable<string> lines)
    {
        var seen = new HashSet<BuildDiagnostic>();
        var result = new List<BuildDiagnostic>();
        foreach (var line in lines)
        {
            var match = s_pattern.Match(line);
            if (!match.Success || !match.Groups["id"].Value.StartsWith("LZM", StringComparison.Ordinal))
            {
                continue;
            }

            var diagnostic = new BuildDiagnostic(
                match.Groups["file"].Value.Trim(),
                int.Parse(match.Groups["line"].Value),
                int.Parse(match.Groups["column"].Value),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value);
            if (seen.Add(diagnostic))
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }
}
