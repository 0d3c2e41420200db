// A forecasting worker on the generic host. Its ready line prints the model version, which builds every model
// in the static registry; the background service creates its ML.NET context and its database context (the
// static factory opens and fills the database) when the host creates it. Once ready, the app queues the day's
// jobs and prints their results.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using ForecastWorker;
using LazyMigrate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton<ForecastQueue>();
builder.Services.AddHostedService<ForecastService>();

using var host = builder.Build();
await host.StartAsync();

Console.WriteLine($"READY forecast-worker (models {ForecastModels.Version})");
LazyLoading.MarkReady();
await AfterReady.PauseAsync();

var queue = host.Services.GetRequiredService<ForecastQueue>();
var timed = new HashSet<string>(StringComparer.Ordinal);
foreach (var job in new[] { "history north", "trend north", "residual harbour", "history airport", "trend airport", "residual north" })
{
    var watch = Stopwatch.StartNew();
    var result = await queue.SubmitAsync(job);
    watch.Stop();
    var kind = job.Split(' ')[0];
    Console.WriteLine($"{job}: {result}");
    if (timed.Add(kind))
    {
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "TIMING first-use {0} {1:0.0} ms", kind, watch.Elapsed.TotalMilliseconds));
    }
}

Console.WriteLine("DONE");
await host.StopAsync();
