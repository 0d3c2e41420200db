using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LazyMigrate.Cli.Profiling;

/// <summary>One managed assembly load from the startup hook's report.</summary>
public sealed record AssemblyLoad(string Name, string Version, double AtMs, double SincePreviousMs, string? HeavyPackage, bool Framework, bool BeforeHook, string? Trigger, IReadOnlyList<string> Stack, string Location)
{
    /// <summary>The innermost user-code frames of the loading thread, innermost first (empty in profiles of older hooks).</summary>
    public IReadOnlyList<UserFrame> UserFrames { get; init; } = Array.Empty<UserFrame>();
}

/// <summary>One user-code frame: method, module file, metadata token and IL offset (-1 when unknown).</summary>
public sealed record UserFrame(string Method, string Module, int Token, int IlOffset);

/// <summary>One native library first seen in the process's memory map.</summary>
public sealed record NativeLoad(string Name, string Path, double AtMs, string? HeavyPackage);

/// <summary>A heavy package's loads before ready, with the time window they span.</summary>
public sealed record HeavyPackageLoad(string Name, double FirstAtMs, double LastAtMs, double CostMs, IReadOnlyList<string> Assemblies, IReadOnlyList<string> NativeLibraries, string? Trigger);

/// <summary>
/// The startup hook's JSON profile (docs/profile-format.md), read tolerantly: unknown fields are
/// ignored, missing ones get neutral defaults, so the CLI survives format additions.
/// </summary>
public sealed class ProfileModel
{
    /// <summary>The command line the hook saw.</summary>
    public string CommandLine { get; init; } = string.Empty;

    /// <summary>The ready marker text.</summary>
    public string ReadyMarker { get; init; } = string.Empty;

    /// <summary>Milliseconds from process start to ready.</summary>
    public double ReadyAtMs { get; init; }

    /// <summary><c>marker</c>, <c>signal</c> or <c>exit</c>.</summary>
    public string ReadyReason { get; init; } = string.Empty;

    /// <summary>Resident set size at ready.</summary>
    public long RssBytes { get; init; }

    /// <summary>Peak resident set size at ready.</summary>
    public long PeakRssBytes { get; init; }

    /// <summary>When the hook started (ms since process start).</summary>
    public double HookStartedAtMs { get; init; }

    /// <summary>Managed assemblies loaded before ready, in load order.</summary>
    public IReadOnlyList<AssemblyLoad> Assemblies { get; init; } = Array.Empty<AssemblyLoad>();

    /// <summary>Native libraries loaded before ready.</summary>
    public IReadOnlyList<NativeLoad> NativeLibraries { get; init; } = Array.Empty<NativeLoad>();

    /// <summary>Managed assemblies loaded after ready (until exit, when known).</summary>
    public IReadOnlyList<AssemblyLoad> AfterReadyAssemblies { get; init; } = Array.Empty<AssemblyLoad>();

    /// <summary>Native libraries loaded after ready.</summary>
    public IReadOnlyList<NativeLoad> AfterReadyNativeLibraries { get; init; } = Array.Empty<NativeLoad>();

    /// <summary>When the process exited (ms since start), if it did while profiled.</summary>
    public double? ExitAtMs { get; init; }

    /// <summary>The heavy packages that loaded before ready, in order of first load.</summary>
    public IReadOnlyList<HeavyPackageLoad> HeavyPackages => HeavyPackagesOf(Assemblies, NativeLibraries);

    /// <summary>Groups heavy loads by package. Cost = the load-to-load gaps of the package's assemblies (the time spent since the previous load, which includes the JIT and initialisation that led to it).</summary>
    public static IReadOnlyList<HeavyPackageLoad> HeavyPackagesOf(IReadOnlyList<AssemblyLoad> assemblies, IReadOnlyList<NativeLoad> natives)
    {
        var names = assemblies.Where(a => a.HeavyPackage is not null).Select(a => (a.HeavyPackage!, a.AtMs))
            .Concat(natives.Where(n => n.HeavyPackage is not null).Select(n => (n.HeavyPackage!, n.AtMs)))
            .OrderBy(p => p.AtMs).Select(p => p.Item1).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<HeavyPackageLoad>();
        foreach (var name in names)
        {
            var own = assemblies.Where(a => a.HeavyPackage == name).ToList();
            var ownNatives = natives.Where(n => n.HeavyPackage == name).ToList();
            var times = own.Select(a => a.AtMs).Concat(ownNatives.Select(n => n.AtMs)).ToList();
            result.Add(new HeavyPackageLoad(
                name,
                times.Min(),
                times.Max(),
                own.Sum(a => a.SincePreviousMs),
                own.Select(a => a.Name).ToList(),
                ownNatives.Select(n => n.Name).ToList(),
                own.Select(a => a.Trigger).FirstOrDefault(t => t is not null)));
        }

        return result;
    }

