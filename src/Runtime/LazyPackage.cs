using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Catalog;
using LazyMigrate.Internal;

namespace LazyMigrate;

/// <summary>
/// A named heavy package: its assemblies, native libraries and an optional warm-up step, loaded
/// exactly once on first access (or by background loading) and then cached. Create packages with
/// <see cref="LazyPackageRegistry.Register(string, int, IEnumerable{string}, IEnumerable{string}?, Action?, string, int, string)"/>.
/// </summary>
/// <remarks>
/// <para>Loading: the first assembly listed is the package's main assembly and must load; the other
/// assemblies load when the app contains them (prefix patterns such as <c>Azure.*</c> expand to the
/// matching assemblies of the app's dependency list). Native libraries are looked up in the app's
/// native directories (NATIVE_DLL_SEARCH_DIRECTORIES, <c>runtimes/&lt;rid&gt;/native</c>, the app
/// folder); those the app ships must load, the others are skipped (catalog entries list alternatives
/// for several platforms). Then the warm-up runs.</para>
/// <para>Retry policy: a failed load is not sticky. Every caller waiting on the failed attempt gets
/// the same <see cref="LazyLoadException"/>; later callers get it too until <see cref="RetryDelay"/>
/// has passed since the failure, then the next access starts a new attempt. <see cref="Reset"/>
/// allows the next access to retry at once.</para>
/// </remarks>
[DebuggerDisplay("{Name,nq} ({State})")]
public sealed class LazyPackage
{
    private readonly OnceRunner<bool> _runner = new();
    private readonly string[] _assemblies;
    private readonly string[] _nativeLibraries;
    private readonly Action? _warmUp;
    private volatile int _state;
    private volatile bool _loaded;
    private long _loadStartedAt;
    private double? _loadTimeMs;
    private UseSite? _trigger;
    private string? _lastError;
    private LazyLoadException? _lastFailure;
    private string? _failedComponent;
    private DateTimeOffset? _failedAt;
    private string[] _loadedAssemblies = Array.Empty<string>();
    private string[] _loadedNativeLibraries = Array.Empty<string>();

    internal LazyPackage(string name, int priority, string[] assemblies, string[] nativeLibraries, Action? warmUp, string? description, string? declarationSite, bool isBuiltIn)
    {
        Name = name;
        Priority = priority;
        _assemblies = assemblies;
        _nativeLibraries = nativeLibraries;
        _warmUp = warmUp;
        Description = description;
        DeclarationSite = declarationSite;
        IsBuiltIn = isBuiltIn;
        RetryDelay = LazyLoading.DefaultRetryDelay;
    }

    /// <summary>The package name (NuGet id or family name).</summary>
    public string Name { get; }

    /// <summary>Background-loading priority: 1 loads first, 3 last.</summary>
    public int Priority { get; }

    /// <summary>Assembly simple names or prefix patterns (ending in <c>*</c>); the first is the main assembly.</summary>
    public IReadOnlyList<string> Assemblies => _assemblies;

    /// <summary>Native library base names (no <c>lib</c> prefix, no extension).</summary>
    public IReadOnlyList<string> NativeLibraries => _nativeLibraries;

    /// <summary>What the package is, for reports; null for user packages without a description.</summary>
    public string? Description { get; }

    /// <summary>True for packages pre-registered from the built-in catalog.</summary>
    public bool IsBuiltIn { get; }

    /// <summary>Where the package was registered (<c>file:line (member)</c>), or "built-in catalog".</summary>
    public string? DeclarationSite { get; }

    /// <summary>The current state.</summary>
    public LazyPackageState State => (LazyPackageState)_state;

    /// <summary>True once the package loaded successfully.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>The message of the last failure, or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>The failure of the last completed attempt (its <see cref="Exception.InnerException"/> is the original error), or null.</summary>
    public LazyLoadException? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>
    /// How long a failure is reported before the next access retries (default
    /// <see cref="LazyLoading.DefaultRetryDelay"/>). <see cref="TimeSpan.Zero"/> retries on every access
    /// after the failed attempt completed; <see cref="Timeout.InfiniteTimeSpan"/> never retries until <see cref="Reset"/>.
    /// </summary>
    public TimeSpan RetryDelay { get; set; }

    /// <summary>
    /// True when the app contains the package's main assembly (or, for a pattern, any matching
    /// assembly) or lists the package in its .deps.json. Answered from the host's dependency lists;
    /// loads nothing.
    /// </summary>
    public bool IsAvailable
    {
        get
        {
            if (_assemblies.Length == 0)
            {
                return true;
            }

            var dependencies = AppDependencies.Current;
            return dependencies.IsAssemblyPresent(_assemblies[0]) || dependencies.PackageIds.Contains(Name)
                || IsAbsentFamilyName(dependencies, _assemblies);
        }
    }

