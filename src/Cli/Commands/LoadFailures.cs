using System.Linq;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.Cli.Reporting;
using LazyMigrate.Cli.Workspace;

namespace LazyMigrate.Cli.Commands;

/// <summary>The closing error of a run in which some C# projects could not be loaded (the rest was still done).</summary>
public static class LoadFailures
{
    /// <summary>Writes the error line (whatever the verbosity) and returns true when some C# project could not be loaded.</summary>
    public static bool Report(CliContext context, LoadedSolution loaded)
    {
        var failed = loaded.FailedProjects;
        if (failed.Count == 0)
        {
            return false;
        }

        var names = string.Join(", ", failed.Select(p => ScanReport.Relative(loaded.RootDirectory, p.Path)));
        context.Error.WriteLine($"lazymigrate: error: {failed.Count} C# project(s) could not be loaded and were left out: {names} (the reasons are above); the other projects were processed");
        return true;
    }
}
