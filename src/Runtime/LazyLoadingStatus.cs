using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LazyMigrate;

/// <summary>
/// A snapshot of the packages that matter to the app and of its lazy values: overall progress,
/// per-package and per-value state. Serialize it with <see cref="ToJson"/> (camelCase, states as
/// strings, readable escaping, trimming-safe source-generated metadata).
/// </summary>
/// <remarks>
/// Listed packages: those the app registered itself, those its live lazy values name, those that
/// were loaded or attempted, and built-in catalog packages the app contains. Catalog entries the
/// app neither contains nor names are left out: they are not part of this app.
/// </remarks>
public sealed class LazyLoadingStatus
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="timestamp">When the snapshot was taken.</param>
    /// <param name="isReady">Whether <see cref="LazyLoading.MarkReady"/> was called.</param>
    /// <param name="eagerMode">Whether <see cref="LazyLoading.EagerMode"/> is on.</param>
    /// <param name="progress">Overall progress.</param>
    /// <param name="packages">Per-package states.</param>
    /// <param name="values">Per-value states.</param>
    [JsonConstructor]
    public LazyLoadingStatus(DateTimeOffset timestamp, bool isReady, bool eagerMode, LoadingProgress progress, IReadOnlyList<PackageStatus> packages, IReadOnlyList<ValueStatus> values)
    {
        Timestamp = timestamp;
        IsReady = isReady;
        EagerMode = eagerMode;
        Progress = progress;
        Packages = packages;
        Values = values;
    }

    /// <summary>When the snapshot was taken.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Whether the app signalled it is ready (<see cref="LazyLoading.MarkReady"/>).</summary>
    public bool IsReady { get; }

    /// <summary>Whether <c>LAZYMIGRATE_EAGER=1</c> is in effect.</summary>
    public bool EagerMode { get; }

    /// <summary>Overall progress.</summary>
    public LoadingProgress Progress { get; }

    /// <summary>Per-package states, in registration order (only the packages that matter to the app, see remarks).</summary>
    public IReadOnlyList<PackageStatus> Packages { get; }

    /// <summary>Per-value states of the live lazy values, in declaration order.</summary>
    public IReadOnlyList<ValueStatus> Values { get; }

    /// <summary>The snapshot as JSON (camelCase; states as strings; quotes, <c>&lt;</c>, <c>&gt;</c> and <c>+</c> written as they are).</summary>
    /// <param name="indented">Pretty-print.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        var context = indented ? LazyLoadingJsonContext.Indented : LazyLoadingJsonContext.Relaxed;
        return JsonSerializer.Serialize(this, context.LazyLoadingStatus);
    }

    internal static LazyLoadingStatus Create(IReadOnlyList<LazyPackage> packages, IReadOnlyList<ValueStatus> values)
    {
        var items = new PackageStatus[packages.Count];
        int loaded = 0, failed = 0, loading = 0, notPresent = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var item = packages[i].Snapshot();
            items[i] = item;
            switch (item.State)
            {
                case LazyPackageState.Loaded:
                    loaded++;
                    break;
                case LazyPackageState.Failed:
                    failed++;
                    break;
                case LazyPackageState.Loading:
                    loading++;
                    break;
                case LazyPackageState.NotPresent:
                    notPresent++;
                    break;
            }
        }

        int built = 0, failedValues = 0;
        foreach (var value in values)
        {
            if (value.State == LazyValueState.Built)
            {
                built++;
            }
            else if (value.State is LazyValueState.Failed or LazyValueState.PackageFailed)
            {
                failedValues++;
            }
        }

        // Loaded of the listed (relevant) packages: a failed or missing package is not progress.
        var percentage = items.Length == 0 ? 100.0 : Math.Round(100.0 * loaded / items.Length, 1);
        var progress = new LoadingProgress(items.Length, loaded, failed, loading, notPresent, percentage, values.Count, built, failedValues);
        return new LazyLoadingStatus(DateTimeOffset.UtcNow, LazyLoading.IsReady, LazyLoading.EagerMode, progress, items, values);
    }
}

