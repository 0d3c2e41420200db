namespace LazyMigrate;

/// <summary>Where a <see cref="LazyPackage"/> is in its life cycle.</summary>
public enum LazyPackageState
{
    /// <summary>Nothing of the package has been loaded yet.</summary>
    NotLoaded = 0,

    /// <summary>A load is in progress (first access or background loading).</summary>
    Loading = 1,

    /// <summary>Assemblies, native libraries and warm-up completed.</summary>
    Loaded = 2,

    /// <summary>The last load failed; see <see cref="LazyPackage.LastError"/> and the retry policy on <see cref="LazyPackage.RetryDelay"/>.</summary>
    Failed = 3,

    /// <summary>Background loading skipped the package because the app does not contain it (not an error).</summary>
    NotPresent = 4,
}

/// <summary>Where a lazy value is in its life cycle.</summary>
public enum LazyValueState
{
    /// <summary>Not built yet.</summary>
    NotBuilt = 0,

    /// <summary>Its package is loading or its factory is running.</summary>
    Building = 1,

    /// <summary>Built (the factory completed, possibly with null).</summary>
    Built = 2,

    /// <summary>The factory failed, or the value names a package that is neither registered nor in the catalog.</summary>
    Failed = 3,

    /// <summary>The value's package could not be loaded, so the factory did not run.</summary>
    PackageFailed = 4,
}
