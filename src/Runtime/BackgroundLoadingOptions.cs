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

    /// <summary>
    /// Also build the lazy values bound to each package (declared with its name, with the package
    /// object, or with <see cref="LazyPackage.Export"/>) right after it loads, in the same job, priority
    /// order and parallelism bound. Default true.
    /// </summary>
    /// <remarks>
    /// <para>Why on by default: loading assemblies is the cheap part of a first use; the value's
    /// factory (creating an ONNX session, opening and seeding a database) is the expensive part.
    /// Preloading only the assemblies leaves a first use after an idle period almost as slow as
    /// without preloading. Turn it off when factories have side effects that must only happen on
    /// demand (a paid API call, a connection per object that may never be used).</para>
    /// <para>Only values still alive are built (values are tracked weakly, so a value whose owner
    /// was collected is skipped), including instance values of objects alive at that moment.
    /// Values not bound to a package are never built in the background. A value built here reports
    /// <c>"background"</c> as its first-use site. A factory failure does not stop the job: the value
    /// records it as a first access would (the next access reports it until the retry delay passed,
    /// then retries). Cancellation stops building further values.</para>
    /// </remarks>
    public bool BuildValues { get; set; } = true;

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
