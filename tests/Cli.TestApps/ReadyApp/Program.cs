using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReadyApp;

/// <summary>
/// What the first argument asks for:
/// <list type="bullet">
/// <item><c>web handler</c>: a Kestrel app whose <c>/health</c> endpoint loads ONNX Runtime before its first answer.</item>
/// <item><c>web service</c>: a Kestrel app whose hosted service loads ONNX Runtime while the host starts.</item>
/// <item><c>quit</c>: exits at once without being ready in any way but its exit.</item>
/// <item><c>never</c>: never ready; waits until it is stopped.</item>
/// <item><c>spawn</c>: starts a child that sleeps for minutes, prints its id and READY, and exits.</item>
/// <item><c>stdin</c>: reads its stdin to the end, prints the line count and READY.</item>
/// </list>
/// The web modes print READY before they build the host, so a marker would make them ready far too early.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "web":
                await RunWebAsync(args[1], args.Skip(2).ToArray());
                return 0;
            case "quit":
                Console.WriteLine("quitting");
                return 3;
            case "never":
                Console.WriteLine("starting");
                await Task.Delay(Timeout.Infinite);
                return 0;
            case "spawn":
                var child = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
                Console.WriteLine("child " + child.Id);
                Console.WriteLine("READY");
                return 0;
            case "stdin":
                var text = Console.In.ReadToEnd();
                Console.WriteLine("stdin lines: " + text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
                Console.WriteLine("READY");
                return 0;
            default:
                Console.Error.WriteLine("usage: ReadyApp web handler|service | quit | never | spawn | stdin");
                return 2;
        }
    }

    private static async Task RunWebAsync(string heavy, string[] hostArgs)
    {
        Console.WriteLine("READY (too early: nothing listens yet)");
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.Logging.ClearProviders();
        if (heavy == "service")
        {
            builder.Services.AddHostedService<ModelWarmup>();
        }

        var app = builder.Build();
        app.MapGet("/health", () =>
        {
            if (heavy == "handler")
            {
                using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
            }

            return "ok";
        });
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("listening on " + string.Join(' ', app.Urls)));
        await app.RunAsync();
    }

    /// <summary>Loads ONNX Runtime while the host starts, before ApplicationStarted.</summary>
    private sealed class ModelWarmup : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