    /// <summary>Load time of the last completed attempt in milliseconds, or null.</summary>
    public double? LoadTimeMs
    {
        get
        {
            lock (_runner)
            {
                return _loadTimeMs;
            }
        }
    }

    /// <summary>What triggered the current or last load: "background", "eager" or the first-use call site.</summary>
    public string? Trigger => Volatile.Read(ref _trigger)?.ToString();

    /// <summary>Loads the package (once) or throws <see cref="LazyLoadException"/>; waits if another thread is loading it.</summary>
    /// <exception cref="LazyLoadException">An assembly, native library or the warm-up failed.</exception>
    public void EnsureLoaded()
    {
        if (_loaded)
        {
            return;
        }

        EnsureLoadedSlow(null, null);
    }

    /// <summary>
    /// Loads the package on the thread pool (once) and completes when it is loaded. Cancelling
    /// <paramref name="cancellationToken"/> abandons only this caller's wait; the load goes on.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that faults with <see cref="LazyLoadException"/> when the load fails.</returns>
    public Task EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return Task.CompletedTask;
        }

        var site = CallSites.FirstUserFrame();
        var task = _runner.Start(() => Load(site, null), RetryDelay);
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Forgets a failed load so the next access retries immediately. Returns false (and does
    /// nothing) when the package is not in the failed state; a loaded package cannot be unloaded.
    /// </summary>
    /// <returns>True when a failure was cleared.</returns>
    public bool Reset()
    {
        if (!_runner.Reset())
        {
            return false;
        }

        Interlocked.CompareExchange(ref _state, (int)LazyPackageState.NotLoaded, (int)LazyPackageState.Failed);
        return true;
    }

    /// <summary>
    /// Declares a lazy value bound to this package, for the parts an app takes from one package (a
    /// module, a helper class, a loaded model) that should share its single load:
    /// <c>static readonly LazyValue s_nn = torch.Export(CreateNn);</c>.
    /// </summary>
    /// <param name="factory">Builds the value after the package loaded.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    /// <returns>The lazy value.</returns>
    public LazyValue Export(Func<object> factory,
        [CallerFilePath] string declaringFile = "",
        [CallerLineNumber] int declaringLine = 0,
        [CallerMemberName] string declaringMember = "")
        => new(this, factory, declaringFile, declaringLine, declaringMember);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({State})";

    internal void EnsureLoaded(UseSite? trigger, string? declarationSite)
    {
        if (_loaded)
        {
            return;
        }

        EnsureLoadedSlow(trigger, declarationSite);
    }

    /// <summary>Starts a load on the thread pool for background loading; never throws.</summary>
    internal Task StartLoad(UseSite trigger) => _runner.Start(() => Load(trigger, null), RetryDelay);

    internal void MarkNotPresent()
    {
        Interlocked.CompareExchange(ref _state, (int)LazyPackageState.NotPresent, (int)LazyPackageState.NotLoaded);
    }

    internal PackageStatus Snapshot()
    {
        // The first-use site's file:line may be read from symbols now: outside the lock a load takes.
        var trigger = Volatile.Read(ref _trigger)?.ToString();
        lock (_runner)
        {
            var state = State;
            double? loadTime = _loadTimeMs;
            if (state == LazyPackageState.Loading && _loadStartedAt != 0)
            {
                loadTime = Stopwatch.GetElapsedTime(_loadStartedAt).TotalMilliseconds;
            }

            return new PackageStatus(
                Name,
                state,
                Priority,
                loadTime,
                state == LazyPackageState.Failed ? _lastError : null,
                trigger,
                _assemblies,
                _loadedAssemblies,
                _loadedNativeLibraries,
                IsBuiltIn,
                DeclarationSite,
                state == LazyPackageState.Failed ? _failedComponent : null,
                state == LazyPackageState.Failed ? ValueRecord.NextRetry(_failedAt, RetryDelay) : null);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnsureLoadedSlow(UseSite? trigger, string? declarationSite)
    {
        // The caller's site is captured only by the thread that runs the load (slow path, once).
        _runner.Run(() => Load(trigger ?? CallSites.FirstUserFrame(), declarationSite), RetryDelay);
    }

    private bool Load(UseSite? trigger, string? valueDeclarationSite)
    {
        var triggerKind = trigger?.Kind ?? UseSite.FirstAccessKind;
        var started = Stopwatch.GetTimestamp();
        lock (_runner)
        {
            _trigger = trigger;
            _loadStartedAt = started;
            _lastError = null;
            _state = (int)LazyPackageState.Loading;
        }

        using var activity = LazyMigrateDiagnostics.StartLoadActivity(Name, Priority, triggerKind);
        var loadedAssemblies = new List<string>();
        var loadedNatives = new List<string>();
        string? component = null;
        try
        {
            var dependencies = _assemblies.Length > 0 || _nativeLibraries.Length > 0 ? AppDependencies.Current : null;
            // The first name is the package's main assembly and must load, unless it is a family name
            // with no DLL of its own (ML.NET has no Microsoft.ML.dll, only Microsoft.ML.*) while the
            // package's other patterns match assemblies the app contains.
            var familyName = _assemblies.Length > 0 && IsAbsentFamilyName(dependencies!, _assemblies);
            if (familyName)
            {
                // Still try it: it may be resolvable outside the dependency lists (a plugin folder).
                TryLoadOptional(_assemblies[0], loadedAssemblies);
            }

            var ownedByCatalog = HeavyPackageCatalog.FindByName(Name) is not null;
            for (var i = familyName ? 1 : 0; i < _assemblies.Length; i++)
            {
                LoadAssemblies(dependencies!, _assemblies[i], isMain: i == 0, ownedByCatalog ? Name : null, loadedAssemblies, ref component);
            }

            foreach (var native in _nativeLibraries)
            {
                var path = dependencies!.FindNativeLibrary(native);
                if (path is null)
                {
                    continue;
                }

                // The file name only: this text reaches health checks and logs, which must not show local paths.
                component = $"native library '{Path.GetFileName(path)}'";
                NativeLibrary.Load(path);
                loadedNatives.Add(Path.GetFileName(path));
            }

            if (_warmUp is not null)
            {
                component = "warm-up";
                _warmUp();
            }
        }
        catch (Exception ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var error = new LazyLoadException(Name, component, valueDeclarationSite ?? DeclarationSite, trigger?.ToString(), ex);
            lock (_runner)
            {
                _loadTimeMs = elapsed;
                _lastError = error.Message;
                _failedComponent = component;
                _failedAt = DateTimeOffset.UtcNow;
                _lastFailure = error;
                _loadedAssemblies = loadedAssemblies.ToArray();
                _loadedNativeLibraries = loadedNatives.ToArray();
                _state = (int)LazyPackageState.Failed;
            }

            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            LazyMigrateDiagnostics.RecordLoad(Name, Priority, triggerKind, elapsed, success: false);
            throw error;
        }

        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_runner)
        {
            _loadTimeMs = total;
            _loadedAssemblies = loadedAssemblies.ToArray();
            _loadedNativeLibraries = loadedNatives.ToArray();
            _lastFailure = null;
            _state = (int)LazyPackageState.Loaded;
        }

        _loaded = true;
        LazyMigrateDiagnostics.RecordLoad(Name, Priority, triggerKind, total, success: true);
        return true;
    }

    private static bool IsAbsentFamilyName(AppDependencies dependencies, string[] assemblies)
    {
        var main = assemblies[0];
        if (main.EndsWith('*') || dependencies.IsAssemblyPresent(main))
        {
            return false;
        }

        for (var i = 1; i < assemblies.Length; i++)
        {
            if (dependencies.IsAssemblyPresent(assemblies[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void TryLoadOptional(string name, List<string> loaded)
    {
        try
        {
            loaded.Add(Assembly.Load(new AssemblyName(name)).GetName().Name ?? name);
        }
        catch (FileNotFoundException)
        {
            // Expected for a family name: the package ships only its members.
        }
    }

    // catalogPackage: this package's catalog name when it is a catalog package; a wildcard then skips
    // assemblies the catalog gives to another package (Microsoft.ML.* must not load Microsoft.ML.OnnxRuntime).
    private static void LoadAssemblies(AppDependencies dependencies, string pattern, bool isMain, string? catalogPackage, List<string> loaded, ref string? component)
    {
        if (pattern.EndsWith('*'))
        {
            var names = dependencies.MatchingAssemblies(pattern);
            if (catalogPackage is not null)
            {
                names.RemoveAll(n => HeavyPackageCatalog.FindByAssembly(n) is { } owner
                    && !string.Equals(owner.Name, catalogPackage, StringComparison.OrdinalIgnoreCase));
            }

            if (names.Count == 0 && isMain)
            {
                component = $"assembly '{pattern}'";
                throw new FileNotFoundException($"The app contains no assembly matching '{pattern}' (checked TRUSTED_PLATFORM_ASSEMBLIES and the .deps.json files).");
            }

            foreach (var name in names)
            {
                component = $"assembly '{name}'";
                loaded.Add(Assembly.Load(new AssemblyName(name)).GetName().Name ?? name);
            }

            return;
        }

        // The main assembly is always attempted (it may be resolvable outside the dependency lists);
        // companions the app does not contain are optional.
        if (!isMain && !dependencies.IsAssemblyPresent(pattern))
        {
            return;
        }

        component = $"assembly '{pattern}'";
        loaded.Add(Assembly.Load(new AssemblyName(pattern)).GetName().Name ?? pattern);
    }
}
