using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LazyMigrate.Cli.Profiling;

namespace LazyMigrate.Cli.Migration;

/// <summary>One heavy package's loads before ready in a run: how many managed assemblies and native libraries.</summary>
public sealed record PackageCount(string Package, int Assemblies, int NativeLibraries);

/// <summary>Several profiled runs of the same program, summarised for the before/after table.</summary>
public sealed class RunSeries
{
    /// <summary>Creates the summary.</summary>
    public RunSeries(IReadOnlyList<ProfileRun> runs)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("at least one run", nameof(runs));
        }

        Runs = runs;
        var ready = runs.Select(r => r.Profile.ReadyAtMs).OrderBy(x => x).ToList();
        MedianReadyMs = Median(ready);
        MinReadyMs = ready[0];
        MaxReadyMs = ready[^1];
        MedianRssBytes = (long)Median(runs.Select(r => (double)r.Profile.RssBytes).OrderBy(x => x).ToList());

        // Counts come from the run closest to the median: every run loads the same things in the same order.
        Typical = runs.OrderBy(r => Math.Abs(r.Profile.ReadyAtMs - MedianReadyMs)).First();
        var profile = Typical.Profile;
        HeavyAssemblies = profile.Assemblies.Count(a => a.HeavyPackage is not null);
        HeavyNativeLibraries = profile.NativeLibraries.Count(n => n.HeavyPackage is not null);
        Packages = profile.HeavyPackages
            .Select(p => new PackageCount(p.Name, p.Assemblies.Count, p.NativeLibraries.Count))
            .ToList();
    }

    /// <summary>The runs, in order.</summary>
    public IReadOnlyList<ProfileRun> Runs { get; }

    /// <summary>The run whose time to ready is closest to the median.</summary>
    public ProfileRun Typical { get; }

    /// <summary>Median time to ready (ms since process start).</summary>
    public double MedianReadyMs { get; }

    /// <summary>Fastest run.</summary>
    public double MinReadyMs { get; }

    /// <summary>Slowest run.</summary>
    public double MaxReadyMs { get; }

    /// <summary>Median resident set size at ready.</summary>
    public long MedianRssBytes { get; }

    /// <summary>Heavy managed assemblies loaded before ready.</summary>
    public int HeavyAssemblies { get; }

    /// <summary>Heavy native libraries loaded before ready.</summary>
    public int HeavyNativeLibraries { get; }

    /// <summary>Per heavy package loaded before ready.</summary>
    public IReadOnlyList<PackageCount> Packages { get; }

    /// <summary>
    /// What the program printed after ready, minus ignored lines: the lines after the first one containing the
    /// marker, or every line when no line contains it (ready at exit) or there is no marker (URL and started modes:
    /// where the ready moment falls in the output is not known). The exit code is the last line.
    /// </summary>
    public static IReadOnlyList<string> OutputAfterReady(ProfileRun run, string? marker, IReadOnlyList<Regex> ignore)
    {
        var lines = run.Output.ToList();
        var at = marker is null ? -1 : lines.FindIndex(l => l.Contains(marker, StringComparison.Ordinal));
        var after = at >= 0 ? lines.Skip(at + 1) : lines;
        return after.Where(l => !ignore.Any(r => r.IsMatch(l)))
            .Append("(exit code " + (run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none: stopped") + ")")
            .ToList();
    }

    /// <summary>The before/after table.</summary>
    /// <param name="before">The runs before.</param>
    /// <param name="after">The runs after.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="afterNotes">A short note per package still loaded after (why it is), shown after its counts.</param>
    public static void WriteTable(RunSeries before, RunSeries after, TextWriter writer, IReadOnlyDictionary<string, string>? afterNotes = null)
    {
        const int Label = 34;
        const int Column = 30;
        void Row(string label, string a, string b) => writer.WriteLine($"  {label,-Label} {a,-Column} {b}");
        string Time(RunSeries s) => Invariant($"{s.MedianReadyMs:0.0} ms ({s.MinReadyMs:0.0}-{s.MaxReadyMs:0.0})");
        string Package(RunSeries s, string name) => s.Packages.FirstOrDefault(p => p.Package == name) is { } p
            ? $"{p.Assemblies} assemblies, {p.NativeLibraries} native"
            : "-";

        writer.WriteLine($"Before and after ({before.Runs.Count} and {after.Runs.Count} run(s); time since process start):");
        Row(string.Empty, "before", "after");
        Row("time to ready, median (range)", Time(before), Time(after));
        Row("RSS at ready, median", ProfileTextRenderer.Mb(before.MedianRssBytes), ProfileTextRenderer.Mb(after.MedianRssBytes));
        Row("heavy managed assemblies at ready", before.HeavyAssemblies.ToString(CultureInfo.InvariantCulture), after.HeavyAssemblies.ToString(CultureInfo.InvariantCulture));
        Row("heavy native libraries at ready", before.HeavyNativeLibraries.ToString(CultureInfo.InvariantCulture), after.HeavyNativeLibraries.ToString(CultureInfo.InvariantCulture));
        foreach (var name in before.Packages.Select(p => p.Package).Concat(after.Packages.Select(p => p.Package)).Distinct(StringComparer.Ordinal))
        {
            var note = afterNotes is not null && afterNotes.TryGetValue(name, out var text) && after.Packages.Any(p => p.Package == name) ? $" ({text})" : string.Empty;
            Row("  " + name, Package(before, name), Package(after, name) + note);
        }
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
