using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Threading;

namespace LazyMigrate.StartupHook;

/// <summary>
/// Calls back when the .NET generic host (ASP.NET Core's <c>WebApplication</c>, a worker's <c>Host</c>) raises
/// <c>ApplicationStarted</c>, without any change to the app: the host announces every host it builds on the
/// <c>Microsoft.Extensions.Hosting</c> diagnostic listener (event <c>HostBuilt</c>, payload the host), and the
/// host's <c>IHostApplicationLifetime</c> exposes the started token. Everything is reached by reflection, so the
/// hook references no hosting assembly and loads nothing the app would not load anyway.
/// </summary>
internal sealed class HostStartedListener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string ListenerName = "Microsoft.Extensions.Hosting";
    private const string HostBuiltEvent = "HostBuilt";

    private readonly Action _onStarted;
    private readonly List<IDisposable> _subscriptions = new();

    private HostStartedListener(Action onStarted) => _onStarted = onStarted;

    public static void Start(Action onStarted)
    {
        var listener = new HostStartedListener(onStarted);
        listener._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(listener));
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == ListenerName)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != HostBuiltEvent || value.Value is not { } host)
        {
            return;
        }

        try
        {
            var hostInterface = host.GetType().GetInterface("Microsoft.Extensions.Hosting.IHost");
            var services = hostInterface?.GetProperty("Services")?.GetValue(host) as IServiceProvider;
            var lifetimeType = hostInterface?.Assembly.GetType("Microsoft.Extensions.Hosting.IHostApplicationLifetime");
            var lifetime = lifetimeType is null ? null : services?.GetService(lifetimeType);
            if (lifetime is not null && lifetimeType!.GetProperty("ApplicationStarted")?.GetValue(lifetime) is CancellationToken started)
            {
                started.Register(_onStarted);
            }
        }
        catch (Exception ex) when (ex is TargetInvocationException or InvalidOperationException or ObjectDisposedException)
        {
            // A host without the usual services: the app stays unready until it exits.
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
