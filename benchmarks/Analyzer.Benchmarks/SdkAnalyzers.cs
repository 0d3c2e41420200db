using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Benchmarks;

/// <summary>
/// The C# analyzers every SDK build runs (Microsoft.CodeAnalysis.NetAnalyzers and its C# part), loaded from the
/// .NET SDK this process runs under: the baseline a build compares the LazyMigrate rules against.
/// </summary>
internal static class SdkAnalyzers
{
    private static readonly string[] s_files = { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" };

    /// <summary>The SDK's analyzers folder: the newest sdk/*/Sdks/Microsoft.NET.Sdk/analyzers under the dotnet root.</summary>
    public static string FindFolder()
    {
        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var sdks = Path.Combine(root, "sdk");
        var folder = Directory.Exists(sdks)
            ? Directory.GetDirectories(sdks)
                .Select(sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
                .Where(candidate => s_files.All(file => File.Exists(Path.Combine(candidate, file))))
                .OrderBy(candidate => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(candidate)))!)?.Split('-')[0], out var version) ? version : new Version(0, 0))
                .LastOrDefault()
            : null;
        return folder ?? throw new InvalidOperationException(
            $"No .NET SDK analyzers found under {sdks} (looked for {string.Join(" and ", s_files)}); the SDK-baseline benchmarks need an installed SDK.");
    }

    /// <summary>
    /// The rule severities an SDK build passes to the compiler by default (the analysis-level global config of
    /// the SDK, <c>dotnet_diagnostic.ID.severity</c> lines): they decide which of the SDK's rules run at all.
    /// </summary>
    public static ImmutableDictionary<string, ReportDiagnostic> DefaultSeverities()
    {
        var config = Directory.GetFiles(Path.Combine(FindFolder(), "build", "config"), "analysislevel_*_default.globalconfig")
            .OrderBy(path => int.TryParse(Path.GetFileName(path).Split('_')[1], out var level) ? level : 0)
            .LastOrDefault()
            ?? throw new InvalidOperationException("No analysislevel_*_default.globalconfig in the SDK's analyzers folder.");
        var severities = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(config))
        {
            // dotnet_diagnostic.CA1000.severity = none
            var parts = line.Split('=', 2);
            var key = parts[0].Trim();
            if (parts.Length != 2 || !key.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal) || !key.EndsWith(".severity", StringComparison.Ordinal))
            {
                continue;
            }

            var id = key["dotnet_diagnostic.".Length..^".severity".Length];
            severities[id] = parts[1].Trim().ToLowerInvariant() switch
            {
                "none" => ReportDiagnostic.Suppress,
                "silent" => ReportDiagnostic.Hidden,
                "suggestion" => ReportDiagnostic.Info,
                "warning" => ReportDiagnostic.Warn,
                "error" => ReportDiagnostic.Error,
                _ => ReportDiagnostic.Default,
            };
        }

        return severities.ToImmutable();
    }

    /// <summary>Every C# analyzer of the SDK's analyzer assemblies.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        var folder = FindFolder();
        var loader = new FolderLoader(folder);
        return s_files
            .SelectMany(file => new AnalyzerFileReference(Path.Combine(folder, file), loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
    }

    /// <summary>Loads the SDK's analyzer assemblies (and what they need from their folder) into one context.</summary>
    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly AssemblyLoadContext _context;

        public FolderLoader(string folder)
        {
            _context = new AssemblyLoadContext("sdk-analyzers");
            _context.Resolving += (context, name) =>
            {
                var path = Path.Combine(folder, name.Name + ".dll");
                return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
            };
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
    }
}
