using System;
using System.IO;
using System.Linq;
using System.Text.Json;
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
    public async Task Migrate_fixes_every_rule_that_explains_a_load_in_one_round_and_says_when_the_cap_cut_it_short()
    {
        using var sample = new MigrateSample(twoRules: true);

        // One round allowed: the static initializer (LZM0001) and the local in Main (LZM0002) are both fixed in it.
        var result = await CliRunner.RunAsync(sample.Directory, "migrate", sample.ProjectPath, "--runs", "1", "--max-iterations", "1", "--ignore-output", "^onnx loaded", "--", sample.ReleaseDll);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Migrated: 2 file(s) changed (1 x LZM0001, 1 x LZM0002) in 1 round(s):", result.Out);
        Assert.DoesNotContain("var image = new MagickImage();", File.ReadAllText(Path.Combine(sample.Directory, "Program.cs")));
        Assert.Matches(new Regex(@"heavy native libraries at ready\s+2\s+0\b"), result.Out);
        Assert.Matches(new Regex(@"Microsoft\.ML\.OnnxRuntime\s+1 assemblies, 1 native\s+-"), result.Out);

        // Main still names the image type after ready (LZM0005, fixable): the cap stopped a migration that had more to do.
        Assert.Contains("Stopped at the --max-iterations cap (1 round(s)) with fixes left for heavy loads still seen before ready (1 x LZM0005)", result.Out);
        Assert.Matches(new Regex(@"Magick\.NET\s+\d+ assemblies, 1 native\s+\d+ assemblies, 0 native \(fixable\)"), result.Out);
        Assert.Matches(new Regex(@"  Magick\.NET \[[^\]]+\] \(fixable\): LZM0005 at Program\.cs:\d+ has a fix that was not applied: the --max-iterations cap stopped the migration first"), result.Out);
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
        Assert.Equal(new[] { ".editorconfig", "Directory.Build.props", "Directory.Packages.props", "MigrateApp.csproj", "Models.cs", "Program.cs" },
            Directory.GetFiles(sample.Directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrate_applies_a_callers_fix_when_the_innermost_explaining_diagnostic_has_none_and_the_load_is_gone()
    {
        using var sample = new OuterFixSample();
        var factorySource = File.ReadAllText(sample.FactoryPath);

        var result = await CliRunner.RunAsync(sample.Directory, "migrate", sample.ProjectPath, "--runs", "1", "--", sample.ReleaseDll);

        // The factory's LZM0008 explains the loads and has no fix; the field initializer's LZM0002 in the service
        // that calls the factory does, and applying it keeps every EF Core assembly from loading before ready.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Migrated: 1 file(s) changed (1 x LZM0002) in 1 round(s):", result.Out);
        Assert.Contains("  NotesService.cs", result.Out);
        Assert.DoesNotContain("_db = NotesDbFactory.Create();", File.ReadAllText(sample.ServicePath));
        Assert.Equal(factorySource, File.ReadAllText(sample.FactoryPath));
        Assert.Matches(new Regex(@"heavy managed assemblies at ready\s+[1-9]\d*\s+0\b"), result.Out);
        Assert.Matches(new Regex(@"heavy native libraries at ready\s+1\s+0\b"), result.Out);
        Assert.Matches(new Regex(@"Microsoft\.EntityFrameworkCore\s+\d+ assemblies, 1 native\s+-"), result.Out);
    }

    [Fact]
    public async Task Profile_names_the_innermost_explaining_diagnostic_and_the_callers_fix_in_text_and_json()
    {
        var project = Path.Combine(TestPaths.RepoRoot, "tests", "Cli.TestApps", "OuterFixApp");
        var dll = Path.Combine(project, "bin", TestPaths.Configuration, "net10.0", "OuterFixApp.dll");
        if (!File.Exists(dll))
        {
            var (code, output) = await CliRunner.ToolAsync(project, "dotnet", "build", "-c", TestPaths.Configuration);
            Assert.True(code == 0, "building the outer-fix test app failed:\n" + output);
        }

        using var temp = new TempDirectory();
        var json = temp.Combine("profile.json");
        var result = await CliRunner.RunAsync(temp.Path, "profile", "--json", json, "--", dll);

        Assert.True(result.ExitCode == 0, result.ToString());
        var fieldLine = OuterFixSample.LineOf(Path.Combine(project, "NotesService.cs"), "_db = NotesDbFactory.Create()");
        var connectionLine = OuterFixSample.LineOf(Path.Combine(project, "NotesDbFactory.cs"), "new SqliteConnection(");

        // Text: the Sqlite load is explained by the factory's LZM0008 (no fix) and fixed through the caller's LZM0002.
        var headline = result.Out.Split('\n').Single(l => l.StartsWith("  Microsoft.EntityFrameworkCore [Microsoft.Data.Sqlite", StringComparison.Ordinal));
        Assert.Contains($"\u2190 NotesDbFactory.cs:{connectionLine} ", headline);
        Assert.EndsWith($"\u2014 LZM0008; fixable through LZM0002 at NotesService.cs:{fieldLine} (a caller)", headline.TrimEnd());
        Assert.Contains($"     fix: LZM0002 at NotesService.cs:{fieldLine}:", result.Out);

        // JSON: the explaining diagnostics and, apart, the fixes.
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var load = document.RootElement.GetProperty("lazymigrate").GetProperty("explanations").EnumerateArray()
            .Single(e => e.GetProperty("assemblies").EnumerateArray().Any(a => a.GetString() == "Microsoft.Data.Sqlite"));
        var explaining = Assert.Single(load.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("LZM0008", false, 0), (explaining.GetProperty("id").GetString(), explaining.GetProperty("fixable").GetBoolean(), explaining.GetProperty("frameIndex").GetInt32()));
        var fix = Assert.Single(load.GetProperty("fixes").EnumerateArray());
        Assert.Equal(("LZM0002", "NotesService.cs", fieldLine, true), (fix.GetProperty("id").GetString(), fix.GetProperty("relativePath").GetString(), fix.GetProperty("line").GetInt32(), fix.GetProperty("fixable").GetBoolean()));
        Assert.True(fix.GetProperty("frameIndex").GetInt32() > 0);
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
