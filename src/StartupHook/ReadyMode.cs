namespace LazyMigrate.StartupHook;

/// <summary>What makes the app ready (besides its exit, which always ends the wait).</summary>
internal enum ReadyMode
{
    /// <summary>A stdout line containing the marker, or the runtime's <c>LazyLoading.MarkReady()</c>.</summary>
    Marker,

    /// <summary>The launcher says so through the ready file (it saw the first successful HTTP response).</summary>
    External,

    /// <summary>The generic host raised <c>IHostApplicationLifetime.ApplicationStarted</c>.</summary>
    Started,
}
