using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Internal;

namespace LazyMigrate;

/// <summary>
/// A value built by an asynchronous factory on first access (credential acquisition, model
/// download): no sync-over-async, one start under contention, cached afterwards.
/// </summary>
/// <remarks>
/// <para>The factory starts once, on the thread pool. Its token is cancelled only when every caller
/// waiting for the build has cancelled its own token (a caller without a cancellable token, background
/// loading and eager mode keep the build alive): one caller giving up never cancels the shared build
/// others still wait for. A build cancelled that way is not a failure: the next call starts a new one.</para>
/// <para>Failure policy (as <see cref="LazyPackage"/>): a failed or faulted build is reported to every
/// waiter as the same <see cref="LazyLoadException"/>, and to later callers until
/// <see cref="RetryDelay"/> has passed (or <see cref="Reset"/> is called); then the next call starts a new build.</para>
/// <para>With <c>LAZYMIGRATE_EAGER=1</c> (<see cref="LazyLoading.EagerMode"/>) the build starts in the constructor.</para>
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
public sealed class AsyncLazyValue<T> : ITrackedValue
{
    private readonly Func<CancellationToken, Task<T>> _factory;
    private readonly object _gate = new();
    private readonly string? _packageName;
    private readonly string? _declarationSite;
    private readonly string _declarationTag;
    private readonly ValueRecord _record = new();
    private LazyPackage? _package;
    private Attempt? _attempt;
    private long _failedAt;
    private volatile bool _hasValue;
    private T _value = default!;
    private UseSite? _firstUseSite;

    /// <summary>Declares a value not bound to any package.</summary>
    /// <param name="factory">Builds the value asynchronously.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public AsyncLazyValue(Func<CancellationToken, Task<T>> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
        : this(null, null, factory, CallSites.Declaration(declaringFile, declaringLine, declaringMember), CallSites.ShortDeclaration(declaringFile, declaringLine, declaringMember))
    {
    }

    /// <summary>Declares a value bound to a package (looked up by name at first access) that loads before the factory runs.</summary>
    /// <param name="packageName">Package name.</param>
    /// <param name="factory">Builds the value asynchronously.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public AsyncLazyValue(string packageName, Func<CancellationToken, Task<T>> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
        : this(packageName ?? throw new ArgumentNullException(nameof(packageName)), null, factory, CallSites.Declaration(declaringFile, declaringLine, declaringMember), CallSites.ShortDeclaration(declaringFile, declaringLine, declaringMember))
    {
    }

    /// <summary>Declares a value bound to a package object that loads before the factory runs.</summary>
    /// <param name="package">The package.</param>
    /// <param name="factory">Builds the value asynchronously.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public AsyncLazyValue(LazyPackage package, Func<CancellationToken, Task<T>> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
        : this(package?.Name, package ?? throw new ArgumentNullException(nameof(package)), factory, CallSites.Declaration(declaringFile, declaringLine, declaringMember), CallSites.ShortDeclaration(declaringFile, declaringLine, declaringMember))
    {
    }

    private AsyncLazyValue(string? packageName, LazyPackage? package, Func<CancellationToken, Task<T>> factory, string? declarationSite, string declarationTag)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _packageName = packageName;
        _package = package;
        _declarationSite = declarationSite;
        _declarationTag = declarationTag;
        RetryDelay = package?.RetryDelay ?? LazyLoading.DefaultRetryDelay;

