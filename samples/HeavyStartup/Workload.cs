using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LazyMigrate;
using Microsoft.Extensions.DependencyInjection;

namespace HeavyStartup;

/// <summary>
/// What the app does once it is ready: serve one request per heavy part, printing a deterministic result and,
/// on a separate <c>TIMING</c> line, how long that first use took (timing lines are left out of output comparisons).
/// </summary>
internal sealed class Workload
{
    private readonly IServiceProvider _services;

    public Workload(IServiceProvider services)
    {
        _services = services;
    }

    public async Task RunAsync(WorkloadOptions options)
    {
        if (options.Preload)
        {
            // Warm the heavy packages in the background while the app idles, so a use after the pause finds them loaded.
            _ = LazyPackageRegistry.Default.StartBackgroundLoading();
        }

        if (options.IdleMilliseconds > 0)
        {
            await Task.Delay(options.IdleMilliseconds);
        }

        // Each handler is resolved per request, as a web framework would, so each part is timed on its own.
        Serve("catalog", () => _services.GetRequiredService<CatalogReport>().Describe());
        Serve("scoring", () => _services.GetRequiredService<ScoringHandler>().Score(1f, 2f, 3f));
        Serve("image-formats", () => _services.GetRequiredService<ImageFormatReport>().Describe());
        Serve("thumbnail", () => _services.GetRequiredService<ThumbnailHandler>().RoundTrip());
        Serve("features", () => _services.GetRequiredService<FeatureHandler>().Normalize());
        Serve("storage", () => _services.GetRequiredService<StorageHandler>().ThumbnailUri("product-1.png"));
        Console.WriteLine("DONE");
    }

    private static void Serve(string part, Func<string> handler)
    {
        var watch = Stopwatch.StartNew();
        var result = handler();
        watch.Stop();
        Console.WriteLine($"{part}: {result}");
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "TIMING first-use {0} {1:0.0} ms", part, watch.Elapsed.TotalMilliseconds));
    }
}
