using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LazyMigrate;

/// <summary>
/// A snapshot of every registered package: overall progress and per-package state. Serialize it
/// with <see cref="ToJson"/> (camelCase, states as strings, trimming-safe source-generated metadata).
/// </summary>
public sealed class LazyLoadingStatus
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="timestamp">When the snapshot was taken.</param>
    /// <param name="isReady">Whether <see cref="LazyLoading.MarkReady"/> was called.</param>
    /// <param name="eagerMode">Whether <see cref="LazyLoading.EagerMode"/> is on.</param>
    /// <param name="progress">Overall progress.</param>
    /// <param name="packages">Per-package states.</param>
    [JsonConstructor]
    public LazyLoadingStatus(DateTimeOffset timestamp, bool isReady, bool eagerMode, LoadingProgress progress, IReadOnlyList<PackageStatus> packages)
    {
        Timestamp = timestamp;
        IsReady = isReady;
        EagerMode = eagerMode;
        Progress = progress;
        Packages = packages;
    }

    /// <summary>When the snapshot was taken.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Whether the app signalled it is ready (<see cref="LazyLoading.MarkReady"/>).</summary>
    public bool IsReady { get; }

    /// <summary>Whether <c>LAZYMIGRATE_EAGER=1</c> is in effect.</summary>
    public bool EagerMode { get; }

    /// <summary>Overall progress.</summary>
    public LoadingProgress Progress { get; }

    /// <summary>Per-package states, in registration order.</summary>
    public IReadOnlyList<PackageStatus> Packages { get; }

    /// <summary>The snapshot as JSON (camelCase; states as strings).</summary>
    /// <param name="indented">Pretty-print.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        var context = indented ? LazyLoadingJsonContext.Indented : LazyLoadingJsonContext.Default;
        return JsonSerializer.Serialize(this, context.LazyLoadingStatus);
    }

    internal static LazyLoadingStatus Create(IReadOnlyList<LazyPackage> packages)
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

        var settled = loaded + failed + notPresent;
        var percentage = items.Length == 0 ? 100.0 : Math.Round(100.0 * settled / items.Length, 1);
        var progress = new LoadingProgress(items.Length, loaded, failed, loading, notPresent, percentage);
        return new LazyLoadingStatus(DateTimeOffset.UtcNow, LazyLoading.IsReady, LazyLoading.EagerMode, progress, items);
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
    /// <param name="percentage">Settled (loaded, failed or not present) packages in percent of the total.</param>
    [JsonConstructor]
    public LoadingProgress(int totalPackages, int loadedPackages, int failedPackages, int loadingPackages, int notPresentPackages, double percentage)
    {
        TotalPackages = totalPackages;
        LoadedPackages = loadedPackages;
        FailedPackages = failedPackages;
        LoadingPackages = loadingPackages;
        NotPresentPackages = notPresentPackages;
        Percentage = percentage;
    }

    /// <summary>Registered packages.</summary>
    public int TotalPackages { get; }

    /// <summary>Packages loaded.</summary>
    public int LoadedPackages { get; }

    /// <summary>Packages whose last load failed.</summary>
    public int FailedPackages { get; }

    /// <summary>Packages loading now.</summary>
    public int LoadingPackages { get; }

    /// <summary>Packages background loading skipped because the app does not contain them.</summary>
    public int NotPresentPackages { get; }

    /// <summary>Settled packages (loaded, failed or not present) in percent of all registered packages.</summary>
    public double Percentage { get; }
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
    [JsonConstructor]
    public PackageStatus(string name, LazyPackageState state, int priority, double? loadTimeMs, string? error, string? trigger,
        IReadOnlyList<string> assemblies, IReadOnlyList<string> loadedAssemblies, IReadOnlyList<string> loadedNativeLibraries, bool isBuiltIn)
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
}
