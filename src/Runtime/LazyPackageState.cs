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
