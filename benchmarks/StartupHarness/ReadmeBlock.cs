using System;

namespace LazyMigrate.StartupHarness;

/// <summary>The README's generated block: everything between its two marker lines is the harness's report.</summary>
internal static class ReadmeBlock
{
    public const string Begin = "<!-- startup-table:begin -->";
    public const string End = "<!-- startup-table:end -->";

    /// <summary><paramref name="readme"/> with the text between the markers replaced by <paramref name="report"/>.</summary>
    public static string Replace(string readme, string report)
    {
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new HarnessStepException($"README.md has no '{Begin}' … '{End}' block to write the report into.");
        }

        var newline = readme.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var body = report.Replace("\r\n", "\n").Trim('\n').Replace("\n", newline);
        return readme[..(begin + Begin.Length)] + newline + body + newline + readme[end..];
    }
}
