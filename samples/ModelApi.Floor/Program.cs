// The floor of ModelApi: the same web host, the same two registrations (each built by the container on first
// request), the same endpoints, ready line and self-check. The schema step of the app moves into the store's
// first use. No version of the app that keeps its host, its endpoints and its ready line can be ready sooner.
using System;
using System.Linq;
using LazyMigrate;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelApi.Floor;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();

builder.Services.AddScoped<ModelStore>();
builder.Services.AddSingleton(_ => new StandInSession());

var app = builder.Build();
app.MapModelApi();

await app.StartAsync();
Console.WriteLine("READY model-api");
LazyLoading.MarkReady();

await AfterReady.PauseAsync();
await SelfCheck.RunAsync(app.Urls.First());
Console.WriteLine("DONE");
await app.StopAsync();
