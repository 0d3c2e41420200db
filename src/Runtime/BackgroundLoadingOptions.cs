using System;
using System.Collections.Generic;

namespace LazyMigrate;

/// <summary>Options for <see cref="LazyPackageRegistry.StartBackgroundLoading"/>.</summary>
public sealed class BackgroundLoadingOptions
{
    /// <summary>How many packages of one priority level load at the same time (default 2, at least 1).</summary>
    public int MaxParallelism { get; set; } = 2;

    /// <summary>The priority levels to load, in order (default 1, 2, 3). A level completes before the next starts.</summary>
    public IReadOnlyList<int> Priorities { get; set; } = new[] { 1, 2, 3 };

    /// <summary>When set, only packages with these names load (case-insensitive); null loads every registered package.</summary>
    public IReadOnlyCollection<string>? Packages { get; set; }

    /// <summary>
    /// Skip packages the app does not contain (per <see cref="LazyPackage.IsAvailable"/>) and report
    /// them as <see cref="LazyPackageState.NotPresent"/> instead of failed. Default true.
    /// </summary>
    public bool OnlyAvailable { get; set; } = true;

    internal void Validate()
    {
        if (MaxParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxParallelism), MaxParallelism, "MaxParallelism must be at least 1.");
        }

        if (Priorities is null)
        {
            throw new ArgumentNullException(nameof(Priorities));
        }
    }
}
