using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class BadInputTests
{
    [Fact]
    public async Task Missing_path_is_exit_2_with_the_path_named()
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("nope", "App.sln");
        var result = await CliRunner.RunAsync(temp.Path, "scan", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("path not found", result.Err);
        Assert.Contains(missing, result.Err);
    }

    [Fact]
    public async Task Folder_with_several_solutions_is_exit_2_naming_them()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("One.sln"), SampleSolution.SolutionFile("A", @"A\A.csproj"));
        File.WriteAllText(temp.Combine("Two.slnx"), "<Solution />");
        var result = await CliRunner.RunAsync(temp.Path, "fix", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("several solutions", result.Err);
        Assert.Contains("One.sln", result.Err);
        Assert.Contains("Two.slnx", result.Err);
    }

    [Fact]
    public async Task Broken_project_xml_is_exit_2_naming_the_project_and_the_xml_error()
    {
        // Not restored either: the XML problem is what the user must hear about first.
        using var sample = await SampleSolution.CreateAsync(restore: false);
        File.WriteAllText(sample.ProjectPath, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n</Project>\n");
        var result = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("App.csproj", result.Err);
        Assert.Contains("not valid XML", result.Err);
        Assert.Contains("PropertyGroup", result.Err);
    }

    [Fact]
    public async Task Project_msbuild_cannot_evaluate_is_exit_2_with_msbuilds_message()
    {
        using var sample = await SampleSolution.CreateAsync();
        // Well-formed XML, but evaluation fails: a property function reads a file that is not there.
        File.WriteAllText(sample.ProjectPath, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Stamp>$([System.IO.File]::ReadAllText("/nonexistent/lazymigrate-stamp.txt"))</Stamp>
              </PropertyGroup>
            </Project>
            """);
        var result = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("could not load", result.Err);
        Assert.Contains("lazymigrate-stamp.txt", result.Err);
    }

    [Fact]
    public async Task Unrestored_project_says_to_restore_and_restore_option_fixes_it()
    {
        using var sample = await SampleSolution.CreateAsync(restore: false);
        var result = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not restored", result.Err);
        Assert.Contains("dotnet restore", result.Err);
        Assert.Contains("--restore", result.Err);

        var restored = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath, "--restore");
        Assert.True(restored.ExitCode == 1, restored.ToString());
        Assert.Contains("LZM0001", restored.Out);
    }

    [Fact]
    public async Task Malformed_editorconfig_severity_is_exit_2_naming_the_value()
    {
        using var sample = await SampleSolution.CreateAsync(editorConfig: "dotnet_diagnostic.LZM0001.severity = loud\n");
        var result = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(".editorconfig", result.Err);
        Assert.Contains("loud", result.Err);
    }

    [Fact]
    public async Task Malformed_lazymigrate_key_item_is_exit_2_naming_item_and_key()
    {
        using var sample = await SampleSolution.CreateAsync(editorConfig: "lazymigrate.heavy_types = App.ModelSession, App..Broken Type\n");
        var result = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'App..Broken Type'", result.Err);
        Assert.Contains("lazymigrate.heavy_types", result.Err);
        Assert.DoesNotContain("'App.ModelSession'", result.Err);
    }

    [Fact]
    public async Task Unknown_lzm0003_preferred_fix_is_exit_2_naming_the_valid_values()
    {
        using var sample = await SampleSolution.CreateAsync(editorConfig: "lazymigrate.lzm0003.preferred_fix = lazy_value\n");
        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--dry-run");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'lazy_value'", result.Err);
        Assert.Contains("lazymigrate.lzm0003.preferred_fix", result.Err);
        Assert.Contains("'lazy_value_move'", result.Err);
    }

    [Fact]
    public async Task Unknown_web_startup_work_is_exit_2_naming_the_valid_values()
    {
        using var sample = await SampleSolution.CreateAsync(editorConfig: "lazymigrate.web_startup_work = first_request\n");
        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--dry-run");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'first_request'", result.Err);
        Assert.Contains("lazymigrate.web_startup_work", result.Err);
        Assert.Contains("'before_first_request'", result.Err);
    }

    [Fact]
    public async Task Empty_lzm0003_preferred_fix_means_the_default_and_is_accepted()
    {
        using var sample = await SampleSolution.CreateAsync(editorConfig: "lazymigrate.lzm0003.preferred_fix =\n");
        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--dry-run");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("preferred_fix", result.Err);
    }

    public static IEnumerable<object[]> BadOptions => new[]
    {
        new object[] { new[] { "scan", "--format", "xml" }, "does not accept 'xml'" },
        new object[] { new[] { "scan", "--no-such-option" }, "unknown option '--no-such-option'" },
        new object[] { new[] { "scan", "--output" }, "needs a value" },
        new object[] { new[] { "fix", "--max-iterations", "0" }, "positive whole number" },
        new object[] { new[] { "frobnicate" }, "unknown command 'frobnicate'" },
        new object[] { new[] { "scan", "a", "b" }, "unexpected extra argument 'b'" },
        new object[] { new[] { "profile" }, "after '--'" },
        new object[] { new[] { "scan", "--verbosity", "loud" }, "does not accept 'loud'" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_options_are_exit_2_with_usage(string[] args, string message)
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Err);
        Assert.Contains("Usage", result.Err);
    }

    [Fact]
    public async Task Unknown_diagnostic_id_is_exit_2_listing_the_known_ids()
    {
        using var sample = await SampleSolution.CreateAsync(restore: false);
        var result = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath, "--diagnostics", "LZM9999");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("LZM9999", result.Err);
        Assert.Contains("LZM0001", result.Err);
    }

    [Fact]
    public async Task Sdk_that_global_json_asks_for_is_missing_is_exit_3()
    {
        using var sample = await SampleSolution.CreateAsync(restore: false);
        File.WriteAllText(Path.Combine(sample.Root, "global.json"), "{ \"sdk\": { \"version\": \"99.0.100\", \"rollForward\": \"disable\" } }\n");

        // A separate process: MSBuild registration happens once per process.
        var result = await CliRunner.RunProcessAsync(sample.Root, "scan", sample.SolutionPath);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("SDK", result.Err);
    }
}
