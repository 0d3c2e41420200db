// A generic-host worker whose hosted service opens its notes database when the host creates it, before READY.
// After READY it asks the service for the notes and prints them.
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OuterFixApp;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton<NotesService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<NotesService>());

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("READY");

Console.WriteLine("notes: " + host.Services.GetRequiredService<NotesService>().Describe());
await host.StopAsync();
