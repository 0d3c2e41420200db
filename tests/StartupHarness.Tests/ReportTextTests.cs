using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>The generated README block and its sentences, which may cite only figures of the report.</summary>
public sealed class ReportTextTests
{
    [Fact]
    public void Readme_block_between_the_markers_is_replaced_and_the_rest_kept()
    {
        var readme = "# Title\n\nintro\n\n<!-- startup-table:begin -->\nold table\nold line\n<!-- startup-table:end -->\n\nafter\n";

        var updated = ReadmeBlock.Replace(readme, "### new\n\n| a |\n");

        Assert.Equal("# Title\n\nintro\n\n<!-- startup-table:begin -->\n### new\n\n| a |\n<!-- startup-table:end -->\n\nafter\n", updated);
        Assert.Throws<HarnessStepException>(() => ReadmeBlock.Replace("no markers here", "x"));
    }

    [Fact]
    public void Update_readme_is_refused_for_a_smoke_run()
    {
        Assert.True(HarnessOptions.Parse(new[] { "--update-readme" }).UpdateReadme);
        var error = Assert.Throws<HarnessUsageException>(() => HarnessOptions.Parse(new[] { "--smoke", "--update-readme" }));
        Assert.Contains("--update-readme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_names_the_command_that_made_it_and_what_each_target_depends_on()
    {
        var options = HarnessOptions.Parse(new[] { "--seed", "7", "--runs", "3" });
        var report = new HarnessReport { Seed = 7, Runs = 3, Arguments = options.Arguments };
        report.Targets.Add(new TargetCheck("speed-up vs unmigrated", "≥ 10 ×", "11.0 ×", true, "how much work the app does before ready"));

        var markdown = MarkdownReport.Render(report);

        Assert.Contains("Command: `dotnet run -c Release --project benchmarks/StartupHarness -- --seed 7 --runs 3`.", markdown, StringComparison.Ordinal);
        Assert.Contains("seed 7 (`--seed 7` replays it)", markdown, StringComparison.Ordinal);
        Assert.Contains("| speed-up vs unmigrated | ≥ 10 × | 11.0 × | yes | how much work the app does before ready |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_sentences_cite_the_report_figures()
    {
        var report = new HarnessReport { IdleMilliseconds = 1500 };
        report.Variants.Add(Variant(Harness.BareConsole, ready: 20, rss: 30, heavy: 0));
        report.Variants.Add(Variant(Harness.Floor, ready: 100, rss: 40, heavy: 0));
        report.Variants.Add(Variant(Harness.Before, ready: 1234, rss: 150, heavy: 21));
        report.Variants.Add(Variant(Harness.After, ready: 103, rss: 41, heavy: 0));
        report.Ratios["after/floor"] = 1.03;
        report.Ratios["before/after"] = 1234 / 103.0;
        report.FirstUse.Add(Use(Harness.After, Harness.TimingMode, ("a", 5), ("b", 987.6)));
        report.FirstUse.Add(Use(Harness.Before, Harness.TimingMode, ("a", 4), ("b", 55.5)));
        report.FirstUse.Add(Use(Harness.After, Harness.IdleMode, ("a", 4), ("b", 66.6)));
        report.FirstUse.Add(Use(Harness.After, Harness.IdlePreloadMode, ("a", 4), ("b", 44.4)));

        var text = string.Join("\n", MarkdownReport.Summary(report));

        foreach (var figure in new[] { "**after** 103 ms", "**floor** 100 ms", "**before** 1234 ms", "after/floor = 1.03", "before/after = 11.98",
                     "21 and", "peak RSS 41.0 MB", "slowest part is b at 987.6 ms", "(**before**: 55.5 ms)", "66.6 ms without", "44.4 ms with it" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }

        Assert.Contains("**after** 103–103 ms, **floor** 100–100 ms; the ranges do not overlap.", text, StringComparison.Ordinal);
        report.Variants.Single(v => v.Name == Harness.After).TimeToReadyMs = Statistic.Of(new[] { 95.0, 103.0 });
        Assert.Contains("**after** 95–103 ms, **floor** 100–100 ms; the ranges overlap, so this run does not tell the two apart.", string.Join("\n", MarkdownReport.Summary(report)), StringComparison.Ordinal);

        // No successful runs of an app to compare: no sentence rather than a sentence with made-up figures.
        report.Variants.Single(v => v.Name == Harness.After).SucceededRuns = 0;
        Assert.Empty(MarkdownReport.Summary(report));
    }

    private static VariantSummary Variant(string name, double ready, double rss, double heavy) => new()
    {
        Name = name,
        SucceededRuns = 2,
        SucceededTimedRuns = 2,
        TimeToReadyMs = Statistic.Of(new[] { ready, ready }),
        PeakRssMb = Statistic.Of(new[] { rss, rss }),
        HeavyAssemblies = Statistic.Of(new[] { heavy, heavy }),
        HeavyNativeLibraries = Statistic.Of(new[] { 0.0, 0.0 }),
    };

    private static FirstUseSummary Use(string variant, string mode, params (string Part, double Ms)[] parts) => new()
    {
        Variant = variant,
        Mode = mode,
        Runs = 2,
        Parts = parts.ToDictionary(p => p.Part, p => Statistic.Of(new[] { p.Ms, p.Ms })),
    };
}
