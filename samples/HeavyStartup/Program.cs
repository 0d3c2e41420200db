// A product-catalog worker that starts the way many real apps do: everything it might need is created
// eagerly while the host starts, so the app is "ready" only after every heavy package has loaded.
// The startup harness measures this app before and after `lazymigrate fix` / `dotnet format analyzers`.
using System;
using System.Linq;
using Azure.Storage.Blobs;
using HeavyStartup;
using HeavyStartup.Catalog;
using ImageMagick;
using LazyMigrate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();

// The image-plugin check, once at startup: can this build decode JPEG XL and AVIF uploads?
var magickFormats = MagickNET.SupportedFormats;
var imageFormats = new UploadFormats(
    Jxl: magickFormats.Any(f => f.Format == MagickFormat.Jxl && f.SupportsReading),
    Avif: magickFormats.Any(f => f.Format == MagickFormat.Avif && f.SupportsReading));
builder.Services.AddSingleton(imageFormats);

// Clients shared by the whole app, built once at registration.
builder.Services.AddSingleton(new MLContext(seed: 1));
builder.Services.AddSingleton(new BlobServiceClient(AppSettings.BlobConnectionString));

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
