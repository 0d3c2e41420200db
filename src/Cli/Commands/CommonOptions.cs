using System.Collections.Generic;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;

namespace LazyMigrate.Cli.Commands;

/// <summary>Options shared by scan and fix.</summary>
public static class CommonOptions
{
    /// <summary>--verbosity.</summary>
    public static readonly OptionSpec Verbosity = new("--verbosity", "-v", "quiet|normal|detailed", "How much progress to print on stderr (default: normal).", new[] { "quiet", "normal", "detailed", "q", "n", "d" });

    /// <summary>--severity.</summary>
    public static readonly OptionSpec Severity = new("--severity", null, "error|warning|info|hidden", "Only findings at or above this effective severity (default: info).", new[] { "error", "warning", "info", "hidden" });

    /// <summary>--diagnostics.</summary>
    public static readonly OptionSpec Diagnostics = new("--diagnostics", null, "IDS", "Only these rule ids (comma- or space-separated, repeatable).");

    /// <summary>--exclude-diagnostics.</summary>
    public static readonly OptionSpec ExcludeDiagnostics = new("--exclude-diagnostics", null, "IDS", "Skip these rule ids.");

    /// <summary>--exclude.</summary>
    public static readonly OptionSpec Exclude = new("--exclude", null, "PATHS", "Skip files under these folders/files or matching these globs (relative to the solution folder).");

    /// <summary>--restore.</summary>
    public static readonly OptionSpec Restore = new("--restore", null, null, "Run `dotnet restore` on the target before loading it.");

    /// <summary>The options scan and fix both take.</summary>
    public static IReadOnlyList<OptionSpec> Shared => new[] { Severity, Diagnostics, ExcludeDiagnostics, Exclude, Restore, Verbosity };

    /// <summary>Parses --verbosity (quiet also when the report itself goes to stdout and must stay clean).</summary>
    public static Verbosity ParseVerbosity(ParsedArguments args) => args.Value(Verbosity.Name) switch
    {
        null or "normal" or "n" => Infrastructure.Verbosity.Normal,
        "quiet" or "q" => Infrastructure.Verbosity.Quiet,
        "detailed" or "d" => Infrastructure.Verbosity.Detailed,
        var other => throw new BadInputException($"unknown verbosity '{other}'", showUsage: true),
    };

    /// <summary>Builds the diagnostic filter from the shared options.</summary>
    public static DiagnosticFilter Filter(ParsedArguments args, string rootDirectory, AnalyzerCatalog catalog) => new(
        DiagnosticFilter.ParseSeverity(args.Value(Severity.Name)),
        args.Values(Diagnostics.Name),
        args.Values(ExcludeDiagnostics.Name),
        args.Values(Exclude.Name),
        rootDirectory,
        catalog.DiagnosticIds);
}
