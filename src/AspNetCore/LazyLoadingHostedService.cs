using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LazyMigrate.AspNetCore;

/// <summary>
/// Preloads the selected packages of the registry in the background once the application has
/// started (<see cref="IHostApplicationLifetime.ApplicationStarted"/>), priority by priority with
/// bounded parallelism, logging one line per package. <see cref="StartAsync"/> returns at once, so
/// preloading never delays readiness; with <see cref="LazyLoadingOptions.Eager"/> (or
/// <c>LAZYMIGRATE_EAGER=1</c>) it instead loads the app's packages and builds their lazy values
/// during startup, fails startup when one of them is missing or fails, and otherwise marks the app
/// ready once the host has started, as in the lazy mode.
/// </summary>
/// <remarks>
/// On shutdown the loader stops starting loads and returns without waiting for a load already
/// running: a type or native-library load cannot be aborted, and the host should not wait for it.
/// </remarks>
public sealed partial class LazyLoadingHostedService : IHostedService, IDisposable
{
    // How often progress is checked for the per-package log lines while loading runs.
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    private readonly LazyPackageRegistry _registry;
    private readonly LazyLoadingOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<LazyLoadingHostedService> _logger;
    private readonly LazyLoadingSelection _selection;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> _reported = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private CancellationTokenRegistration _startedRegistration;
    private Task? _loading;
    private bool _disposed;