/// <summary>Overall loading progress.</summary>
public sealed class LoadingProgress
{
    /// <summary>Creates the progress record.</summary>
    /// <param name="totalPackages">Registered packages.</param>
    /// <param name="loadedPackages">Packages loaded.</param>
    /// <param name="failedPackages">Packages whose last load failed.</param>
    /// <param name="loadingPackages">Packages loading now.</param>
    /// <param name="notPresentPackages">Packages background loading skipped because the app does not contain them.</param>
    /// <param name="percentage">Loaded packages in percent of the listed packages.</param>
    /// <param name="totalValues">Live lazy values.</param>
    /// <param name="builtValues">Values built.</param>
    /// <param name="failedValues">Values whose last build failed (their factory, or their package).</param>
    [JsonConstructor]
    public LoadingProgress(int totalPackages, int loadedPackages, int failedPackages, int loadingPackages, int notPresentPackages, double percentage,
        int totalValues, int builtValues, int failedValues)
    {
        TotalPackages = totalPackages;
        LoadedPackages = loadedPackages;
        FailedPackages = failedPackages;
        LoadingPackages = loadingPackages;
        NotPresentPackages = notPresentPackages;
        Percentage = percentage;
        TotalValues = totalValues;
        BuiltValues = builtValues;
        FailedValues = failedValues;
    }

    /// <summary>Listed packages: registered by the app, named by its lazy values, attempted, or built-in and contained in the app.</summary>
    public int TotalPackages { get; }

    /// <summary>Packages loaded.</summary>
    public int LoadedPackages { get; }

    /// <summary>Packages whose last load failed.</summary>
    public int FailedPackages { get; }

    /// <summary>Packages loading now.</summary>
    public int LoadingPackages { get; }

    /// <summary>Packages background loading skipped because the app does not contain them.</summary>
    public int NotPresentPackages { get; }

    /// <summary>Loaded packages in percent of <see cref="TotalPackages"/> (100 when none is listed); failed and missing packages do not count as done.</summary>
    public double Percentage { get; }

    /// <summary>Live lazy values.</summary>
    public int TotalValues { get; }

    /// <summary>Values built.</summary>
    public int BuiltValues { get; }

    /// <summary>Values whose last build failed, by their factory or by their package.</summary>
    public int FailedValues { get; }
}

/// <summary>The state of one package in a <see cref="LazyLoadingStatus"/>.</summary>
public sealed class PackageStatus
{
    /// <summary>Creates the record.</summary>
    /// <param name="name">Package name.</param>
    /// <param name="state">State.</param>
    /// <param name="priority">Priority 1..3.</param>
    /// <param name="loadTimeMs">Load time (elapsed so far while loading), or null.</param>
    /// <param name="error">Error message when failed.</param>
    /// <param name="trigger">"background", "eager" or the first-use call site.</param>
    /// <param name="assemblies">Declared assembly names and patterns.</param>
    /// <param name="loadedAssemblies">Assemblies the load actually loaded.</param>
    /// <param name="loadedNativeLibraries">Native library files the load actually loaded.</param>
    /// <param name="isBuiltIn">Whether the package comes from the built-in catalog.</param>
    /// <param name="declarationSite">Where the package was registered, or "built-in catalog".</param>
    /// <param name="failedComponent">What failed when failed: an assembly, a native library or the warm-up.</param>
    /// <param name="nextRetryAt">When failed: from when the next access retries; null when it never retries on its own.</param>
    [JsonConstructor]
    public PackageStatus(string name, LazyPackageState state, int priority, double? loadTimeMs, string? error, string? trigger,
        IReadOnlyList<string> assemblies, IReadOnlyList<string> loadedAssemblies, IReadOnlyList<string> loadedNativeLibraries, bool isBuiltIn,
        string? declarationSite, string? failedComponent, DateTimeOffset? nextRetryAt)
    {
        Name = name;
        State = state;
        Priority = priority;
        LoadTimeMs = loadTimeMs;
        Error = error;
        Trigger = trigger;
        Assemblies = assemblies;
        LoadedAssemblies = loadedAssemblies;
        LoadedNativeLibraries = loadedNativeLibraries;
        IsBuiltIn = isBuiltIn;
        DeclarationSite = declarationSite;
        FailedComponent = failedComponent;
        NextRetryAt = nextRetryAt;
    }

