using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace LazyMigrate.LoadingDifferential;

/// <summary>
/// dotnet run -c Release --project tests/LoadingDifferential -- --all | --subset ci | --only ID[,ID…] | --list
/// [--work DIR] [--no-migrate]. Prints progress, then the report (also written to WORK/report.md).
/// </summary>
internal static class Program
{
    private const string Usage = "usage: LoadingDifferential (--all | --subset ci | --only ID[,ID...] | --list) [--work DIR] [--no-migrate]";

    public static int Main(string[] args)
    {
        var options = new DifferentialOptions();
        var selected = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--all":
                    selected = true;
                    break;
                case "--subset" when i + 1 < args.Length && args[i + 1] == "ci":
                    options.CiSubset = true;
                    selected = true;
                    i++;
                    break;
                case "--only" when i + 1 < args.Length:
                    options.Only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    selected = true;
                    break;
                case "--work" when i + 1 < args.Length:
                    options.WorkDirectory = Path.GetFullPath(args[++i]);
                    break;
                case "--no-migrate":
                    options.SkipMigration = true;
                    break;
                case "--list":
                    Console.Write(Report.Table(ProgramTable.All));
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (!selected)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            var results = Differential.Run(options, line => Console.WriteLine(line));
            var report = Report.Render(results, !options.SkipMigration, stopwatch.Elapsed);
            var root = options.WorkDirectory ?? Path.Combine(RepositoryLayout.Find().Root, "artifacts", "differential");
            File.WriteAllText(Path.Combine(root, "report.md"), report);
            Console.WriteLine();
            Console.Write(report);
            Console.WriteLine();
            Console.WriteLine($"report written to {Path.Combine(root, "report.md")}");
            return results.Any(r => !r.Measured) ? 1 : 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }
}
