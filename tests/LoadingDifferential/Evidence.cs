using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LazyMigrate.LoadingDifferential;

/// <summary>One LZM diagnostic the build reported.</summary>
internal sealed record Finding(string RuleId, string File, int Line, string Message);

/// <summary>Reads the SARIF 2.1 log the compiler writes (ErrorLog) and keeps the LZM diagnostics.</summary>
internal static class SarifLog
{
    public static List<Finding> Read(string path)
    {
        var findings = new List<Finding>();
        if (!File.Exists(path))
        {
            return findings;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var ruleId = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "" : "";
                if (!ruleId.StartsWith("LZM", StringComparison.Ordinal))
                {
                    continue;
                }

                var message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
                var file = "";
                var line = 0;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    && locations[0].TryGetProperty("physicalLocation", out var physical))
                {
                    if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
                    {
                        file = Path.GetFileName(new Uri(uri.GetString()!, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(uri.GetString()!).LocalPath : uri.GetString()!);
                    }

                    if (physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var startLine))
                    {
                        line = startLine.GetInt32();
                    }
                }

                findings.Add(new Finding(ruleId, file, line, message));
            }
        }

        return findings.Distinct().OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
    }
}

/// <summary>What the startup hook saw before ready: the heavy assemblies and native libraries, and why they loaded.</summary>
internal sealed record LoadEvidence(
    string ReadyReason,
    double ReadyAtMs,
    List<string> HeavyAssemblies,
    List<string> HeavyNativeLibraries,
    List<string> HeavyPackages,
    string? FirstTrigger)
{
    public bool LoadedHeavy => HeavyAssemblies.Count + HeavyNativeLibraries.Count > 0;

    /// <summary>A short description: "Magick.NET: 2 assemblies, 1 native (trigger Program.&lt;Main&gt;$)".</summary>
    public string Describe()
    {
        if (!LoadedHeavy)
        {
            return "nothing heavy";
        }

        var natives = HeavyNativeLibraries.Count == 0 ? "no native" : $"{HeavyNativeLibraries.Count} native";
        var trigger = FirstTrigger is null ? "" : $", first by {FirstTrigger}";
        return $"{string.Join(" + ", HeavyPackages)}: {HeavyAssemblies.Count} asm, {natives}{trigger}";
    }

    /// <summary>Reads a profile written by LazyMigrate.StartupHook (docs/profile-format.md).</summary>
    public static LoadEvidence Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var assemblies = new List<string>();
        string? trigger = null;
        foreach (var assembly in root.GetProperty("assemblies").EnumerateArray())
        {
            if (assembly.GetProperty("heavyPackage").ValueKind == JsonValueKind.String)
            {
                assemblies.Add(assembly.GetProperty("name").GetString()!);
                if (trigger is null && assembly.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    trigger = t.GetString();
                }
            }
        }

        var natives = root.GetProperty("nativeLibraries").EnumerateArray()
            .Where(n => n.GetProperty("heavyPackage").ValueKind == JsonValueKind.String)
            .Select(n => n.GetProperty("name").GetString()!)
            .ToList();
        var packages = root.GetProperty("summary").GetProperty("heavyPackages").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!)
            .ToList();
        return new LoadEvidence(
            root.GetProperty("readyReason").GetString() ?? "",
            root.GetProperty("readyAtMs").GetDouble(),
            assemblies,
            natives,
            packages,
            trigger);
    }
}

/// <summary>One run of one program under the startup hook.</summary>
internal sealed record RunResult(bool Ok, string? Error, LoadEvidence? Evidence, string Output, double Seconds);

internal static class ProgramRunner
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="dll"/> with the startup hook; ready is <c>LazyLoading.MarkReady()</c> (the programs also print READY).</summary>
    public static RunResult Run(RepositoryLayout layout, string dll, string profilePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(profilePath)!);
        File.Delete(profilePath);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = layout.StartupHookDll,
            ["LAZYMIGRATE_PROFILE_OUTPUT"] = profilePath,
            ["LAZYMIGRATE_READY_MARKER"] = "READY",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var result = Tools.Run("dotnet", new[] { dll }, Path.GetDirectoryName(dll)!, RunTimeout, environment);
        var output = string.Join("\n", result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var seconds = result.Elapsed.TotalSeconds;
        if (!result.Succeeded)
        {
            return new RunResult(false, result.TimedOut ? "timed out" : $"exit {result.ExitCode}: {result.Tail(6)}", null, output, seconds);
        }

        if (!File.Exists(profilePath))
        {
            return new RunResult(false, "the startup hook wrote no profile", null, output, seconds);
        }

        var evidence = LoadEvidence.Read(profilePath);
        if (evidence.ReadyReason == "exit")
        {
            return new RunResult(false, "never became ready", evidence, output, seconds);
        }

        if (!output.Split('\n').Contains("DONE"))
        {
            return new RunResult(false, "did not finish (no DONE line)", evidence, output, seconds);
        }

        return new RunResult(true, null, evidence, output, seconds);
    }
}
