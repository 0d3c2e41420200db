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
/// <para>The factory starts once, on the thread pool, and receives <see cref="CancellationToken.None"/>:
/// a caller's token cancels only that caller's wait, never the shared build other callers wait for.</para>
/// <para>Failure policy (as <see cref="LazyPackage"/>): a failed or faulted build is reported to every
/// waiter as the same <see cref="LazyLoadException"/>, and to later callers until
/// <see cref="RetryDelay"/> has passed (or <see cref="Reset"/> is called); then the next call starts a new build.</para>
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
public sealed class AsyncLazyValue<T> : IPackageBoundValue
{
    private readonly Func<CancellationToken, Task<T>> _factory;
    private readonly object _gate = new();
    private readonly string? _packageName;
    private readonly string? _declarationSite;
    private LazyPackage? _package;
    private Task<T>? _task;
    private long _failedAt;
    private volatile bool _hasValue;
    private T _value = default!;
    private string? _firstUseSite;

    /// <summary>Declares a value not bound to any package.</summary>
    /// <param name="factory">Builds the value asynchronously.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public AsyncLazyValue(Func<CancellationToken, Task<T>> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
        : this(null, null, factory, CallSites.Declaration(declaringFile, declaringLine, declaringMember))
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
        : this(packageName ?? throw new ArgumentNullException(nameof(packageName)), null, factory, CallSites.Declaration(declaringFile, declaringLine, declaringMember))
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
        : this(package?.Name, package ?? throw new ArgumentNullException(nameof(package)), factory, CallSites.Declaration(declaringFile, declaringLine, declaringMember))
    {
    }

    private AsyncLazyValue(string? packageName, LazyPackage? package, Func<CancellationToken, Task<T>> factory, string? declarationSite)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _packageName = packageName;
        _package = package;
        _declarationSite = declarationSite;
        RetryDelay = package?.RetryDelay ?? LazyLoading.DefaultRetryDelay;
        if (packageName is not null)
        {
            // Weakly, for background loading to build it after its package loads; resolves nothing now.
            PackageBoundValues.Track(this);
        }
    }

    /// <summary>True once the value was built successfully.</summary>
    public bool IsValueCreated => _hasValue;

    /// <summary>Where the value was declared.</summary>
    public string? DeclarationSite => _declarationSite;

    /// <summary>Where the value was first requested; <c>"background"</c> when background loading built it; null before.</summary>
    public string? FirstUseSite => Volatile.Read(ref _firstUseSite);

    /// <summary>How long a failure is reported before the next call retries.</summary>
    public TimeSpan RetryDelay { get; set; }

    /// <summary>
    /// The value: completes synchronously without allocation once built; otherwise starts (or
    /// joins) the single build and waits for it.
    /// </summary>
    /// <param name="cancellationToken">Cancels this caller's wait only.</param>
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
            if (_task is { IsFaulted: true } or { IsCanceled: true })
            {
                _task = null;
                _package?.Reset();
                return true;
            }

            return false;
        }
    }

    /// <inheritdoc />
    string? IPackageBoundValue.BoundPackageName => _packageName;

    /// <inheritdoc />
    LazyPackage? IPackageBoundValue.BoundPackage => Volatile.Read(ref _package);

    /// <inheritdoc />
    async ValueTask IPackageBoundValue.BuildInBackgroundAsync()
    {
        try
        {
            await StartOrJoin("background").ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Recorded like a first-access failure: the next call reports it per the retry policy.
        }
    }

    private ValueTask<T> GetSlowAsync(CancellationToken cancellationToken)
    {
        var task = StartOrJoin(null);
        if (task.IsCompletedSuccessfully)
        {
            return new ValueTask<T>(task.Result);
        }

        return new ValueTask<T>(cancellationToken.CanBeCanceled ? task.WaitAsync(cancellationToken) : task);
    }

    /// <summary>The running or finished build, or a new one when none ran or a failure's retry is due.</summary>
    private Task<T> StartOrJoin(string? trigger)
    {
        Task<T> task;
        lock (_gate)
        {
            task = _task!;
            var retryDue = task is { IsFaulted: true } or { IsCanceled: true } && OnceRunner<T>.RetryDue(Volatile.Read(ref _failedAt), RetryDelay);
            if (task is null || retryDue)
            {
                var site = trigger ?? CallSites.FirstUserFrame();
                Interlocked.CompareExchange(ref _firstUseSite, site, null);

                // On the thread pool: the caller never runs (or blocks on) the factory's synchronous part.
                task = Task.Run(() => BuildAsync(site));
                _task = task;
            }
        }

        return task;
    }

    private async Task<T> BuildAsync(string? site)
    {
        try
        {
            var package = _package;
            if (package is null && _packageName is not null)
            {
                package = LazyPackageRegistry.Default.Resolve(_packageName);
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
                    throw new LazyLoadException(package.Name, ex.FailedComponent, _declarationSite, FirstUseSite, ex.InnerException ?? ex);
                }
            }

            T value;
            try
            {
                value = await _factory(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                throw new LazyLoadException(package?.Name ?? "(no package)", LazyValue.DescribeFailure(ex), _declarationSite, FirstUseSite, ex);
            }

            _value = value;
            _hasValue = true;
            return value;
        }
        catch
        {
            Volatile.Write(ref _failedAt, Stopwatch.GetTimestamp());
            throw;
        }
    }
}
