using System.Collections.Generic;
using System.IO;
using LazyMigrate.Cli.Fixing;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Infrastructure;
using LazyMigrate.Cli.Reporting;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Tests;

/// <summary>Small pieces that need no MSBuild: the diff, progress output, the text report.</summary>
public sealed class UnitTests
{
    [Fact]
    public void Line_diff_is_a_unified_diff_with_context_and_hunk_ranges()
    {
        var before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        var after = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n";

        var diff = LineDiff.Unified(before, after, "a/x.cs", "b/x.cs", context: 1);

        Assert.Equal("--- a/x.cs\n+++ b/x.cs\n@@ -4,3 +4,3 @@\n d\n-e\n+E\n f\n@@ -10 +10,2 @@\n j\n+k\n", diff);
    }

    [Fact]
    public void Line_diff_of_equal_texts_is_empty_and_close_changes_share_a_hunk()
    {
        Assert.Equal(string.Empty, LineDiff.Unified("x\ny\n", "x\ny\n", "a", "b"));

        var diff = LineDiff.Unified("1\n2\n3\n4\n5\n", "1\nTWO\n3\nFOUR\n5\n", "a", "b", context: 1);
        Assert.Equal("--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n-4\n+FOUR\n 5\n", diff);
    }

    [Fact]
    public void Line_diff_of_a_new_file_starts_at_zero()
    {
        Assert.Equal("--- /dev/null\n+++ b/n.cs\n@@ -0,0 +1,2 @@\n+x\n+y\n", LineDiff.Unified(string.Empty, "x\ny\n", "/dev/null", "b/n.cs"));
    }

    [Fact]
    public void Progress_redraws_one_line_on_a_terminal_but_not_under_ci()
    {
        var terminal = new StringWriter();
        var onTerminal = new ProgressReporter(new CliContext(new StringWriter(), terminal, "/", new Dictionary<string, string?> { ["CI"] = null }, outputIsInteractive: true), Verbosity.Normal);
        onTerminal.Stage("Loading");
        onTerminal.Stage("Analyzing");
        onTerminal.Done();
        Assert.Contains("\rLoading", terminal.ToString());
        Assert.Contains("\rAnalyzing", terminal.ToString());

        var ci = new StringWriter();
        var underCi = new ProgressReporter(new CliContext(new StringWriter(), ci, "/", new Dictionary<string, string?> { ["CI"] = "true" }, outputIsInteractive: true), Verbosity.Normal);
        underCi.Stage("Loading");
        underCi.Detail("hidden at normal verbosity");
        Assert.DoesNotContain("\r", ci.ToString());
        Assert.Contains("Loading", ci.ToString());
        Assert.DoesNotContain("hidden", ci.ToString());
    }

    [Fact]
    public void Text_report_gives_the_catalog_cost_for_heavy_work_but_not_for_an_assembly_load()
    {
        static Finding Make(string rule) => new(rule, DiagnosticSeverity.Warning, "title", "message", null, "App", "/src/App/Program.cs", "App/Program.cs", 3, 1, 3, 9, "Microsoft.EntityFrameworkCore", new List<string>());
        var report = new ScanReport("/src/App.sln", "/src", new[] { Make("LZM0002"), Make("LZM0005") }, new List<CompileErrorSummary>(), new List<string>(), new List<DiagnosticDescriptor>(), new List<LazyMigrate.Cli.Workspace.SkippedProject>());
        var writer = new StringWriter();

        TextScanFormatter.Write(report, writer);

        var text = writer.ToString();
        var load = text.Substring(text.IndexOf("LZM0005", System.StringComparison.Ordinal));
        var work = text.Substring(0, text.IndexOf("LZM0005", System.StringComparison.Ordinal));
        Assert.Contains("Microsoft.EntityFrameworkCore - Entity Framework Core; model building and provider init take 0.4-0.7 s", work);
        Assert.Contains("Microsoft.EntityFrameworkCore - assembly loads when the method is compiled", load);
        Assert.DoesNotContain("0.4-0.7 s", load);
    }
}
