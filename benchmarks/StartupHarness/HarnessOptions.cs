using System;
using System.Collections.Generic;
using System.Globalization;

namespace LazyMigrate.StartupHarness;

/// <summary>How to fix the migrated copy of the sample.</summary>
internal enum FixerKind
{
    /// <summary><c>dotnet format analyzers</c> with the LZM diagnostics.</summary>
    DotnetFormat,

    /// <summary><c>lazymigrate fix</c> from src/Cli.</summary>
    LazyMigrateCli,
}

/// <summary>Command-line options of the harness.</summary>
internal sealed class HarnessOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/StartupHarness -- [options]
          --runs N          measured runs of each app, interleaved (default 10)
          --seed N          seed of the random run order within each round (default: a new one, printed)
          --app NAME        measure only this app (its project name, e.g. the folder name under samples/);
                            default: every app under samples/ whose floor names it with <StartupHarnessApp>
          --floor PROJECT   measure only the app of this floor project
          --smoke           quick check: 2 runs, 1 preload run, short idle (no timing conclusions)
          --out DIR         where to write startup.json and startup.md (default artifacts/startup)
          --idle-ms N       idle time after ready before first use, in the preloading runs (default 1500)
          --fixer NAME      format (dotnet format analyzers, default) or cli (lazymigrate fix)
          --reuse-builds    skip building an app whose output already exists (CI builds them first)
          --keep-temp       keep the migrated copy's temp folder
          --require-targets exit 1 when a migration target is missed
          --update-readme   also write the report into README.md, between its startup-table markers
                            (not with --smoke)
        """;

    public int Runs { get; set; } = 10;

    public int PreloadRuns { get; set; } = 5;

    public bool Smoke { get; set; }

    public string? OutputDirectory { get; set; }

    public int IdleMilliseconds { get; set; } = 1500;

    public FixerKind Fixer { get; set; } = FixerKind.DotnetFormat;

    public bool ReuseBuilds { get; set; }

    public bool KeepTemp { get; set; }

    public bool RequireTargets { get; set; }

    public bool UpdateReadme { get; set; }

    /// <summary>The arguments as given, for the report's command line.</summary>
    public List<string> Arguments { get; } = new();

    /// <summary>Seed of the run order; null: the harness picks one and reports it so the order can be replayed.</summary>
    public int? Seed { get; set; }

    /// <summary>The floor project (its csproj names the app it bounds); null: found under samples/.</summary>
    public string? FloorProject { get; set; }

    /// <summary>The one app to measure (its project name); null: every app under samples/ that has a floor.</summary>
    public string? App { get; set; }

    /// <summary>Folder holding LazyMigrate.sln; found from the current directory when null.</summary>
    public string? RepositoryRoot { get; set; }

    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        options.Arguments.AddRange(args);
        var runsGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--runs":
                    options.Runs = PositiveInt(arg, Next(args, ref i));
                    runsGiven = true;
                    break;
                case "--smoke":
                    options.Smoke = true;
                    break;
                case "--out":
                    options.OutputDirectory = Next(args, ref i);
                    break;
                case "--idle-ms":
                    options.IdleMilliseconds = PositiveInt(arg, Next(args, ref i));
                    break;
                case "--fixer":
                    var fixer = Next(args, ref i);
                    options.Fixer = fixer switch
                    {
                        "format" => FixerKind.DotnetFormat,
                        "cli" => FixerKind.LazyMigrateCli,
                        _ => throw new HarnessUsageException($"--fixer must be 'format' or 'cli', not '{fixer}'."),
                    };
                    break;
                case "--reuse-builds":
                    options.ReuseBuilds = true;
                    break;
                case "--keep-temp":
                    options.KeepTemp = true;
                    break;
                case "--require-targets":
                    options.RequireTargets = true;
                    break;
                case "--update-readme":
                    options.UpdateReadme = true;
                    break;
                case "--seed":
                    options.Seed = NonNegativeInt(arg, Next(args, ref i));
                    break;
                case "--floor":
                    options.FloorProject = Next(args, ref i);
                    break;
                case "--app":
                    options.App = Next(args, ref i);
                    break;
                case "--repo":
                    options.RepositoryRoot = Next(args, ref i);
                    break;
                case "-h":
                case "--help":
                    throw new HarnessUsageException(null);
                default:
                    throw new HarnessUsageException($"Unknown option '{arg}'.");
            }
        }

        if (options.Smoke && options.UpdateReadme)
        {
            throw new HarnessUsageException("--update-readme needs a full run: a --smoke table is not for conclusions.");
        }

        if (options.Smoke)
        {
            options.Runs = runsGiven ? options.Runs : 2;
            options.PreloadRuns = 1;
            options.IdleMilliseconds = Math.Min(options.IdleMilliseconds, 500);
        }
        else
        {
            options.PreloadRuns = Math.Max(1, options.Runs / 2);
        }

        return options;
    }

    private static string Next(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new HarnessUsageException($"Option '{args[i]}' needs a value.");
        }

        i++;
        return args[i];
    }

    private static int NonNegativeInt(string option, string text)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new HarnessUsageException($"Option '{option}' needs a whole number from 0 to {int.MaxValue}, not '{text}'.");
        }

        return value;
    }

    private static int PositiveInt(string option, string text)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new HarnessUsageException($"Option '{option}' needs a positive whole number, not '{text}'.");
        }

        return value;
    }
}

/// <summary>Bad command-line input; the message says what is wrong (null: just show usage).</summary>
internal sealed class HarnessUsageException(string? message) : Exception(message ?? "")
{
    public bool HasMessage => !string.IsNullOrEmpty(Message);
}
