using System;
using System.Collections.Generic;

namespace LazyMigrate.AspNetCore;

/// <summary>
/// Options of the hosting integration, bound from the <c>LazyLoading</c> configuration section
/// (see <see cref="SectionName"/>) and/or set in code through
/// <see cref="LazyLoadingServiceCollectionExtensions.AddLazyLoading(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{LazyLoadingOptions}?)"/>.
/// </summary>
public sealed class LazyLoadingOptions
{
    /// <summary>The configuration section the options bind from by default: <c>LazyLoading</c>.</summary>
    public const string SectionName = "LazyLoading";

    /// <summary>The largest accepted <see cref="MaxParallelism"/>.</summary>
    public const int MaxAllowedParallelism = 64;

    /// <summary>The largest accepted <see cref="DelayAfterReady"/>.</summary>
    public static readonly TimeSpan MaxAllowedDelayAfterReady = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether the hosted loader preloads packages in the background once the application has
    /// started. When false, packages still load on first access. Default: true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Eager switch for tests and CI: while the host starts, load the app's selected packages (those
    /// it registered, those its lazy values name, the catalog packages it contains) and build their
    /// lazy values; fail startup naming every package that is missing or cannot load and every value
    /// that fails. Catalog entries the app does not use are ignored. On success the app is marked
    /// ready once the host has started. Also on when the runtime's eager mode is (environment variable
    /// <c>LAZYMIGRATE_EAGER=1</c>). Default: false.
    /// </summary>
    public bool Eager { get; set; }

    /// <summary>How many packages of one priority load at the same time (1..64). Default: 2.</summary>
    public int MaxParallelism { get; set; } = 2;

    /// <summary>
    /// How long to wait after the application has started before the first package loads, so the
    /// first requests do not compete with preloading. Default: zero. Configuration form: <c>"00:00:02"</c>.
    /// </summary>
    public TimeSpan DelayAfterReady { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Highest priority that is preloaded: 1 preloads only priority-1 packages, 3 (the default)
    /// preloads all. Packages above it still load on first access.
    /// </summary>
    public int MaxPriority { get; set; } = 3;

    /// <summary>
    /// Names of the registered packages to preload. Empty (the default) means every registered
    /// package that is present in the application. A name that is not registered fails validation.
    /// </summary>
    public IList<string> Packages { get; } = new List<string>();

    /// <summary>
    /// Whether registered packages that are not present in the application's dependency list are
    /// skipped (state <c>NotPresent</c>; a package the app registered or a lazy value names is logged
    /// as a warning and degrades the health check) instead of attempted (and reported failed). Default:
    /// true. Catalog entries the app neither contains nor names are never attempted either way; eager
    /// mode always attempts the app's packages.
    /// </summary>
    public bool SkipUnavailable { get; set; } = true;

    /// <summary>
    /// Whether preloading also builds the lazy values bound to each package once it loaded, so a
    /// first use after the preload finds the value ready (see <see cref="BackgroundLoadingOptions.BuildValues"/>).
    /// Default: true. Turn it off when value factories must run only on demand (paid calls, one
    /// connection per object).
    /// </summary>
    public bool BuildValues { get; set; } = true;
}
