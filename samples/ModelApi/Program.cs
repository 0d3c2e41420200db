// A model server started the way minimal-API apps usually are: Program registers the database and the ONNX
// session (built right there), applies the EF Core migration before the app starts, then maps the endpoints.
// Once Kestrel listens it prints its ready line and sends itself one request per endpoint.
using System;
using System.Linq;
using LazyMigrate;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using ModelApi;
using ModelApi.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();

builder.Services.AddDbContext<ModelDb>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("Models") ?? "Data Source=models.db"));
builder.Services.AddSingleton(new InferenceSession(SquareModel.Build(3)));

var app = builder.Build();

// Bring the schema up to date before serving anything.
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ModelDb>();
    db.Database.Migrate();
}

app.MapModelApi();

await app.StartAsync();
Console.WriteLine("READY model-api");
LazyLoading.MarkReady();

await AfterReady.PauseAsync();
await SelfCheck.RunAsync(app.Urls.First());
Console.WriteLine("DONE");
await app.StopAsync();