        // Weakly, for the status and for background loading to build it after its package loads; resolves nothing now.
        TrackedValues.Track(this);
        if (LazyLoading.EagerMode)
        {
            // Started, not awaited (a constructor must not block on async work): a failure is recorded
            // and reported by the next call, the status and the eager host start.
            Observe(StartOrJoin(UseSite.Eager, cancellableWaiter: false).Task);
        }
    }

    /// <summary>True once the value was built successfully.</summary>
    public bool IsValueCreated => _hasValue;

    /// <summary>Where the value was declared.</summary>
    public string? DeclarationSite => _declarationSite;

    /// <summary>Where the value was first requested; <c>"background"</c> when background loading built it; null before.</summary>
    public string? FirstUseSite => Volatile.Read(ref _firstUseSite)?.ToString();

    /// <summary>How long a failure is reported before the next call retries.</summary>
    public TimeSpan RetryDelay { get; set; }

    /// <summary>
    /// The value: completes synchronously without allocation once built; otherwise starts (or
    /// joins) the single build and waits for it.
    /// </summary>
    /// <param name="cancellationToken">Cancels this caller's wait; the factory's token is cancelled once every waiting caller cancelled.</param>
    /// <returns>The value.</returns>
    /// <exception cref="LazyLoadException">The package or the factory failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<T> GetValueAsync(CancellationToken cancellationToken = default)
    {
        if (_hasValue)
        {
            return new ValueTask<T>(_value);
        }

        return GetSlowAsync(cancellationToken);
    }

    /// <summary>Forgets a failed build so the next call retries at once; false when the last build did not fail.</summary>
    /// <returns>True when a failure was cleared.</returns>
    public bool Reset()
    {
        lock (_gate)
        {
            if (_attempt?.Task is { IsFaulted: true } or { IsCanceled: true })
            {
                _attempt = null;
                _package?.Reset();
                _record.Cleared();
                return true;
            }

            return false;
        }
    }

    /// <inheritdoc />
    string? ITrackedValue.BoundPackageName => _packageName;

    /// <inheritdoc />
    LazyPackage? ITrackedValue.BoundPackage => Volatile.Read(ref _package);

    /// <inheritdoc />
    ValueStatus ITrackedValue.Snapshot(string? packageName)
        => _record.Snapshot(_declarationSite, packageName ?? _packageName, Volatile.Read(ref _firstUseSite), RetryDelay);

    /// <inheritdoc />
    async ValueTask ITrackedValue.BuildInBackgroundAsync()
    {
        try
        {
            await StartOrJoin(UseSite.Background, cancellableWaiter: false).Task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Recorded like a first-access failure: the next call reports it per the retry policy.
        }
    }

    private static void Observe(Task task)
        => task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private ValueTask<T> GetSlowAsync(CancellationToken cancellationToken)
    {
        var attempt = StartOrJoin(null, cancellationToken.CanBeCanceled);
        var task = attempt.Task;
        if (task.IsCompletedSuccessfully)
        {
            return new ValueTask<T>(task.Result);
        }

        return new ValueTask<T>(cancellationToken.CanBeCanceled ? WaitAsync(attempt, cancellationToken) : task);
    }

    private async Task<T> WaitAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await attempt.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !attempt.Task.IsCompleted)
        {
            Leave(attempt);
            throw;
        }
    }

    /// <summary>A cancellable waiter gave up: when it was the last one and nobody keeps the build alive, cancel the factory.</summary>
    private void Leave(Attempt attempt)
    {
        lock (_gate)
        {
            attempt.Waiters--;
            if (attempt.Waiters > 0 || attempt.KeptAlive || attempt.Task.IsCompleted)
            {
                return;
            }
        }

        attempt.Cancellation.Cancel();
    }

    /// <summary>The running or finished build, or a new one when none ran, the last was cancelled, or a failure's retry is due.</summary>
    private Attempt StartOrJoin(UseSite? trigger, bool cancellableWaiter)
    {
        Attempt attempt;
        lock (_gate)
        {
            attempt = _attempt!;
            var task = attempt?.Task;
            // An abandoned build (cancelled, or still unwinding its cancellation) is never joined.
            var retryDue = attempt is { Cancellation.IsCancellationRequested: true }
                || (task is { IsFaulted: true } && OnceRunner<T>.RetryDue(Volatile.Read(ref _failedAt), RetryDelay));
            if (attempt is null || retryDue)
            {
                var site = trigger ?? CallSites.FirstUserFrame();
                Interlocked.CompareExchange(ref _firstUseSite, site, null);
                attempt = new Attempt();
                var token = attempt.Cancellation.Token;

                // On the thread pool: the caller never runs (or blocks on) the factory's synchronous part.
                attempt.Task = Task.Run(() => BuildAsync(site, token));
                _attempt = attempt;
            }

            if (cancellableWaiter)
            {
                attempt.Waiters++;
            }
            else
            {
                attempt.KeptAlive = true;
            }
        }

        return attempt;
    }

    private async Task<T> BuildAsync(UseSite? site, CancellationToken cancellationToken)
    {
        var started = _record.Started();
        var startedAt = DateTimeOffset.UtcNow;
        var triggerKind = site?.Kind ?? UseSite.FirstAccessKind;
        using var activity = LazyMigrateDiagnostics.StartValueActivity(_declarationTag, _packageName, triggerKind);
        try
        {
            var package = _package;
            if (package is null && _packageName is not null)
            {
                package = LazyPackageRegistry.Default.Resolve(_packageName, _declarationSite, FirstUseSite);
                _package = package;
            }

            if (package is not null)
            {
                try
                {
                    package.EnsureLoaded(site, _declarationSite);
                }
                catch (LazyLoadException ex)
                {
                    var error = new LazyLoadException(package.Name, ex.FailedComponent, _declarationSite, FirstUseSite, ex.InnerException ?? ex);
                    _record.Failed(started, error, packageFailed: true);
                    throw error;
                }
            }

            T value;
            try
            {
                value = await _factory(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Every waiter gave up: not a failure, the next call builds anew.
                _record.Abandoned();
                throw;
            }
            catch (Exception ex)
            {
                var error = LazyLoadException.ForFactory(package?.Name ?? _packageName, LazyValue.DescribeFailure(ex), _declarationSite, FirstUseSite, ex);
                _record.Failed(started, error, packageFailed: false);
                throw error;
            }

            _record.Built(started);
            _value = value;
            _hasValue = true;
            LazyMigrateDiagnostics.RecordValueBuilt(_declarationTag, package?.Name, triggerKind);
            return value;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            if (ex is UnknownLazyPackageException unknown)
            {
                _record.Failed(started, unknown, packageFailed: false);
            }

            Volatile.Write(ref _failedAt, Stopwatch.GetTimestamp());
            LazyMigrateDiagnostics.RecordValueFailure(activity, _declarationTag, _package?.Name ?? _packageName, triggerKind, startedAt, ex.Message);
            throw;
        }
    }

    /// <summary>One build: its task, the token its factory gets, and who waits for it.</summary>
    private sealed class Attempt
    {
        public readonly CancellationTokenSource Cancellation = new();
        public Task<T> Task = null!;

        // Guarded by the value's gate.
        public int Waiters;
        public bool KeptAlive;
    }
}
