// The floor of HeavyStartup: the same startup shape with trivial stand-ins instead of heavy packages.
using System;
using System.Linq;
using HeavyStartup.Floor;
using HeavyStartup.Floor.Catalog;
using LazyMigrate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();

// Stand-in for the image-plugin check.
var codecFormats = StandInCodecs.SupportedFormats;
var imageFormats = new UploadFormats(
    Jxl: codecFormats.Any(f => f == "JXL"),
    Avif: codecFormats.Any(f => f == "AVIF"));
builder.Services.AddSingleton(imageFormats);

// Stand-ins for the shared clients.
builder.Services.AddSingleton(new FeatureContext(seed: 1));
builder.Services.AddSingleton(new StorageClient(AppSettings.BlobConnectionString));

builder.Services.AddSingleton<ProductCatalog>();
builder.Services.AddHostedService<CatalogCacheRefresher>();
builder.Services.AddSingleton<Workload>();
builder.Services.AddHandlers();

using var host = builder.Build();
await host.StartAsync();

Console.WriteLine($"READY {AppSettings.Name} (models {ModelRegistry.Version})");
LazyLoading.MarkReady();

await host.Services.GetRequiredService<Workload>().RunAsync(WorkloadOptions.FromEnvironment());
await host.StopAsync();
