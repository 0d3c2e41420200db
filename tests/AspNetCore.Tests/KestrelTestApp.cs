using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LazyMigrate.AspNetCore.Tests;

/// <summary>A real Kestrel app on 127.0.0.1 with a free port, and a real HttpClient to it.</summary>
internal sealed class KestrelTestApp : IAsyncDisposable
{
    private KestrelTestApp(WebApplication app, HttpClient client, CapturingLoggerProvider logs)
    {
        App = app;
        Client = client;
        Logs = logs;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public LazyLoadingHostedService Loader => App.Services.GetServices<IHostedService>().OfType<LazyLoadingHostedService>().Single();

    public static async Task<KestrelTestApp> StartAsync(Action<WebApplicationBuilder> configureBuilder, Action<WebApplication>? configureApp = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(KestrelTestApp).Assembly.GetName().Name,
        });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        configureBuilder(builder);

        var app = builder.Build();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapGet("/ping", () => "pong");
        configureApp?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        // Port 0: Kestrel picked a free port; the bound address is in the server's features.
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        return new KestrelTestApp(app, client, logs);
    }

    public async Task<JsonElement> GetStatusAsync(string path = "/api/debug/lazy-loading-status")
    {
        using var response = await Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Polls the status endpoint over HTTP until <paramref name="condition"/> holds; fails after a generous bound.</summary>
    public async Task<JsonElement> WaitForStatusAsync(Func<JsonElement, bool> condition, Action<JsonElement>? onEachSnapshot = null, string path = "/api/debug/lazy-loading-status")
    {
        // A liveness bound, not a speed assertion: only a hang reaches it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var status = await GetStatusAsync(path);
            onEachSnapshot?.Invoke(status);
            if (condition(status))
            {
                return status;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException("The status never reached the expected condition. Last status: " + status);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
