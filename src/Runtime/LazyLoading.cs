using System;
using System.Threading;
using System.Threading.Tasks;

namespace LazyMigrate;

/// <summary>Process-wide switches and shortcuts: eager mode, the ready signal, background loading and status of the default registry.</summary>
public static class LazyLoading
{
    /// <summary>Environment variable that turns on <see cref="EagerMode"/> when set to <c>1</c> or <c>true</c>.</summary>
    public const string EagerEnvironmentVariable = "LAZYMIGRATE_EAGER";

    /// <summary>
    /// AppContext data name a profiler (e.g. the LazyMigrate startup hook) sets to an <see cref="Action"/>
    /// that <see cref="MarkReady"/> invokes: <c>AppContext.SetData("LazyMigrate.ReadyCallback", action)</c>.
    /// </summary>
    public const string ReadyCallbackDataName = "LazyMigrate.ReadyCallback";

    private static long s_readyAtUtcTicks;

    // Released after the profiler callback, so work waiting for readiness never runs before the ready snapshot.
    private static readonly TaskCompletionSource s_ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// True when <c>LAZYMIGRATE_EAGER=1</c> (read once per process): lazy values build in their
    /// constructor (<see cref="AsyncLazyValue{T}"/> starts its build there) and user packages load at
    /// registration, so a missing package fails fast in tests and CI. Built-in catalog entries never
    /// load eagerly (an app contains only some of them).
    /// </summary>
    public static bool EagerMode { get; } = ReadEagerMode();

    /// <summary>
    /// Default <see cref="LazyPackage.RetryDelay"/> for packages and lazy values created afterwards:
    /// 30 seconds. A failure is reported to every caller until the delay passed, then the next access retries.
    /// </summary>
    public static TimeSpan DefaultRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a first access records its call site (the first user frame) for status and errors.
    /// Default true. The first access walks the stack without reading symbols; the frame's file and
    /// line are read from the PDB only when an error message or the status needs them. Turn it off
    /// where even the stack walk matters.
    /// </summary>
    public static bool CaptureFirstUseSites { get; set; } = true;

    /// <summary>True once <see cref="MarkReady"/> was called.</summary>
    public static bool IsReady => Volatile.Read(ref s_readyAtUtcTicks) != 0;

    /// <summary>When <see cref="MarkReady"/> was first called (UTC), or null.</summary>
    public static DateTimeOffset? ReadyAt
    {
        get
        {
            var ticks = Volatile.Read(ref s_readyAtUtcTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// The app's "I'm ready" signal (e.g. after the host started listening). Records the time once
    /// and invokes the callback a profiler may have installed under <see cref="ReadyCallbackDataName"/>.
    /// Later calls do nothing. Exceptions from the callback propagate: a broken profiler should be visible.
    /// </summary>
    /// <returns>True for the first call.</returns>
    public static bool MarkReady()
    {
        if (Interlocked.CompareExchange(ref s_readyAtUtcTicks, DateTimeOffset.UtcNow.UtcTicks, 0) != 0)
        {
            return false;
        }

        try
        {
            if (AppContext.GetData(ReadyCallbackDataName) is Action callback)
            {
                callback();
            }
        }
        finally
        {
            s_ready.TrySetResult();
        }

        return true;
    }

    /// <summary>
    /// Completes when <see cref="MarkReady"/> is called (at once if it was). Background work that
    /// must not compete with startup awaits it first, e.g. a <c>BackgroundService</c>'s
    /// <c>ExecuteAsync</c>: <c>await LazyLoading.WhenReady(stoppingToken);</c>. Continuations run
    /// on the thread pool, never inside <see cref="MarkReady"/>. An app that never calls
    /// <see cref="MarkReady"/> never completes this task: <c>LazyMigrate.AspNetCore</c> calls it
    /// when the host has started.
    /// </summary>
    /// <param name="cancellationToken">Abandons the wait (the task is then cancelled).</param>
    /// <returns>A task that completes when the app is ready.</returns>
    public static Task WhenReady(CancellationToken cancellationToken = default)
        => cancellationToken.CanBeCanceled ? s_ready.Task.WaitAsync(cancellationToken) : s_ready.Task;

    /// <summary>Starts background loading on <see cref="LazyPackageRegistry.Default"/>; see <see cref="LazyPackageRegistry.StartBackgroundLoading"/>.</summary>
    /// <param name="options">Options; null uses the defaults.</param>
    /// <param name="cancellationToken">Stops the background loading.</param>
    /// <returns>The background work.</returns>
    public static Task StartBackgroundLoading(BackgroundLoadingOptions? options = null, CancellationToken cancellationToken = default)
        => LazyPackageRegistry.Default.StartBackgroundLoading(options, cancellationToken);

    /// <summary>The status of <see cref="LazyPackageRegistry.Default"/>.</summary>
    /// <returns>The snapshot.</returns>
    public static LazyLoadingStatus GetStatus() => LazyPackageRegistry.Default.GetStatus();

    private static bool ReadEagerMode()
    {
        var value = Environment.GetEnvironmentVariable(EagerEnvironmentVariable);
        return value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
    }
}
