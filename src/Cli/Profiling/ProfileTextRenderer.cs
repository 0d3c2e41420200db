using System;
using System.Globalization;
using System.IO;
using System.Linq;
using LazyMigrate.Catalog;

namespace LazyMigrate.Cli.Profiling;

/// <summary>The text report of a startup profile: summary, heavy packages, then every load before ready.</summary>
public static class ProfileTextRenderer
{
    /// <summary>Writes the report.</summary>
    public static void Write(ProfileModel profile, string command, int? exitCode, TextWriter writer)
    {
        var heavyAssemblies = profile.Assemblies.Count(a => a.HeavyPackage is not null);
        var heavyNatives = profile.NativeLibraries.Count(n => n.HeavyPackage is not null);
        writer.WriteLine($"Startup profile of: {command}");
        writer.WriteLine(Invariant($"Ready after {profile.ReadyAtMs:0.0} ms ({ReadyReason(profile)}); RSS at ready {Mb(profile.RssBytes)} (peak {Mb(profile.PeakRssBytes)})") +
            (exitCode is { } code ? $"; exit code {code}" : string.Empty));
        writer.WriteLine($"Loaded before ready: {profile.Assemblies.Count} managed assemblies ({heavyAssemblies} heavy), {profile.NativeLibraries.Count} native libraries ({heavyNatives} heavy).");
        writer.WriteLine();

        var packages = profile.HeavyPackages;
        if (packages.Count == 0)
        {
            writer.WriteLine("No heavy package loaded before ready.");
        }
        else
        {
            writer.WriteLine("HEAVY PACKAGES LOADED BEFORE READY (move these behind lazy proxies: `lazymigrate scan`/`fix`):");
            foreach (var p in packages)
            {
                var info = HeavyPackageCatalog.FindByName(p.Name);
                writer.WriteLine(Invariant($"  !! {p.Name}: first load at {p.FirstAtMs:0.0} ms, last at {p.LastAtMs:0.0} ms, ~{p.CostMs:0.0} ms in its load gaps"));
                if (info is not null)
                {
                    writer.WriteLine($"     {info.Description}");
                }

                if (p.Assemblies.Count > 0)
                {
                    writer.WriteLine($"     assemblies: {string.Join(", ", p.Assemblies)}");
                }

                if (p.NativeLibraries.Count > 0)
                {
                    writer.WriteLine($"     native libraries: {string.Join(", ", p.NativeLibraries)}");
                }

                if (p.Trigger is not null)
                {
                    writer.WriteLine($"     first triggered by: {p.Trigger}");
                }
            }
        }

        writer.WriteLine();
        writer.WriteLine("Managed assemblies before ready (ms since process start; +ms = time since the previous load):");
        writer.WriteLine($"  {"at ms",9} {"+ms",8}  {"assembly",-45} {"heavy package",-30} triggered by");
        foreach (var a in profile.Assemblies)
        {
            var mark = a.HeavyPackage is not null ? "!!" : "  ";
            var trigger = a.BeforeHook ? "(before the hook)" : a.Trigger ?? (a.Framework ? "(runtime)" : string.Empty);
            writer.WriteLine(Invariant($"{mark}{a.AtMs,9:0.0} {a.SincePreviousMs,8:0.0}  {Clip(a.Name, 45),-45} {Clip(a.HeavyPackage ?? string.Empty, 30),-30} {trigger}"));
        }

        writer.WriteLine();
        writer.WriteLine("Native libraries before ready (first seen in the memory map):");
        writer.WriteLine($"  {"at ms",9}  {"library",-45} {"heavy package",-30} path");
        foreach (var n in profile.NativeLibraries)
        {
            var mark = n.HeavyPackage is not null ? "!!" : "  ";
            writer.WriteLine(Invariant($"{mark}{n.AtMs,9:0.0}  {Clip(n.Name, 45),-45} {Clip(n.HeavyPackage ?? string.Empty, 30),-30} {n.Path}"));
        }

        if (profile.AfterReadyAssemblies.Count > 0 || profile.AfterReadyNativeLibraries.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"After ready: {profile.AfterReadyAssemblies.Count} more managed assemblies, {profile.AfterReadyNativeLibraries.Count} more native libraries.");
        }
    }

    /// <summary>Human wording of why the app counted as ready.</summary>
    public static string ReadyReason(ProfileModel profile) => profile.ReadyReason switch
    {
        "marker" => $"ready marker \"{profile.ReadyMarker}\" printed",
        "signal" => "the app signalled ready",
        "exit" => "process exit, no ready marker seen",
        var other => other,
    };

    /// <summary>Bytes as MB with one decimal.</summary>
    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Clip(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 1) + "~";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
