using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace LazyMigrate.StartupHarness;

/// <summary>The parts of the startup hook's JSON (docs/profile-format.md) the harness reports.</summary>
internal sealed class HookProfile
{
    public double ReadyAtMs { get; set; }

    public string ReadyReason { get; set; } = "";

    public long RssBytes { get; set; }

    public long PeakRssBytes { get; set; }

    public int AssemblyCount { get; set; }

    public List<string> HeavyAssemblies { get; set; } = new();

    public List<string> HeavyNativeLibraries { get; set; } = new();

    /// <summary>Heavy package name → what of it was loaded at ready (for explaining a missed target).</summary>
    public Dictionary<string, string> HeavyPackages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Trigger (first user frame) of each heavy assembly loaded before ready.</summary>
    public Dictionary<string, string> HeavyTriggers { get; set; } = new(StringComparer.Ordinal);

    public static HookProfile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("the startup hook wrote no profile", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetString() != "lazymigrate-startup-profile")
        {
            throw new InvalidDataException($"{path} is not a LazyMigrate startup profile");
        }

        var profile = new HookProfile
        {
            ReadyAtMs = root.GetProperty("readyAtMs").GetDouble(),
            ReadyReason = root.GetProperty("readyReason").GetString() ?? "",
            RssBytes = root.GetProperty("rssBytes").GetInt64(),
            PeakRssBytes = root.GetProperty("peakRssBytes").GetInt64(),
            AssemblyCount = root.GetProperty("assemblies").GetArrayLength(),
        };

        foreach (var assembly in root.GetProperty("assemblies").EnumerateArray())
        {
            if (assembly.GetProperty("heavyPackage").ValueKind == JsonValueKind.String)
            {
                var name = assembly.GetProperty("name").GetString() ?? "";
                profile.HeavyAssemblies.Add(name);
                var trigger = assembly.GetProperty("trigger");
                profile.HeavyTriggers[name] = trigger.ValueKind == JsonValueKind.String ? trigger.GetString() ?? "" : "(before the hook)";
            }
        }

        foreach (var native in root.GetProperty("nativeLibraries").EnumerateArray())
        {
            if (native.GetProperty("heavyPackage").ValueKind == JsonValueKind.String)
            {
                profile.HeavyNativeLibraries.Add(native.GetProperty("name").GetString() ?? "");
            }
        }

        foreach (var package in root.GetProperty("summary").GetProperty("heavyPackages").EnumerateArray())
        {
            var parts = new List<string>();
            foreach (var a in package.GetProperty("assemblies").EnumerateArray())
            {
                parts.Add(a.GetString() ?? "");
            }

            foreach (var n in package.GetProperty("nativeLibraries").EnumerateArray())
            {
                parts.Add(n.GetString() ?? "");
            }

            profile.HeavyPackages[package.GetProperty("name").GetString() ?? ""] = string.Join(", ", parts);
        }

        return profile;
    }
}
