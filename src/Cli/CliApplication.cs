using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Commands;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.Cli.Reporting;
using LazyMigrate.Cli.Workspace;

namespace LazyMigrate.Cli;

/// <summary>
/// The CLI's entry point, callable in-process: parses the command line, registers MSBuild when
/// the command needs it, runs the command and maps failures to exit codes and messages.
/// </summary>
public static class CliApplication
{
    private static readonly CommandSpec[] s_commands = { ScanCommand.Spec, FixCommand.Spec, ProfileCommand.Spec, MigrateCommand.Spec };

    /// <summary>Runs the CLI with the process's console.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliContext.FromConsole());

    /// <summary>Runs the CLI; <paramref name="catalogFactory"/> is a test seam replacing the shipped analyzers/fixes.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, Func<AnalyzerCatalog>? catalogFactory = null, CancellationToken cancellationToken = default)
    {
        CommandSpec? spec = null;
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "-?" or "help")
            {
                context.Out.WriteLine(GeneralHelp());
                return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Success;
            }

            if (args[0] == "--version")
            {
                context.Out.WriteLine(ToolInfo.Version);
                return ExitCodes.Success;
            }

            spec = s_commands.FirstOrDefault(c => c.Name == args[0])
                ?? throw new BadInputException($"unknown command '{args[0]}'", showUsage: true);
            var parsed = spec.Parse(args.Skip(1).ToArray());
            if (parsed.HelpRequested)
            {
                context.Out.WriteLine(spec.HelpText());
                return ExitCodes.Success;
            }

            if (spec == ProfileCommand.Spec)
            {
                return await ProfileCommand.RunAsync(parsed, context, catalogFactory, cancellationToken).ConfigureAwait(false);
            }

            // Option values are checked before the path, so a typo is reported as such.
            if (spec == FixCommand.Spec)
            {
                parsed.PositiveInt("--max-iterations", FixCommand.DefaultMaxIterations);
            }

            if (spec == MigrateCommand.Spec)
            {
                parsed.PositiveInt("--max-iterations", MigrateCommand.DefaultMaxIterations);
                parsed.PositiveInt("--runs", MigrateCommand.DefaultRuns);
                parsed.PositiveInt("--timeout", ProfileCommand.DefaultTimeoutSeconds);
            }

            // Resolve the path first (a missing path is bad input, whatever the SDK), then register
            // the SDK that `dotnet` resolves for that folder before any MSBuild-using code is JIT-compiled.
            var target = TargetPathResolver.Resolve(context.ResolvePath(parsed.Positionals.FirstOrDefault() ?? "."));
            MsBuildRegistration.EnsureRegistered(Path.GetDirectoryName(target)!);
            return await RunWorkspaceCommandAsync(spec, parsed, context, catalogFactory, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            context.Error.WriteLine($"lazymigrate: error: {ex.Message}");
            if (ex is BadInputException { ShowUsage: true })
            {
                context.Error.WriteLine();
                context.Error.WriteLine(spec is null ? GeneralHelp() : spec.HelpText());
            }

            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("lazymigrate: cancelled");
            return 130;
        }
        catch (IOException ex)
        {
            context.Error.WriteLine($"lazymigrate: error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            context.Error.WriteLine($"lazymigrate: error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Kept out of line so Roslyn/MSBuild workspace types are JIT-compiled only after registration.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<int> RunWorkspaceCommandAsync(CommandSpec spec, ParsedArguments parsed, CliContext context, Func<AnalyzerCatalog>? catalogFactory, CancellationToken cancellationToken)
    {
        var catalog = catalogFactory?.Invoke() ?? AnalyzerCatalog.Load();
        return spec == ScanCommand.Spec ? ScanCommand.RunAsync(parsed, context, catalog, cancellationToken)
            : spec == MigrateCommand.Spec ? MigrateCommand.RunAsync(parsed, context, catalog, cancellationToken)
            : FixCommand.RunAsync(parsed, context, catalog, cancellationToken);
    }

    /// <summary>The top-level usage text.</summary>
    public static string GeneralHelp()
    {
        var lines = new List<string>
        {
            $"lazymigrate {ToolInfo.Version} - find, fix and measure eager heavy work on .NET startup paths",
            string.Empty,
            "Usage:",
        };
        lines.AddRange(s_commands.Select(c => "  " + c.Usage));
        lines.Add(string.Empty);
        lines.Add("Run `lazymigrate <command> --help` for a command's options.");
        lines.Add("Exit codes: 0 ok/nothing to report, 1 findings or changes needed, 2 bad input, 3 .NET SDK/MSBuild not found, 4 fix aborted, 5 migration changed the program's output.");
        return string.Join(Environment.NewLine, lines);
    }
}
