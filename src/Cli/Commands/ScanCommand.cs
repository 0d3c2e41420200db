using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.Cli.Reporting;
using LazyMigrate.Cli.Workspace;

namespace LazyMigrate.Cli.Commands;

/// <summary><c>lazymigrate scan [path]</c>: report LZM findings.</summary>
public static class ScanCommand
{
    /// <summary>The command's syntax.</summary>
    public static readonly CommandSpec Spec = new(
        "scan",
        "lazymigrate scan [<path>] [--format text|json|sarif] [--output FILE] [options]",
        "Loads a solution (.sln, .slnx), project (.csproj) or a folder holding one (default: current folder), runs the LazyMigrate analyzers and prints the findings grouped by rule and heavy package.",
        maxPositionals: 1,
        passThrough: false,
        new[]
        {
            new OptionSpec("--format", "-f", "text|json|sarif", "Report format (default: text).", new[] { "text", "json", "sarif" }),
            new OptionSpec("--output", "-o", "FILE", "Write the report to FILE instead of stdout."),
        }.Concat(CommonOptions.Shared).ToArray());

    /// <summary>Runs the command (after MSBuild registration).</summary>
    public static async Task<int> RunAsync(ParsedArguments args, CliContext context, AnalyzerCatalog catalog, CancellationToken cancellationToken)
    {
        var progress = new ProgressReporter(context, CommonOptions.ParseVerbosity(args));
        var target = TargetPathResolver.Resolve(context.ResolvePath(args.Positionals.FirstOrDefault() ?? "."));
        var format = args.Value("--format") ?? "text";
        var outputPath = args.Value("--output") is { } output ? context.ResolvePath(output) : null;
        if (outputPath is not null && !Directory.Exists(Path.GetDirectoryName(outputPath)))
        {
            throw new BadInputException($"--output: folder '{Path.GetDirectoryName(outputPath)}' does not exist");
        }

        var filter = CommonOptions.Filter(args, Path.GetDirectoryName(target)!, catalog);
        using var loaded = await SolutionLoader.LoadAsync(target, args.Has("--restore"), progress, cancellationToken).ConfigureAwait(false);
        await EditorConfigValidator.ValidateAsync(loaded.Solution, cancellationToken).ConfigureAwait(false);
        var result = await AnalysisRunner.AnalyzeAsync(loaded.Solution, catalog, filter, loaded.RootDirectory, progress, cancellationToken, loaded.OnlyProjectFile).ConfigureAwait(false);
        progress.Done();

        var report = new ScanReport(target, loaded.RootDirectory, result.Findings, result.CompileErrors, result.AnalyzerFailures, catalog.Descriptors, loaded.SkippedProjects);
        var text = new StringWriter();
        switch (format)
        {
            case "json":
                JsonScanFormatter.Write(report, text);
                break;
            case "sarif":
                SarifScanFormatter.Write(report, text);
                break;
            default:
                TextScanFormatter.Write(report, text);
                break;
        }

        if (outputPath is null)
        {
            context.Out.Write(text.ToString());
        }
        else
        {
            AtomicFile.WriteAllText(outputPath, text.ToString(), new UTF8Encoding(false));
            progress.Info($"Wrote {format} report to {outputPath} ({result.Findings.Count} findings).");
        }

        foreach (var summary in result.CompileErrors)
        {
            progress.Warning($"{summary.Project} has {summary.ErrorCount} compile error(s); it was analyzed anyway");
        }

        if (LoadFailures.Report(context, loaded))
        {
            return ExitCodes.BadInput;
        }

        return result.Findings.Count > 0 ? ExitCodes.FindingsOrChanges : ExitCodes.Success;
    }
}