    /// <summary>Parses the hook's JSON.</summary>
    public static ProfileModel Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var afterReady = root.TryGetProperty("afterReady", out var after) && after.ValueKind == JsonValueKind.Object ? after : default;
        var readyAt = Number(root, "readyAtMs");
        var natives = ReadNatives(root);
        var nativesAfter = afterReady.ValueKind == JsonValueKind.Object ? ReadNatives(afterReady) : new List<NativeLoad>();

        // A library first seen by the sample taken at the ready moment was mapped before ready,
        // whichever list the hook filed it in.
        natives.AddRange(nativesAfter.Where(n => n.AtMs <= readyAt));
        nativesAfter.RemoveAll(n => n.AtMs <= readyAt);
        return new ProfileModel
        {
            CommandLine = String(root, "commandLine") ?? string.Empty,
            ReadyMarker = String(root, "readyMarker") ?? string.Empty,
            ReadyAtMs = readyAt,
            ReadyReason = String(root, "readyReason") ?? string.Empty,
            RssBytes = (long)Number(root, "rssBytes"),
            PeakRssBytes = (long)Number(root, "peakRssBytes"),
            HookStartedAtMs = Number(root, "hookStartedAtMs"),
            Assemblies = ReadAssemblies(root),
            NativeLibraries = natives,
            AfterReadyAssemblies = afterReady.ValueKind == JsonValueKind.Object ? ReadAssemblies(afterReady) : Array.Empty<AssemblyLoad>(),
            AfterReadyNativeLibraries = nativesAfter,
            ExitAtMs = afterReady.ValueKind == JsonValueKind.Object && afterReady.TryGetProperty("exitAtMs", out var exit) && exit.ValueKind == JsonValueKind.Number ? exit.GetDouble() : null,
        };
    }

    private static List<AssemblyLoad> ReadAssemblies(JsonElement parent)
    {
        var list = new List<AssemblyLoad>();
        if (!parent.TryGetProperty("assemblies", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var a in array.EnumerateArray())
        {
            var stack = a.TryGetProperty("stack", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(f => f.GetString() ?? string.Empty).ToList()
                : new List<string>();
            list.Add(new AssemblyLoad(
                String(a, "name") ?? "?",
                String(a, "version") ?? string.Empty,
                Number(a, "atMs"),
                Number(a, "sincePreviousMs"),
                String(a, "heavyPackage"),
                Bool(a, "framework"),
                Bool(a, "beforeHook"),
                String(a, "trigger"),
                stack,
                String(a, "location") ?? string.Empty)
            {
                UserFrames = ReadUserFrames(a),
            });
        }

        return list;
    }

    private static List<UserFrame> ReadUserFrames(JsonElement load)
    {
        var frames = new List<UserFrame>();
        if (!load.TryGetProperty("userFrames", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return frames;
        }

        foreach (var f in array.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object))
        {
            frames.Add(new UserFrame(String(f, "method") ?? "?", String(f, "module") ?? string.Empty, (int)Number(f, "token"), f.TryGetProperty("ilOffset", out _) ? (int)Number(f, "ilOffset") : -1));
        }

        return frames;
    }

    private static List<NativeLoad> ReadNatives(JsonElement parent)
    {
        var list = new List<NativeLoad>();
        if (!parent.TryGetProperty("nativeLibraries", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var n in array.EnumerateArray())
        {
            var at = n.TryGetProperty("firstSeenAtMs", out _) ? Number(n, "firstSeenAtMs") : Number(n, "atMs");
            list.Add(new NativeLoad(String(n, "name") ?? "?", String(n, "path") ?? string.Empty, at, String(n, "heavyPackage")));
        }

        return list;
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
