using System.Linq;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>Command-line parsing of the harness and its statistics.</summary>
public sealed class HarnessOptionsTests
{
    [Fact]
    public void Defaults_are_ten_runs_with_dotnet_format()
    {
        var options = HarnessOptions.Parse(new string[0]);
        Assert.Equal(10, options.Runs);
        Assert.Equal(5, options.PreloadRuns);
        Assert.Equal(FixerKind.DotnetFormat, options.Fixer);
        Assert.False(options.Smoke);
    }

    [Fact]
    public void Smoke_mode_makes_a_short_session_unless_runs_are_given()
    {
        var smoke = HarnessOptions.Parse(new[] { "--smoke" });
        Assert.Equal(2, smoke.Runs);
        Assert.Equal(1, smoke.PreloadRuns);
        Assert.True(smoke.IdleMilliseconds <= 500);

        var explicitRuns = HarnessOptions.Parse(new[] { "--runs", "4", "--smoke", "--fixer", "cli" });
        Assert.Equal(4, explicitRuns.Runs);
        Assert.Equal(FixerKind.LazyMigrateCli, explicitRuns.Fixer);
    }

    [Fact]
    public void App_option_selects_one_app_by_its_project_name_in_any_case()
    {
        var all = RepositoryLayout.FindAll(null);
        Assert.True(all.Count > 1, "the harness measures several apps");
        Assert.Equal(all.Select(a => a.AppName).Distinct().Count(), all.Count);

        var options = HarnessOptions.Parse(new[] { "--app", all[^1].AppName.ToUpperInvariant() });
        var selected = RepositoryLayout.FindAll(null, options.FloorProject, options.App);

        Assert.Equal(new[] { all[^1].FloorProject }, selected.Select(a => a.FloorProject));
        var unknown = Assert.Throws<HarnessUsageException>(() => RepositoryLayout.FindAll(null, appName: "NoSuchApp"));
        Assert.Contains(all[0].AppName, unknown.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Floor_properties_give_an_app_its_input_file_and_a_port()
    {
        var all = RepositoryLayout.FindAll(null);
        Assert.Contains(all, a => a.StandardInput is not null && System.IO.File.Exists(a.StandardInput));
        Assert.Contains(all, a => a.Http);
        Assert.Contains(all, a => a.StandardInput is null && !a.Http);
    }

    [Theory]
    [InlineData(new[] { "--runs", "0" }, "--runs")]
    [InlineData(new[] { "--runs", "many" }, "--runs")]
    [InlineData(new[] { "--runs" }, "needs a value")]
    [InlineData(new[] { "--fixer", "resharper" }, "--fixer")]
    [InlineData(new[] { "--fast" }, "Unknown option '--fast'")]
    public void Bad_options_are_rejected_with_a_message(string[] args, string expectedInMessage)
    {
        var error = Assert.Throws<HarnessUsageException>(() => HarnessOptions.Parse(args));
        Assert.True(error.HasMessage);
        Assert.Contains(expectedInMessage, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Statistic_reports_median_and_interpolated_quartiles()
    {
        // Sorted: 10 20 30 40 -> median 25, p25 at rank 0.75 = 17.5, p75 at rank 2.25 = 32.5.
        var statistic = Statistic.Of(new double[] { 40, 10, 30, 20 })!;
        Assert.Equal(4, statistic.Count);
        Assert.Equal(25, statistic.Median, 6);
        Assert.Equal(17.5, statistic.P25, 6);
        Assert.Equal(32.5, statistic.P75, 6);
        Assert.Equal(10, statistic.Min);
        Assert.Equal(40, statistic.Max);
        Assert.Null(Statistic.Of(new double[0]));
    }
}