    /// <summary>Package name.</summary>
    public string Name { get; }

    /// <summary>State.</summary>
    public LazyPackageState State { get; }

    /// <summary>Priority 1..3.</summary>
    public int Priority { get; }

    /// <summary>Load time of the last attempt in milliseconds (elapsed so far while loading), or null.</summary>
    public double? LoadTimeMs { get; }

    /// <summary>Error message when the package failed.</summary>
    public string? Error { get; }

    /// <summary>What triggered the load: "background", "eager" or the first-use call site.</summary>
    public string? Trigger { get; }

    /// <summary>Declared assembly names and patterns.</summary>
    public IReadOnlyList<string> Assemblies { get; }

    /// <summary>Assemblies the load actually loaded.</summary>
    public IReadOnlyList<string> LoadedAssemblies { get; }

    /// <summary>Native library files the load actually loaded.</summary>
    public IReadOnlyList<string> LoadedNativeLibraries { get; }

    /// <summary>Whether the package comes from the built-in catalog.</summary>
    public bool IsBuiltIn { get; }

    /// <summary>Where the package was registered (<c>file:line (member)</c>), or "built-in catalog".</summary>
    public string? DeclarationSite { get; }

    /// <summary>What failed when the package failed: <c>assembly 'X'</c>, <c>native library 'Y'</c> or <c>warm-up</c>; no paths.</summary>
    public string? FailedComponent { get; }

    /// <summary>When the package failed: from when the next access retries (failure time plus its retry delay); null otherwise or when it never retries on its own.</summary>
    public DateTimeOffset? NextRetryAt { get; }
}

/// <summary>The state of one lazy value in a <see cref="LazyLoadingStatus"/>.</summary>
public sealed class ValueStatus
{
    /// <summary>Creates the record.</summary>
    /// <param name="declarationSite">Where the value was declared.</param>
    /// <param name="package">The package the value is bound to, or null.</param>
    /// <param name="state">State.</param>
    /// <param name="buildTimeMs">Duration of the last completed build (package load included), or null.</param>
    /// <param name="error">Error message when failed.</param>
    /// <param name="firstUseSite">Where the value was first used, "background" or "eager"; null before.</param>
    /// <param name="nextRetryAt">When failed: from when the next access retries; null otherwise.</param>
    [JsonConstructor]
    public ValueStatus(string? declarationSite, string? package, LazyValueState state, double? buildTimeMs, string? error, string? firstUseSite, DateTimeOffset? nextRetryAt)
    {
        DeclarationSite = declarationSite;
        Package = package;
        State = state;
        BuildTimeMs = buildTimeMs;
        Error = error;
        FirstUseSite = firstUseSite;
        NextRetryAt = nextRetryAt;
    }

    /// <summary>Where the value was declared: <c>file:line (member)</c>.</summary>
    public string? DeclarationSite { get; }

    /// <summary>The package the value is bound to (as declared, or as resolved), or null.</summary>
    public string? Package { get; }

    /// <summary>State.</summary>
    public LazyValueState State { get; }

    /// <summary>Duration of the last completed build in milliseconds (its package's load included), or null.</summary>
    public double? BuildTimeMs { get; }

    /// <summary>Error message when the value failed.</summary>
    public string? Error { get; }

    /// <summary>Where the value was first used (<c>Type.Method in file:line</c>), "background" or "eager"; null before.</summary>
    public string? FirstUseSite { get; }

    /// <summary>When the value failed: from when the next access retries; null otherwise or when it never retries on its own.</summary>
    public DateTimeOffset? NextRetryAt { get; }
}
