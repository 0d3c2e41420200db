using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LazyMigrate.Cli.Errors;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Analysis;

/// <summary>The user's filters: minimum severity, rule ids to include or exclude, paths to skip.</summary>
public sealed class DiagnosticFilter
{
    private readonly HashSet<string> _include;
    private readonly HashSet<string> _exclude;
    private readonly List<Regex> _excludedPaths;

    /// <summary>Creates a filter; ids are validated against <paramref name="knownIds"/>.</summary>
    public DiagnosticFilter(
        DiagnosticSeverity minimumSeverity,
        IEnumerable<string> includeIds,
        IEnumerable<string> excludeIds,
        IEnumerable<string> excludedPaths,
        string rootDirectory,
        ISet<string> knownIds)
    {
        MinimumSeverity = minimumSeverity;
        _include = Validate(includeIds, knownIds, "--diagnostics");
        _exclude = Validate(excludeIds, knownIds, "--exclude-diagnostics");
        _excludedPaths = excludedPaths.Select(p => PathPattern(p, rootDirectory)).ToList();
    }

    /// <summary>Findings below this severity are dropped.</summary>
    public DiagnosticSeverity MinimumSeverity { get; }

    /// <summary>Parses a <c>--severity</c> value (error, warning, info, hidden).</summary>
    public static DiagnosticSeverity ParseSeverity(string? value) => value switch
    {
        null => DiagnosticSeverity.Info,
        "error" => DiagnosticSeverity.Error,
        "warning" or "warn" => DiagnosticSeverity.Warning,
        "info" or "suggestion" => DiagnosticSeverity.Info,
        "hidden" or "silent" => DiagnosticSeverity.Hidden,
        _ => throw new BadInputException($"unknown severity '{value}'", showUsage: true),
    };

    /// <summary>True when the rule id passes the id filters (severity and path not considered).</summary>
    public bool IncludesId(string id) => (_include.Count == 0 || _include.Contains(id)) && !_exclude.Contains(id);

    /// <summary>True when the diagnostic passes every filter.</summary>
    public bool Includes(Diagnostic diagnostic)
    {
        if (diagnostic.Severity < MinimumSeverity || !IncludesId(diagnostic.Id))
        {
            return false;
        }

        var path = diagnostic.Location.GetLineSpan().Path;
        return !IsPathExcluded(path);
    }

    /// <summary>True when the file is under an <c>--exclude</c> path or matches an exclude glob.</summary>
    public bool IsPathExcluded(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var normalized = path.Replace('\\', '/');
        return _excludedPaths.Any(r => r.IsMatch(normalized));
    }

    private static HashSet<string> Validate(IEnumerable<string> ids, ISet<string> knownIds, string option)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var upper = id.ToUpperInvariant();
            if (!knownIds.Contains(upper))
            {
                throw new BadInputException(
                    $"{option}: unknown diagnostic id '{id}'; known ids: {string.Join(", ", knownIds.OrderBy(k => k, StringComparer.Ordinal))}",
                    showUsage: true);
            }

            set.Add(upper);
        }

        return set;
    }

    /// <summary>A folder/file path (prefix match) or a glob (<c>*</c>, <c>**</c>, <c>?</c>) relative to the root.</summary>
    private static Regex PathPattern(string pattern, string rootDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(rootDirectory, pattern)).Replace('\\', '/');
        if (pattern.IndexOfAny(new[] { '*', '?' }) < 0)
        {
            return new Regex("^" + Regex.Escape(full.TrimEnd('/')) + "(/.*)?$", RegexOptions.CultureInvariant);
        }

        var regex = Regex.Escape(full)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex("^" + regex + "(/.*)?$", RegexOptions.CultureInvariant);
    }
}
