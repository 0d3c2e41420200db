using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class MigrateTests
{
    [Fact]
    public async Task Migrate_makes_a_static_initializer_lazy_so_its_package_no_longer_loads_before_ready_and_prints_the_table()
    {
        using var sample = new MigrateSample();
        using var output = new TempDirectory();
        var html = output.Combine("migration.html");

        var result = await CliRunner.RunAsync(sample.Directory, "migrate", sample.ProjectPath, "--runs", "1", "--ignore-output", "^onnx loaded", "--html", html, "--", sample.ReleaseDll);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Migrated: 1 file(s) changed (1 x LZM0001)", result.Out);
        Assert.NotEqual(MigrateSample.ModelsSource, File.ReadAllText(sample.ModelsPath));
        Assert.Contains("Lazy<", File.ReadAllText(sample.ModelsPath));

        // The table: ONNX Runtime's assembly and native library were loaded before ready, and no longer are.
        Assert.Matches(new Regex(@"heavy managed assemblies at ready\s+1\s+0\b"), result.Out);
        Assert.Matches(new Regex(@"heavy native libraries at ready\s+1\s+0\b"), result.Out);
        Assert.Matches(new Regex(@"time to ready, median \(range\)\s+\d+\.\d ms \(\d+\.\d-\d+\.\d\)\s+\d+\.\d ms"), result.Out);
        Assert.Matches(new Regex(@"Microsoft\.ML\.OnnxRuntime\s+1 assemblies, 1 native\s+-"), result.Out);

        // One self-contained page with both waterfalls.
        var page = File.ReadAllText(html);
        Assert.Equal(2, Regex.Matches(page, "<svg class=\"waterfall\"").Count);
        Assert.DoesNotMatch(new Regex(@"https?://"), page);
    }

    [Fact]
    public async Task Migrate_whose_result_prints_something_else_after_ready_writes_nothing_and_is_exit_5()
    {
        using var sample = new MigrateSample();

        var result = await CliRunner.RunAsync(sample.Directory, "migrate", sample.ProjectPath, "--runs", "1", "--", sample.ReleaseDll);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("output after ready differs", result.Err);
        Assert.Contains("onnx loaded before first use: True", result.Err);
        Assert.Equal(MigrateSample.ModelsSource, File.ReadAllText(sample.ModelsPath));
        Assert.Equal(new[] { "Directory.Build.props", "Directory.Packages.props", "MigrateApp.csproj", "Models.cs", "Program.cs" },
            Directory.GetFiles(sample.Directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrate_without_a_command_is_exit_2_with_the_usage()
    {
        using var sample = new MigrateSample();

        var result = await CliRunner.RunAsync(sample.Directory, "migrate", sample.ProjectPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("migrate needs the command", result.Err);
        Assert.Contains("lazymigrate migrate", result.Err);
        Assert.False(Directory.Exists(Path.Combine(sample.Directory, "bin")), "nothing may be built");
    }
}