    /// <summary>Creates the loader (the container does this).</summary>
    /// <param name="registry">The registry to preload.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="lifetime">The host lifetime; loading starts on <see cref="IHostApplicationLifetime.ApplicationStarted"/>.</param>
    /// <param name="logger">Receives one line per package.</param>
    public LazyLoadingHostedService(
        LazyPackageRegistry registry,
        IOptions<LazyLoadingOptions> options,
        IHostApplicationLifetime lifetime,
        ILogger<LazyLoadingHostedService> logger)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _lifetime = lifetime ?? throw new ArgumentNullException(nameof(lifetime));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _selection = new LazyLoadingSelection(_options);
    }

    /// <summary>
    /// Completes when preloading has settled (every selected package loaded, failed or was skipped),
    /// or was disabled; cancelled when the host stopped first.
    /// </summary>
    public Task Completion => _completion.Task;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled(_logger);
            _completion.TrySetResult();
            return Task.CompletedTask;
        }

        if (_options.Eager || LazyLoading.EagerMode)
        {
            return LoadEagerlyAsync(cancellationToken);
        }

        // Only register: the work starts after every hosted service started and the server listens.
        _startedRegistration = _lifetime.ApplicationStarted.Register(OnApplicationStarted);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? loading;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stopping.Cancel();
            loading = _loading;
        }

        _startedRegistration.Dispose();
        if (loading is null)
        {
            _completion.TrySetCanceled(_stopping.Token);
            return;
        }

        try
        {
            // RunAsync exits on cancellation without waiting for running loads, so this is prompt;
            // the host's shutdown token still bounds it.
            await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout elapsed; nothing more to do.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _startedRegistration.Dispose();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // A host disposed without a completed StopAsync still stops the loader.
            _disposed = true;
            _stopping.Cancel();
        }

        _stopping.Dispose();
    }

    private void OnApplicationStarted()
    {
        MarkReady();

        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var token = _stopping.Token;
            _loading = Task.Run(() => RunAsync(token));
        }
    }

    private void MarkReady()
    {
        try
        {
            LazyLoading.MarkReady();
        }
        catch (Exception ex)
        {
            // A profiler's ready callback failed: report it, but preloading does not depend on it.
            LogReadyCallbackFailed(_logger, ex);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        Task? work = null;
        try
        {
            if (_options.DelayAfterReady > TimeSpan.Zero)
            {
                await Task.Delay(_options.DelayAfterReady, cancellationToken).ConfigureAwait(false);
            }

            LogStarting(_logger, _options.MaxPriority, _options.MaxParallelism);
            work = _registry.StartBackgroundLoading(_selection.ToBackgroundOptions(_options), cancellationToken);
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(s_pollInterval, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                ReportSettledPackages();
            }

            await work.ConfigureAwait(false);
            ReportSettledPackages();
            LogSummary(_registry.GetStatus());
            _completion.TrySetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (work is { IsCompleted: false })
            {
                ObserveAbandoned(work);
            }

            ReportSettledPackages();
            LogStopped(_logger);
            _completion.TrySetCanceled(cancellationToken);
        }
        catch (Exception ex)
        {
            // A bug, not a package failure (those are in the status): log it, never crash the host.
            LogUnexpected(_logger, ex);
            Fail(ex);
        }
    }

    private async Task LoadEagerlyAsync(CancellationToken cancellationToken)
    {
        LogEager(_logger);

        // The app's own packages and those its lazy values name are attempted even when the dependency
        // list lacks them: a missing one must fail startup here, not be skipped as "not present".
        // Catalog entries the app neither contains nor names are not selected at all.
        var options = _selection.ToBackgroundOptions(_options);
        options.OnlyAvailable = false;
        await _registry.StartBackgroundLoading(options, cancellationToken).ConfigureAwait(false);
        ReportSettledPackages();
        var status = _registry.GetStatus();
        var problems = new List<string>();
        var failedPackages = 0;
        foreach (var package in status.Packages)
        {
            if (!_selection.Contains(package.Name, package.Priority) || package.State is not (LazyPackageState.Failed or LazyPackageState.NotPresent))
            {
                continue;
            }

            failedPackages++;
            var namedBy = status.Values
                .Where(v => string.Equals(v.Package, package.Name, StringComparison.OrdinalIgnoreCase))
                .Select(v => v.DeclarationSite ?? "(unknown)")
                .ToList();
            var origin = package.IsBuiltIn ? "a built-in catalog package" : "registered at " + (package.DeclarationSite ?? "(unknown)");
            var problem = $"'{package.Name}' ({origin}"
                + (namedBy.Count == 0 ? string.Empty : "; named by the lazy values declared at " + string.Join(", ", namedBy))
                + $"): {package.Error ?? "not present in the application"}";
            problems.Add(problem);
        }

        var failedValues = 0;
        foreach (var value in status.Values)
        {
            // A value whose package failed is covered by that package; a factory failure or an unknown package name is the value's own.
            if (value.State == LazyValueState.Failed && !IsDeselected(status, value.Package))
            {
                failedValues++;
                problems.Add($"lazy value declared at {value.DeclarationSite ?? "(unknown)"}: {value.Error}");
            }
        }

        if (problems.Count > 0)
        {
            var error = new LazyLoadException(
                $"Eager lazy loading failed for {failedPackages} package(s) and {failedValues} lazy value(s) (LazyLoading:Eager or LAZYMIGRATE_EAGER=1):"
                + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", problems));
            Fail(error);
            throw error;
        }

        LogSummary(status);
        _completion.TrySetResult();

        // Ready once the host has started, exactly as in the lazy mode: work waiting on
        // LazyLoading.WhenReady (and a profiler's ready snapshot) must not wait forever in CI.
        _startedRegistration = _lifetime.ApplicationStarted.Register(MarkReady);
    }

    /// <summary>True when the options leave the value's package out of preloading (its values are then not the loader's business).</summary>
    private bool IsDeselected(LazyLoadingStatus status, string? packageName)
    {
        foreach (var package in status.Packages)
        {
            if (string.Equals(package.Name, packageName, StringComparison.OrdinalIgnoreCase))
            {
                return !_selection.Contains(package.Name, package.Priority);
            }
        }

        return false;
    }

    private void Fail(Exception exception)
    {
        _completion.TrySetException(exception);

        // Already logged or thrown to the host: reading Exception marks the fault observed, so an
        // app that never awaits Completion gets no UnobservedTaskException for it.
        _ = _completion.Task.Exception;
    }

    // After a shutdown the runtime's task outlives RunAsync (a running load cannot be aborted); a
    // fault it might still produce is logged rather than raised as UnobservedTaskException.
    private void ObserveAbandoned(Task work)
        => work.ContinueWith(
            static (task, state) =>
            {
                if (task.Exception is { } exception)
                {
                    LogUnexpected((ILogger)state!, exception.GetBaseException());
                }
            },
            _logger,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private void ReportSettledPackages()
    {
        foreach (var package in _registry.GetStatus().Packages)
        {
            if (!_selection.Contains(package.Name, package.Priority) || _reported.Contains(package.Name))
            {
                continue;
            }

            switch (package.State)
            {
                case LazyPackageState.Loaded:
                    LogLoaded(_logger, package.Name, package.Priority, package.LoadTimeMs ?? 0, package.Trigger ?? "unknown");
                    break;
                case LazyPackageState.Failed:
                    LogFailed(_logger, package.Name, package.Priority, package.LoadTimeMs ?? 0, package.Error ?? "unknown error");
                    break;
                case LazyPackageState.NotPresent when package.IsBuiltIn:
                    LogNotPresent(_logger, package.Name, package.Priority);
                    break;
                case LazyPackageState.NotPresent:
                    // The app registered it or a lazy value names it: its absence is a defect, not noise.
                    LogRegisteredNotPresent(_logger, package.Name, package.Priority);
                    break;
                default:
                    continue;
            }

            _reported.Add(package.Name);
        }
    }

    private void LogSummary(LazyLoadingStatus status)
    {
        int loaded = 0, failed = 0, notPresent = 0;
        foreach (var package in status.Packages)
        {
            if (!_selection.Contains(package.Name, package.Priority))
            {
                continue;
            }

            switch (package.State)
            {
                case LazyPackageState.Loaded:
                    loaded++;
                    break;
                case LazyPackageState.Failed:
                    failed++;
                    break;
                case LazyPackageState.NotPresent:
                    notPresent++;
                    break;
            }
        }

        LogCompleted(_logger, loaded, failed, notPresent);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Lazy loading: background preloading of priorities 1..{MaxPriority} started (max parallelism {MaxParallelism})")]
    private static partial void LogStarting(ILogger logger, int maxPriority, int maxParallelism);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Lazy loading: package {Package} (priority {Priority}) loaded in {ElapsedMs:F0} ms (trigger: {Trigger})")]
    private static partial void LogLoaded(ILogger logger, string package, int priority, double elapsedMs, string trigger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Lazy loading: package {Package} (priority {Priority}) failed after {ElapsedMs:F0} ms: {Reason}")]
    private static partial void LogFailed(ILogger logger, string package, int priority, double elapsedMs, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Lazy loading: package {Package} (priority {Priority}) is not present in the application; skipped")]
    private static partial void LogNotPresent(ILogger logger, string package, int priority);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Lazy loading: background preloading completed: {Loaded} loaded, {Failed} failed, {NotPresent} not present")]
    private static partial void LogCompleted(ILogger logger, int loaded, int failed, int notPresent);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Lazy loading: background preloading stopped by host shutdown; loads already running finish on their own")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Lazy loading: background preloading is disabled (LazyLoading:Enabled=false); packages load on first access")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Lazy loading: eager mode, loading every selected package before the application starts")]
    private static partial void LogEager(ILogger logger);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Lazy loading: background preloading failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Lazy loading: the ready callback installed under LazyMigrate.ReadyCallback failed")]
    private static partial void LogReadyCallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Lazy loading: package {Package} (priority {Priority}) is registered or named by a lazy value but not present in the application; features that need it will fail")]
    private static partial void LogRegisteredNotPresent(ILogger logger, string package, int priority);
}
