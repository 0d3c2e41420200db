using System;
using System.Globalization;
using System.IO;
using System.Linq;
using LazyMigrate.Catalog;
using LazyMigrate.Cli.Explaining;

namespace LazyMigrate.Cli.Profiling;

/// <summary>The text report of a startup profile: summary, heavy packages, then every load before ready.</summary>
public static class ProfileTextRenderer
{
    /// <summary>Writes the report.</summary>
    public static void Write(ProfileModel profile, string command, int? exitCode, TextWriter writer, ExplanationReport? explanations = null)
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

        if (explanations is not null && explanations.Loads.Count > 0)
        {
            writer.WriteLine();
            WriteExplanations(explanations, writer);
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

        if (explanations is not null)
        {
            WriteUnexplained(explanations, writer);
        }
    }

    /// <summary>The section that says which user code triggered each heavy load and which diagnostic explains it.</summary>
    private static void WriteExplanations(ExplanationReport report, TextWriter writer)
    {
        if (!report.Analyzed)
        {
            writer.WriteLine($"WHERE THE HEAVY LOADS CAME FROM (not matched to LZM diagnostics: {report.Note}):");
            foreach (var item in report.Loads)
            {
                writer.WriteLine("  " + Headline(item.Load, report.RootDirectory));
            }

            return;
        }

        var explained = report.ExplainedLoads.ToList();
        var unexplained = report.UnexplainedLoads.Count();
        writer.WriteLine($"WHY THEY LOADED ({explained.Count} of {report.Loads.Count} heavy load(s) explained by an LZM diagnostic; unexplained ones are listed at the end):");
        foreach (var item in explained)
        {
            writer.WriteLine("  " + Headline(item.Load, report.RootDirectory) + " \u2014 " + Verdict(item, report.RootDirectory));
            foreach (var d in item.Diagnostics)
            {
                writer.WriteLine($"     {d.Id} at {LoadFrame.RelativePath(report.RootDirectory, d.File)}:{d.Line}:{d.Column}{(d.Fixable ? " (fixable)" : string.Empty)}: {d.Message}");
                writer.WriteLine($"       {d.Reason}");
            }

            if (item.FixedFurtherOut)
            {
                foreach (var d in item.Fixes)
                {
                    writer.WriteLine($"     fix: {d.Id} at {LoadFrame.RelativePath(report.RootDirectory, d.File)}:{d.Line}:{d.Column} (fixable): {d.Message}");
                    writer.WriteLine($"       {d.Reason}");
                }
            }
        }

        if (unexplained == 0)
        {
            writer.WriteLine("  Every heavy load is explained by a diagnostic.");
        }
    }

    /// <summary>The closing section: the loads no diagnostic explains, with their frames and stacks.</summary>
    private static void WriteUnexplained(ExplanationReport report, TextWriter writer)
    {
        var unexplained = report.UnexplainedLoads.ToList();
        if (unexplained.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"UNEXPLAINED HEAVY LOADS ({unexplained.Count}): no LZM diagnostic lies on their call path. These are the analyzers' blind spots;");
        writer.WriteLine("make them lazy by hand (e.g. behind a LazyPackage) or report the pattern:");
        foreach (var item in unexplained)
        {
            writer.WriteLine("  !! " + Headline(item.Load, report.RootDirectory));
            if (item.Load.Frames.Count > 0)
            {
                writer.WriteLine("     user frames (innermost first):");
                foreach (var frame in item.Load.Frames)
                {
                    var where = frame.Source is null ? "(no source line)" : frame.Describe(report.RootDirectory);
                    writer.WriteLine($"       {where}  {frame.Method}{(frame.Text is null ? string.Empty : "  `" + Clip(frame.Text, 80) + "`")}");
                }
            }

            writer.WriteLine("     stack (innermost first):");
            foreach (var frame in item.Load.Stack)
            {
                writer.WriteLine("       " + frame);
            }
        }
    }

    /// <summary>
    /// <c>LZM0001, fixable; LZM0008</c>: each explaining rule once, marked fixable when any of its diagnostics is;
    /// when none is, the caller's diagnostic whose fix applies instead (<c>LZM0008; fixable through LZM0002 at Service.cs:31</c>).
    /// </summary>
    public static string Verdict(LoadExplanation item, string rootDirectory)
    {
        var verdict = string.Join("; ", item.Diagnostics.GroupBy(d => d.Id)
            .Select(g => g.Key + (g.Any(d => d.Fixable) ? ", fixable" : string.Empty)));
        if (item.FixedFurtherOut)
        {
            verdict += "; fixable through " + string.Join(", ", item.Fixes.Select(d => $"{d.Id} at {LoadFrame.RelativePath(rootDirectory, d.File)}:{d.Line}")) + " (a caller)";
        }

        return verdict;
    }

    /// <summary><c>Package [assemblies] (gap ms) ← File.cs:23 `text` ← Program.cs:16</c>.</summary>
    public static string Headline(HeavyLoad load, string rootDirectory)
    {
        var name = load.Assemblies.Count == 1 && load.Assemblies[0] == load.Package ? load.Package : $"{load.Package} [{string.Join(", ", load.Assemblies)}]";
        var text = new System.Text.StringBuilder(Invariant($"{name} ({load.LoadGapMs:0.0} ms at {load.AtMs:0.0} ms)"));
        if (load.Frames.Count == 0)
        {
            return text.Append(" \u2190 (no user code on the stack: the runtime compiling the entry point)").ToString();
        }

        for (var i = 0; i < load.Frames.Count && i < 3; i++)
        {
            var frame = load.Frames[i];
            text.Append(" \u2190 ").Append(frame.Describe(rootDirectory));
            if (i == 0 && frame.Text is not null)
            {
                text.Append(" `").Append(Clip(frame.Text, 60)).Append('`');
            }
        }

        return text.ToString();
    }

    /// <summary>Human wording of why the app counted as ready.</summary>
    public static string ReadyReason(ProfileModel profile) => profile.ReadyReason switch
    {
        "marker" => $"ready marker \"{profile.ReadyMarker}\" printed",
        "signal" => "the app signalled ready",
        "external" => "first successful response to the ready URL",
        "started" => "the host raised ApplicationStarted",
        "exit" => "process exit, no ready marker seen",
        var other => other,
    };

    /// <summary>Bytes as MB with one decimal.</summary>
    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Clip(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 1) + "~";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
