// The floor of HeavyStartup: the same host, registrations and ready signal, with stand-ins that do nothing
// until they are first used after ready. No migration of the sample can start faster without dropping part
// of the app's own startup (building and starting the host, its registrations, the ready line).
using System;
using HeavyStartup.Floor;
using HeavyStartup.Floor.Catalog;
using LazyMigrate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();

// The same service types as the sample registers, each built by the container on first request: the
// image-plugin check and the shared clients cost nothing before ready.
builder.Services.AddSingleton(_ => UploadFormats.From(StandInCodecs.SupportedFormats));
builder.Services.AddSingleton(_ => new FeatureContext(seed: 1));
builder.Services.AddSingleton(_ => new StorageClient(AppSettings.BlobConnectionString));

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
