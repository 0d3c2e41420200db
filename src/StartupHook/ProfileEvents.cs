using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;

namespace LazyMigrate.StartupHook;

/// <summary>
/// One managed assembly load as the profile reports it. The event handler only stores the assembly, the time and
/// the raw stack; names, trigger and catalog lookups are filled in by <see cref="ProfileRecorder"/> when the
/// profile is written, so the cost of describing a load is not paid before the app is ready.
/// </summary>
internal sealed class AssemblyLoadEvent
{
    public AssemblyLoadEvent(Assembly assembly, double atMs, int threadId, StackTrace? rawStack, bool beforeHook)
    {
        Assembly = assembly;
        AtMs = atMs;
        ThreadId = threadId;
        RawStack = rawStack;
        BeforeHook = beforeHook;
    }

    public Assembly Assembly { get; }

    public StackTrace? RawStack { get; }

    public bool Described { get; set; }

    public string Name { get; set; } = "";

    public string Version { get; set; } = "";

    public string Location { get; set; } = "";

    public double AtMs { get; }

    /// <summary>Loaded before the hook started (CoreLib, the entry assembly, the hook itself); no trigger known.</summary>
    public bool BeforeHook { get; }

    /// <summary>True for assemblies of the shared framework (System.*, Microsoft.Extensions.* shipped with the runtime).</summary>
    public bool Framework { get; set; }

    /// <summary>First non-framework, non-hook frame on the loading thread's stack as <c>Type.Method</c>; null when none.</summary>
    public string? Trigger { get; set; }

    /// <summary>Assembly of <see cref="Trigger"/>.</summary>
    public string? TriggerAssembly { get; set; }

    /// <summary>The innermost frames (framework frames included, hook frames skipped) as <c>Type.Method</c>.</summary>
    public List<string> Stack { get; } = new();

    /// <summary>
    /// The innermost user-code frames (not framework, heavy package, LazyMigrate or hook code), innermost first, at most
    /// <see cref="ProfileRecorder.MaxUserFrames"/>: enough for the CLI to find the source lines through the PDB.
    /// </summary>
    public List<UserFrame> UserFrames { get; } = new();

    /// <summary>Catalog name of the heavy package this assembly belongs to, or null.</summary>
    public string? HeavyPackage { get; set; }

    public int ThreadId { get; }
}

/// <summary>
/// One user-code frame of a load's stack: the method, the file of its module, its metadata token and the IL offset
/// the frame was at (-1 when the runtime does not know it). The CLI maps token and offset to a source line.
/// </summary>
internal sealed class UserFrame
{
    public UserFrame(string method, string module, int token, int ilOffset)
    {
        Method = method;
        Module = module;
        Token = token;
        IlOffset = ilOffset;
    }

    public string Method { get; }

    public string Module { get; }

    public int Token { get; }

    public int IlOffset { get; }
}

/// <summary>One native shared library, first seen mapped into the process at <see cref="FirstSeenAtMs"/>.</summary>
internal sealed class NativeLibraryEvent
{
    public string Path { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Time of the /proc/self/maps sample that first showed it (an upper bound of its load time).</summary>
    public double FirstSeenAtMs { get; set; }

    public string? HeavyPackage { get; set; }
}
