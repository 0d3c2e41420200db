using System;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Infrastructure;

namespace LazyMigrate.Cli;

/// <summary>The <c>lazymigrate</c> executable.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Ctrl+C cancels the work cleanly (nothing half-written; a profiled program is stopped).
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await CliApplication.RunAsync(args, CliContext.FromConsole(), null, cancellation.Token).ConfigureAwait(false);
    }
}
