using System;
using System.Collections.Generic;

namespace LazyMigrate.AspNetCore;

/// <summary>
/// Which registered packages the options select for preloading; shared by the hosted loader (what
/// to load and report) and the health check (what to watch), so both agree.
/// </summary>
internal sealed class LazyLoadingSelection
{
    private readonly HashSet<string>? _names;
    private readonly int _maxPriority;

    public LazyLoadingSelection(LazyLoadingOptions options)
    {
        _names = options.Packages.Count == 0 ? null : new HashSet<string>(options.Packages, StringComparer.OrdinalIgnoreCase);
        _maxPriority = options.MaxPriority;
    }

    public bool Contains(string name, int priority)
        => priority <= _maxPriority && (_names is null || _names.Contains(name));

    public BackgroundLoadingOptions ToBackgroundOptions(LazyLoadingOptions options)
    {
        var priorities = new List<int>();
        for (var priority = 1; priority <= _maxPriority; priority++)
        {
            priorities.Add(priority);
        }

        return new BackgroundLoadingOptions
        {
            MaxParallelism = options.MaxParallelism,
            Priorities = priorities,
            Packages = _names,
            OnlyAvailable = options.SkipUnavailable,
            BuildValues = options.BuildValues,
        };
    }
}
