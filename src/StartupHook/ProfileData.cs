using System.Collections.Generic;

namespace LazyMigrate.StartupHook;

/// <summary>The whole profile of one process run (see docs/profile-format.md).</summary>
internal sealed class ProfileData
{
    public string Marker { get; set; } = "READY";

    /// <summary><c>launcher</c> (LAZYMIGRATE_LAUNCH_UNIX_MS) or <c>procfs</c> (/proc/self/stat, 10 ms ticks).</summary>
    public string StartTimeSource { get; set; } = "procfs";

    public double HookStartedAtMs { get; set; }

    public bool Ready { get; set; }

    public double ReadyAtMs { get; set; }

    /// <summary><c>marker</c>, <c>signal</c>, <c>external</c>, <c>started</c> or <c>exit</c>.</summary>
    public string ReadyReason { get; set; } = "";

    public long RssBytes { get; set; }

    public long PeakRssBytes { get; set; }

    public List<AssemblyLoadEvent> Assemblies { get; } = new();

    public List<NativeLibraryEvent> NativeLibraries { get; } = new();

    public List<AssemblyLoadEvent> AfterReadyAssemblies { get; } = new();

    public List<NativeLibraryEvent> AfterReadyNativeLibraries { get; } = new();

    /// <summary>Set when the process exits (null in the file written at ready).</summary>
    public double? ExitAtMs { get; set; }

    public long? ExitPeakRssBytes { get; set; }
}
