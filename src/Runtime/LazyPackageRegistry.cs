using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Catalog;
using LazyMigrate.Internal;

namespace LazyMigrate;

/// <summary>
/// The set of known heavy packages. <see cref="Default"/> is pre-registered from the built-in
/// catalog (TorchSharp, ML.NET, ONNX Runtime, SkiaSharp, ImageSharp, Magick.NET, OpenCvSharp,
/// NetVips, MathNet.Numerics, LibGit2Sharp, EF Core, Azure SDK, AWS SDK, Lucene.Net) with
/// priorities 1–3; apps add their own with <see cref="Register"/>. Thread-safe.
/// </summary>
public sealed class LazyPackageRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LazyPackage> _byName = new(StringComparer.OrdinalIgnoreCase);
    private LazyPackage[] _packages = Array.Empty<LazyPackage>();

    /// <summary>Creates an empty registry (tests, plug-in hosts). Most apps use <see cref="Default"/>.</summary>
    public LazyPackageRegistry()
    {
    }

    /// <summary>The process-wide registry, pre-registered from the built-in heavy-package catalog.</summary>
    public static LazyPackageRegistry Default { get; } = CreateDefault();

    /// <summary>True for <see cref="Default"/>, the registry lazy values declared by package name resolve against.</summary>
    internal bool IsDefault { get; private set; }

    /// <summary>Every registered package, in registration order (a snapshot).</summary>
    public IReadOnlyList<LazyPackage> Packages => Volatile.Read(ref _packages);

    /// <summary>
    /// Registers a package, or replaces a registration whose package has not started loading (for
    /// example to add a warm-up to a built-in entry). In <see cref="LazyLoading.EagerMode"/> the
    /// package loads at once, so a missing package fails here.
    /// </summary>
    /// <param name="name">Package name (case-insensitive key).</param>
    /// <param name="priority">Background-loading priority, 1 (first) to 3 (last).</param>
    /// <param name="assemblies">Assembly simple names or prefix patterns ending in <c>*</c>; the first is the main assembly.</param>
    /// <param name="nativeLibraries">Native library base names (no <c>lib</c> prefix, no extension).</param>
    /// <param name="warmUp">Optional step run after loading (e.g. touch a static to initialise native code).</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    /// <returns>The registered package.</returns>
    /// <exception cref="ArgumentException">The name is empty or the priority is outside 1..3.</exception>
    /// <exception cref="InvalidOperationException">A package with this name already started loading.</exception>
    public LazyPackage Register(string name, int priority, IEnumerable<string> assemblies,
        IEnumerable<string>? nativeLibraries = null, Action? warmUp = null,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A package needs a name.", nameof(name));
        }

        if (priority is < 1 or > 3)
        {
            throw new ArgumentException($"Priority of package '{name}' must be 1, 2 or 3, not {priority}.", nameof(priority));
        }

        ArgumentNullException.ThrowIfNull(assemblies);
        var package = new LazyPackage(name, priority, assemblies.ToArray(), nativeLibraries?.ToArray() ?? Array.Empty<string>(), warmUp,
            description: null, CallSites.Declaration(declaringFile, declaringLine, declaringMember), isBuiltIn: false);
        Add(package, replace: true);
        if (LazyLoading.EagerMode)
        {
            package.EnsureLoaded(UseSite.Eager, null);
        }

        return package;
    }

    /// <summary>The package with this name.</summary>
    /// <param name="name">Package name (case-insensitive).</param>
    /// <returns>The package.</returns>
    /// <exception cref="KeyNotFoundException">No such package; the message lists the known names.</exception>
    public LazyPackage Get(string name)
    {
        if (TryGet(name, out var package))
        {
            return package;
        }

        var known = string.Join(", ", Packages.Select(p => p.Name));
        throw new KeyNotFoundException($"No lazy package named '{name}' is registered. Known packages: {known}.");
    }

    /// <summary>Looks a package up by name.</summary>
    /// <param name="name">Package name (case-insensitive).</param>
    /// <param name="package">The package when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(string name, out LazyPackage package)
    {
        lock (_gate)
        {
            return _byName.TryGetValue(name, out package!);
        }
    }

    /// <summary>
    /// Starts loading registered packages in the background, priority level by level (1, then 2,
    /// then 3) with at most <see cref="BackgroundLoadingOptions.MaxParallelism"/> loads at a time.
    /// Right after a package loads, the same job builds the live lazy values bound to it
    /// (<see cref="BackgroundLoadingOptions.BuildValues"/>, default on), so a later first access finds
    /// them built. Returns at once; the task completes when every selected package and its values
    /// settled. Failures do not fault the task (package failures show in <see cref="GetStatus"/>, a
    /// value's failure is recorded by the value as a first-access failure would be); cancellation
    /// stops starting new loads and value builds and cancels the task (a load or build already running
    /// completes, since a type load cannot be aborted). A first access during a background load or
    /// build waits for that same load or build.
    /// </summary>
    /// <param name="options">Options; null uses the defaults.</param>
    /// <param name="cancellationToken">Stops the background loading.</param>
    /// <returns>The background work.</returns>
    public Task StartBackgroundLoading(BackgroundLoadingOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BackgroundLoadingOptions();
        options.Validate();
        var filter = options.Packages is null ? null : new HashSet<string>(options.Packages, StringComparer.OrdinalIgnoreCase);
        // Without an explicit list, catalog entries the app neither contains nor names are skipped
        // silently (not even reported as not present): they are not part of this app.
        var referenced = filter is null ? ReferencedPackages() : null;
        var selected = Packages.Where(p => filter is null ? IsRelevant(p, referenced!) : filter.Contains(p.Name)).ToArray();
        var priorities = options.Priorities.ToArray();
        return Task.Run(() => RunBackgroundAsync(selected, priorities, options.MaxParallelism, options.OnlyAvailable, options.BuildValues, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// A snapshot of the packages that matter to the app (registered by it, named by its live lazy
    /// values, loaded or attempted, or built-in and contained in the app), of the live lazy values
    /// that belong to this registry (for <see cref="Default"/>: also the values bound to no package)
    /// and the overall progress.
    /// </summary>
    /// <returns>The snapshot.</returns>
    public LazyLoadingStatus GetStatus()
    {
        var referenced = new HashSet<LazyPackage>(ReferenceEqualityComparer.Instance);
        var values = new List<ValueStatus>();
        foreach (var value in TrackedValues.Live())
        {
            var package = PackageOf(value);
            if (package is not null)
            {
                referenced.Add(package);
            }
            else if (!IsDefault || value.BoundPackage is not null)
            {
                // Bound to another registry's package.
                continue;
            }

            var snapshot = value.Snapshot(package?.Name ?? value.BoundPackageName);
            if (package is null && value.BoundPackageName is { } unknown && snapshot.State == LazyValueState.NotBuilt && !IsAppAssembly(unknown))
            {
                // Certain to fail at first access: say so now, where an operator looks.
                var error = new UnknownLazyPackageException(unknown, Suggest(unknown), snapshot.DeclarationSite, firstUseSite: null);
                snapshot = new ValueStatus(snapshot.DeclarationSite, unknown, LazyValueState.Failed, null, error.Message, null, null);
            }

            values.Add(snapshot);
        }

        var packages = new List<LazyPackage>();
        foreach (var package in Packages)
        {
            if (IsRelevant(package, referenced))
            {
                packages.Add(package);
            }
        }

        return LazyLoadingStatus.Create(packages, values);
    }

    /// <summary>
    /// The package a lazy value names: a registered name, else the catalog package owning an
    /// assembly of that name (<c>Microsoft.EntityFrameworkCore.Sqlite</c> → EF Core), else, when the
    /// name is an assembly the app contains, a package of that one assembly registered now (the code
    /// fixes name a type marked <c>[Heavy]</c> by its assembly).
    /// </summary>
    /// <exception cref="UnknownLazyPackageException">None of these: the name is misspelled or the package was never registered.</exception>
    internal LazyPackage Resolve(string name, string? declarationSite, string? firstUseSite)
    {
        var package = TryResolveRegistered(name);
        if (package is not null)
        {
            return package;
        }

        if (IsAppAssembly(name))
        {
            var created = new LazyPackage(name, 3, new[] { name }, Array.Empty<string>(), null,
                "an assembly of the app, named by a lazy value", declarationSite, isBuiltIn: false);
            return Add(created, replace: false);
        }

        throw new UnknownLazyPackageException(name, Suggest(name), declarationSite, firstUseSite);
    }

    /// <summary>An exact assembly name (not a pattern) the app contains: a lazy value may name it as its package.</summary>
    private static bool IsAppAssembly(string name) => !name.EndsWith('*') && AppDependencies.Current.IsAssemblyPresent(name);

    /// <summary>The package a tracked value belongs to in this registry, resolved without registering anything; null for none.</summary>
    internal LazyPackage? PackageOf(ITrackedValue value)
    {
        var bound = value.BoundPackage;
        if (bound is not null)
        {
            return TryGet(bound.Name, out var mine) && ReferenceEquals(mine, bound) ? bound : null;
        }

        return value.BoundPackageName is { } name && IsDefault ? TryResolveRegistered(name) : null;
    }

    /// <summary>
    /// Whether a package matters to the app: registered by it (not a catalog entry), named by one of
    /// its live values, loaded or attempted, or a catalog entry the app contains. The other catalog
    /// entries are not part of this app and are neither loaded, reported nor counted.
    /// </summary>
    internal static bool IsRelevant(LazyPackage package, HashSet<LazyPackage> referenced)
        => !package.IsBuiltIn
           || package.State is LazyPackageState.Loading or LazyPackageState.Loaded or LazyPackageState.Failed
           || referenced.Contains(package)
           || package.IsAvailable;

    /// <summary>The packages the live values of this registry name.</summary>
    internal HashSet<LazyPackage> ReferencedPackages()
    {
        var referenced = new HashSet<LazyPackage>(ReferenceEqualityComparer.Instance);
        foreach (var value in TrackedValues.Live())
        {
            if (PackageOf(value) is { } package)
            {
                referenced.Add(package);
            }
        }

        return referenced;
    }

    /// <summary>Up to three registered or catalog names close to <paramref name="name"/>, closest first.</summary>
    internal IReadOnlyList<string> Suggest(string name)
    {
        var candidates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in Packages)
        {
            candidates.Add(package.Name);
        }

        foreach (var entry in HeavyPackageCatalog.All)
        {
            candidates.Add(entry.Name);
            foreach (var assembly in entry.Assemblies)
            {
                if (!assembly.EndsWith('*'))
                {
                    candidates.Add(assembly);
                }
            }
        }

        var limit = Math.Max(2, name.Length / 3);
        return candidates
            .Select(candidate => (Name: candidate, Distance: EditDistance(name, candidate)))
            .Where(c => c.Distance <= limit
                || (name.Length >= 4 && c.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                || (c.Name.Length >= 4 && name.Contains(c.Name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .Select(c => c.Name)
            .ToArray();
    }

    /// <summary>Levenshtein distance, ignoring case.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The package <see cref="Resolve"/> would return, or null.</summary>
    internal LazyPackage? TryResolveRegistered(string name)
    {
        if (TryGet(name, out var package))
        {
            return package;
        }

        var entry = HeavyPackageCatalog.FindByAssembly(name);
        return entry is not null && TryGet(entry.Name, out package) ? package : null;
    }

    private static LazyPackageRegistry CreateDefault()
    {
        var registry = new LazyPackageRegistry { IsDefault = true };
        foreach (var entry in HeavyPackageCatalog.All)
        {
            // Built-in entries never load eagerly: an app contains only a few of them.
            registry.Add(new LazyPackage(entry.Name, entry.Priority, entry.Assemblies, entry.NativeLibraries, null,
                entry.Description, "built-in catalog", isBuiltIn: true), replace: false);
        }

        return registry;
    }

    private LazyPackage Add(LazyPackage package, bool replace)
    {
        lock (_gate)
        {
            if (_byName.TryGetValue(package.Name, out var existing))
            {
                if (!replace)
                {
                    return existing;
                }

                if (existing.State is not (LazyPackageState.NotLoaded or LazyPackageState.NotPresent))
                {
                    throw new InvalidOperationException($"Package '{package.Name}' is already {existing.State}; it cannot be registered again.");
                }

                _byName[package.Name] = package;
                var copy = (LazyPackage[])_packages.Clone();
                copy[Array.IndexOf(copy, existing)] = package;
                Volatile.Write(ref _packages, copy);
                return package;
            }

            _byName.Add(package.Name, package);
            var grown = new LazyPackage[_packages.Length + 1];
            _packages.CopyTo(grown, 0);
            grown[^1] = package;
            Volatile.Write(ref _packages, grown);
            return package;
        }
    }

    private async Task RunBackgroundAsync(LazyPackage[] packages, int[] priorities, int maxParallelism, bool onlyAvailable, bool buildValues, CancellationToken cancellationToken)
    {
        // Not disposed: loads still running after a cancellation release their slot later.
        var slots = new SemaphoreSlim(maxParallelism, maxParallelism);
        foreach (var priority in priorities)
        {
            var level = new List<Task>();
            foreach (var package in packages)
            {
                if (package.Priority != priority)
                {
                    continue;
                }

                if (package.IsLoaded)
                {
                    // Loaded by a first access: its other values may still be unbuilt.
                    if (!buildValues)
                    {
                        continue;
                    }
                }
                else if (onlyAvailable && !package.IsAvailable)
                {
                    package.MarkNotPresent();
                    continue;
                }

                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                level.Add(LoadOneAsync(package, slots, buildValues, cancellationToken));
            }

            // A level (loads and value builds) completes before the next starts.
            await Task.WhenAll(level).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task LoadOneAsync(LazyPackage package, SemaphoreSlim slots, bool buildValues, CancellationToken cancellationToken)
    {
        try
        {
            if (!package.IsLoaded)
            {
                await package.StartLoad(UseSite.Background).ConfigureAwait(false);
            }

            if (buildValues)
            {
                await BuildValuesAsync(package, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Recorded in the package's status; background loading goes on with the next package.
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Builds the live, unbuilt values bound to a loaded package, one after the other, in declaration order.</summary>
    private async Task BuildValuesAsync(LazyPackage package, CancellationToken cancellationToken)
    {
        // Off the loop's thread: a package that was already loaded completes the await above synchronously,
        // and value factories run synchronously; the loop must go on starting the level's other packages.
        await Task.Yield();
        foreach (var value in TrackedValues.For(package, this))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (!value.IsValueCreated)
            {
                // Never throws: a factory failure is recorded by the value (status, retry policy).
                await value.BuildInBackgroundAsync().ConfigureAwait(false);
            }
        }
    }
}
