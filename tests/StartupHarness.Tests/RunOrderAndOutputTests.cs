using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>The shuffled run order (replayable from its seed) and the output comparison over every run.</summary>
public sealed class RunOrderAndOutputTests
{
    [Fact]
    public void A_seed_replays_the_same_order_and_the_order_is_a_permutation()
    {
        var items = Enumerable.Range(0, 8).ToList();
        var random = new Random(42);
        var replay = new Random(42);
        var rounds = Enumerable.Range(0, 5).Select(_ => Harness.Shuffle(random, items)).ToList();
        var replayed = Enumerable.Range(0, 5).Select(_ => Harness.Shuffle(replay, items)).ToList();

        Assert.Equal(rounds, replayed);
        Assert.All(rounds, round => Assert.Equal(items, round.OrderBy(i => i)));

        // Shuffled anew in every round: over five rounds of eight items the order does not stay put.
        Assert.True(rounds.Select(r => string.Join(",", r)).Distinct().Count() > 1);
        Assert.Contains(rounds, round => !round.SequenceEqual(items));
    }

    [Fact]
    public void Seed_option_is_parsed_and_checked()
    {
        Assert.Null(HarnessOptions.Parse(Array.Empty<string>()).Seed);
        Assert.Equal(1234, HarnessOptions.Parse(new[] { "--seed", "1234" }).Seed);
        Assert.Equal(0, HarnessOptions.Parse(new[] { "--seed", "0" }).Seed);
        var error = Assert.Throws<HarnessUsageException>(() => HarnessOptions.Parse(new[] { "--seed", "-3" }));
        Assert.Contains("--seed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparable_output_starts_at_the_ready_line_and_leaves_out_timing_lines()
    {
        var output = new[] { "starting 4711", "READY App (models 1)", "part: 1", "TIMING first-use part 3.1 ms", "DONE" };

        Assert.Equal(new[] { "READY App (models 1)", "part: 1", "DONE" }, AppRunner.Comparable(output));
        Assert.Equal(new[] { "no marker" }, AppRunner.Comparable(new[] { "no marker", "TIMING x" }));
    }

    [Fact]
    public void Every_run_of_every_app_is_compared_not_only_the_first()
    {
        var runs = new List<RunResult>
        {
            Run(Harness.Before, Harness.WarmupMode, 0, "READY", "a: 1", "TIMING first-use a 9 ms"),
            Run(Harness.Before, Harness.TimingMode, 1, "READY", "a: 1", "TIMING first-use a 5 ms"),
            Run(Harness.After, Harness.TimingMode, 1, "READY", "a: 1"),
            Run(Harness.After, Harness.ProfileMode, 1, "READY", "a: 1"),
            Run(Harness.Floor, Harness.TimingMode, 1, "READY", "a: 0"),
        };
        var report = new HarnessReport();
        Harness.CompareOutputs(report, runs);
        Assert.True(report.OutputComparison.Checked);
        Assert.True(report.OutputComparison.Equal, report.OutputComparison.Note);
        Assert.Equal(new[] { 2, 2, 1 }, report.OutputComparison.Apps.Select(a => a.Runs));

        // A later run of the migrated app that prints something else makes the comparison fail, and is named.
        runs.Add(Run(Harness.After, Harness.IdleMode, 3, "READY", "a: 2"));
        runs.Add(Run(Harness.Floor, Harness.ProfileMode, 2, "READY", "a: 7"));
        report = new HarnessReport();
        Harness.CompareOutputs(report, runs);
        Assert.False(report.OutputComparison.Equal);
        Assert.Equal(new[] { "idle run 3" }, report.OutputComparison.Apps.Single(a => a.Variant == Harness.After).DifferingRuns);
        Assert.Equal(new[] { "ready run 2" }, report.OutputComparison.Apps.Single(a => a.Variant == Harness.Floor).DifferingRuns);
        Assert.Contains("idle run 3", report.OutputComparison.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Floor_output_is_compared_with_the_app_as_written_and_the_first_difference_is_named()
    {
        var runs = new List<RunResult>
        {
            Run(Harness.Before, Harness.TimingMode, 1, "boot", "READY", "a: 1", "TIMING first-use a 5 ms", "b: 2"),
            Run(Harness.Floor, Harness.TimingMode, 1, "READY", "a: 1", "TIMING first-use a 1 ms", "b: 2"),
        };
        var report = new HarnessReport();
        Harness.CompareOutputs(report, runs);
        Assert.Null(report.OutputComparison.FloorDifference);
        Assert.Contains("floor vs app as written: identical", report.OutputComparison.Note, StringComparison.Ordinal);

        runs[1] = Run(Harness.Floor, Harness.TimingMode, 1, "READY", "a: 1", "b: 3");
        report = new HarnessReport();
        Harness.CompareOutputs(report, runs);
        Assert.Equal("line 3: `b: 2` vs `b: 3`", report.OutputComparison.FloorDifference);
        Assert.Contains("floor vs app as written: DIFFERENT at line 3", report.OutputComparison.Note, StringComparison.Ordinal);
        Assert.Equal("line 2: `a: 1` vs `(nothing)`", Harness.FirstDifference(new[] { "READY", "a: 1" }, new[] { "READY" }));
    }

    private static RunResult Run(string variant, string mode, int index, params string[] output)
        => new() { Variant = variant, Mode = mode, Index = index, Succeeded = true, Output = output.ToList() };
}
