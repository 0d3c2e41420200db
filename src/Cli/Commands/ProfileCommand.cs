using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Catalog;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Explaining;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.Cli.Profiling;
using LazyMigrate.Cli.Reporting;

namespace LazyMigrate.Cli.Commands;

/// <summary><c>lazymigrate profile -- command</c>: what loads before an app is ready.</summary>
public static class ProfileCommand
{
    /// <summary>Default time to wait for the program.</summary>
    public const int DefaultTimeoutSeconds = 300;

    /// <summary>--stdin, shared with migrate.</summary>
    public static readonly OptionSpec StdinOption = new("--stdin", null, "FILE", "Feed this file to the program's stdin (default: stdin closed).");

    /// <summary>The command's syntax.</summary>
    public static readonly CommandSpec Spec = new(
        "profile",
        "lazymigrate profile [--ready-marker TEXT | --ready-url URL | --ready-started] [--stdin FILE] [--html FILE] [--json FILE] [--project PATH] -- <command...>",
        "Runs a .NET program with the LazyMigrate startup hook and reports every managed assembly and native library loaded before it was ready " +
        "(ready = a stdout line containing the marker, the runtime's ready signal, or process exit; or the first successful response to --ready-url; " +
        "or the host's ApplicationStarted with --ready-started), which source lines triggered each heavy load and " +
        "which LZM diagnostic explains it. `-- app.dll args` runs `dotnet app.dll args`.",
        maxPositionals: 0,
        passThrough: true,
        new[]
        {
            ReadyOptions.MarkerOption,
            ReadyOptions.UrlOption,
            ReadyOptions.StartedOption,
            StdinOption,
            new OptionSpec("--html", null, "FILE", "Also write a self-contained HTML page with a waterfall chart of the loads."),
            new OptionSpec("--json", null, "FILE", "Also write the profile data as JSON (the hook's raw data plus a summary)."),
            new OptionSpec("--timeout", null, "SECONDS", $"Stop the program after this long (default: {DefaultTimeoutSeconds})."),
            new OptionSpec("--stop-at-ready", null, null, "Stop the program as soon as it is ready (for servers that never exit)."),
            new OptionSpec("--project", null, "PATH", "The solution or project (or its folder) to analyze to explain the heavy loads (default: Name.csproj found above the program's Name.dll)."),
            new OptionSpec("--no-explain", null, null, "Do not analyze the project: report the source lines of the heavy loads without matching them to diagnostics."),
            CommonOptions.Verbosity,
        });

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(ParsedArguments args, CliContext context, Func<AnalyzerCatalog>? catalogFactory, CancellationToken cancellationToken)
    {
        if (args.PassThrough.Count == 0)
        {
            throw new BadInputException("profile needs the command to run after '--', e.g. `lazymigrate profile -- bin/Release/net10.0/MyApp.dll`", showUsage: true);
        }

        var progress = new ProgressReporter(context, CommonOptions.ParseVerbosity(args));
        var htmlPath = OutputPath(args, "--html", context);
        var jsonPath = OutputPath(args, "--json", context);
        var timeout = TimeSpan.FromSeconds(args.PositiveInt("--timeout", DefaultTimeoutSeconds));
        var command = args.PassThrough.ToList();
        if (command[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            command[0] = context.ResolvePath(command[0]);
            if (!File.Exists(command[0]))
            {
                throw new BadInputException($"path not found: '{command[0]}'");
            }
        }

        // A named project must exist before the program runs; an inferred one may be missing.
        var explain = !args.Has("--no-explain");
        if (!explain && args.Has("--project"))
        {
            throw new BadInputException("--project and --no-explain contradict each other: pass one", showUsage: true);
        }

        var target = explain ? ExplanationBuilder.ResolveTarget(args.Value("--project"), command, context) : null;
        var ready = ReadyOptions.Parse(args);
        var stdin = ReadStandardInput(args, context);
        var run = await ProfileRunner.RunAsync(command, ready, timeout, args.Has("--stop-at-ready"), stdin, context, progress, cancellationToken).ConfigureAwait(false);
        var explanations = explain
            ? await ExplanationBuilder.BuildAsync(run.Profile, target, catalogFactory, context, progress, cancellationToken).ConfigureAwait(false)
            : null;
        progress.Done();
        var commandText = string.Join(' ', args.PassThrough);
        ProfileTextRenderer.Write(run.Profile, commandText, run.ExitCode, context.Out, explanations);

        if (jsonPath is not null)
        {
            AtomicFile.WriteAllText(jsonPath, Enrich(run, commandText, explanations), new UTF8Encoding(false));
            progress.Info($"Wrote {jsonPath}");
        }

        if (htmlPath is not null)
        {
            AtomicFile.WriteAllText(htmlPath, ProfileHtmlRenderer.Render(run.Profile, commandText, run.ExitCode, explanations), new UTF8Encoding(false));
            progress.Info($"Wrote {htmlPath}");
        }

        return ExitCodes.Success;
    }

    /// <summary>The hook's raw JSON with a <c>lazymigrate</c> section added (command, exit code, heavy-package summary).</summary>
    private static string Enrich(ProfileRun run, string command, ExplanationReport? explanations)
    {
        var root = JsonNode.Parse(run.RawJson)!.AsObject();
        var packages = new JsonArray();
        foreach (var p in run.Profile.HeavyPackages)
        {
            packages.Add(new JsonObject
            {
                ["name"] = p.Name,
                ["description"] = HeavyPackageCatalog.FindByName(p.Name)?.Description,
                ["firstAtMs"] = Math.Round(p.FirstAtMs, 3),
                ["lastAtMs"] = Math.Round(p.LastAtMs, 3),
                ["loadGapMs"] = Math.Round(p.CostMs, 3),
                ["assemblies"] = new JsonArray(p.Assemblies.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
                ["nativeLibraries"] = new JsonArray(p.NativeLibraries.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
                ["trigger"] = p.Trigger,
            });
        }

        root["lazymigrate"] = new JsonObject
        {
            ["tool"] = ToolInfo.Name,
            ["version"] = ToolInfo.Version,
            ["command"] = command,
            ["exitCode"] = run.ExitCode,
            ["stoppedByProfiler"] = run.StoppedByUs,
            ["generatedAtUtc"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            ["heavyPackagesBeforeReady"] = packages,
            ["nativeLibrariesBeforeReady"] = new JsonArray(run.Profile.NativeLibraries.Select(n => (JsonNode?)new JsonObject
            {
                ["name"] = n.Name,
                ["atMs"] = Math.Round(n.AtMs, 3),
                ["heavyPackage"] = n.HeavyPackage,
                ["path"] = n.Path,
            }).ToArray()),
        };
        if (explanations is not null)
        {
            var section = root["lazymigrate"]!.AsObject();
            section["explanationSource"] = new JsonObject
            {
                ["analyzed"] = explanations.Analyzed,
                ["project"] = explanations.Project,
                ["note"] = explanations.Note,
            };
            section["explainedLoadCount"] = explanations.ExplainedLoads.Count();
            section["unexplainedLoadCount"] = explanations.UnexplainedLoads.Count();
            section["explanations"] = new JsonArray(explanations.Loads.Select(l => (JsonNode?)Explanation(l, explanations)).ToArray());
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Explanation(LoadExplanation item, ExplanationReport report) => new()
    {
        ["package"] = item.Load.Package,
        ["assemblies"] = new JsonArray(item.Load.Assemblies.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
        ["atMs"] = Math.Round(item.Load.AtMs, 3),
        ["loadGapMs"] = Math.Round(item.Load.LoadGapMs, 3),
        ["explained"] = report.Analyzed ? item.Explained : null,
        ["frames"] = new JsonArray(item.Load.Frames.Select(f => (JsonNode?)new JsonObject
        {
            ["method"] = f.Method,
            ["file"] = f.Source?.File,
            ["relativePath"] = f.Source is null ? null : LoadFrame.RelativePath(report.RootDirectory, f.Source.File),
            ["line"] = f.Source?.Line,
            ["column"] = f.Source?.Column,
            ["text"] = f.Text,
        }).ToArray()),
        ["diagnostics"] = new JsonArray(item.Diagnostics.Select(d => (JsonNode?)Diagnostic(d, report)).ToArray()),
        ["fixes"] = new JsonArray(item.Fixes.Select(d => (JsonNode?)Diagnostic(d, report)).ToArray()),
        ["stack"] = new JsonArray(item.Load.Stack.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
    };

    private static JsonObject Diagnostic(ExplainingDiagnostic d, ExplanationReport report) => new()
    {
        ["id"] = d.Id,
        ["message"] = d.Message,
        ["file"] = d.File,
        ["relativePath"] = LoadFrame.RelativePath(report.RootDirectory, d.File),
        ["line"] = d.Line,
        ["column"] = d.Column,
        ["package"] = d.Package,
        ["fixable"] = d.Fixable,
        ["frameIndex"] = d.FrameIndex,
        ["reason"] = d.Reason,
    };

    /// <summary>The text of <c>--stdin FILE</c>, or empty (stdin closed at once).</summary>
    public static string ReadStandardInput(ParsedArguments args, CliContext context)
    {
        if (args.Value(StdinOption.Name) is not { } value)
        {
            return string.Empty;
        }

        var path = context.ResolvePath(value);
        if (!File.Exists(path))
        {
            throw new BadInputException($"--stdin: file not found: '{path}'");
        }

        return File.ReadAllText(path);
    }

    private static string? OutputPath(ParsedArguments args, string option, CliContext context)
    {
        if (args.Value(option) is not { } value)
        {
            return null;
        }

        var path = context.ResolvePath(value);
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            throw new BadInputException($"{option}: folder '{Path.GetDirectoryName(path)}' does not exist");
        }

        return path;
    }
}
